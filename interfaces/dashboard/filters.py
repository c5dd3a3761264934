"""How values look on a page: UTC times, numbers with thousands separators, money in its currency, meter
filters in words, ledger references as links."""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any
from urllib.parse import quote

from litestar.plugins.jinja import JinjaTemplateEngine
from markupsafe import Markup, escape

from domain.money import MINOR_UNITS
from interfaces.dashboard.navigation import NAV, NOTICES
from interfaces.dashboard.price_form import TIER_ROWS

SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "CAD": "CA$", "AUD": "A$"}
OPERATOR_WORDS = {
    "equals": "is",
    "not_equals": "is not",
    "greater_than": ">",
    "greater_than_or_equals": "≥",
    "less_than": "<",
    "less_than_or_equals": "≤",
    "contains": "contains",
    "does_not_contain": "does not contain",
}


def utc(value: datetime | None) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC") if value else ""


def local_input(value: datetime | None) -> str:
    """The value of an <input type="datetime-local">, which has no zone: UTC."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M") if value else ""


def _plain(value: Any) -> Any:
    """A value as JSON can hold it, the way the API writes it: decimals as exact strings, times in ISO 8601,
    the domain's value objects (a line, billing details) by their fields, fractions as "n/d"; never a repr."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in fields(value)}
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, (set, frozenset, tuple)):
        return sorted(value, key=str) if isinstance(value, (set, frozenset)) else list(value)
    return str(value)


def as_json(value: Any) -> str:
    """Decimals, ids and times as the strings the API writes."""
    return json.dumps(value, indent=2, sort_keys=True, default=_plain, ensure_ascii=False)


def readable(value: Any) -> Any:
    """A value as plain dicts, lists and strings (as `as_json` writes it), for a page to lay out as tables."""
    return json.loads(as_json(value))


def segment(value: str) -> str:
    """A value as one URL path segment: external ids may hold slashes."""
    return quote(value, safe="")


def number(value: Any) -> str:
    """1381287 as 1,381,287 and "1234.5000" as 1,234.5000: digits grouped, every decimal the API wrote kept
    (quantities and amounts are exact; a page must not round them). Anything else as it is; None as —."""
    if value is None or value == "":
        return "—"
    text = str(value)
    try:
        Decimal(text)
    except InvalidOperation:
        return text
    sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, dot, fraction = digits.partition(".")
    if not whole.isdigit():
        return text
    return f"{sign}{int(whole):,}{dot}{fraction}"


def money(amount: Any, currency: str | None) -> str:
    """$1,234.50 for USD, CHF 12.00 where the symbol is not well known, ¥1,200 for JPY: at least the currency's
    minor units ($1.50, never $1.5), more where the API wrote more (a unit price of $0.0000025), never rounded."""
    shown = number(_to_minor_units(amount, currency))
    if not currency or shown == "—":
        return shown
    symbol = SYMBOLS.get(currency.upper())
    sign, bare = ("-", shown[1:]) if shown.startswith("-") else ("", shown)
    return f"{sign}{symbol}{bare}" if symbol else f"{sign}{currency.upper()} {bare}"


def _to_minor_units(amount: Any, currency: str | None) -> Any:
    try:
        value = Decimal(str(amount))
    except InvalidOperation:
        return amount
    minor = MINOR_UNITS.get((currency or "").upper())
    if minor is None or not value.is_finite() or -int(value.as_tuple().exponent) >= minor:
        return amount
    return format(value.quantize(Decimal(1).scaleb(-minor)), "f")


def _value_words(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return number(value)


def filter_words(condition: Any, nested: bool = False) -> str:
    """A meter's filter as a sentence: `status is "ok" and (tier is "hd" or tier is "4k")`."""
    if not isinstance(condition, dict):
        return str(condition)
    if "clauses" not in condition:
        words = OPERATOR_WORDS.get(condition.get("operator", ""), str(condition.get("operator", "")))
        return f"{condition.get('key')} {words} {_value_words(condition.get('value'))}"
    joined = f" {condition.get('conjunction', 'and')} ".join(filter_words(c, True) for c in condition["clauses"])
    return f"({joined})" if nested and len(condition["clauses"]) > 1 else joined


def reference(text: str | None, names: dict[str, str] | None = None) -> Markup:
    """A credit ledger reference as a link with a name: an invoice, a subscription's cycle, or a grant by hand.
    `names` maps subscription ids to what to call them (their product's name) and invoice ids to their numbers."""
    if not text:
        return Markup("—")
    kind, _, rest = text.partition(":")
    if kind == "invoice":
        shown = (names or {}).get(rest) or f"invoice {rest[:8]}"
        return Markup('<a href="/dashboard/invoices/{0}">{1}</a>').format(segment(rest), shown)
    if kind == "subscription" and ":cycle:" in rest:
        subscription, _, start = rest.partition(":cycle:")
        name = (names or {}).get(subscription) or f"subscription {subscription[:8]}"
        return Markup('cycle from {0} of <a href="/dashboard/audit/subscription/{1}">{2}</a>').format(
            start[:10], segment(subscription), name
        )
    if kind == "request":
        _, _, reason = rest.partition(" (")
        return Markup("granted by hand{0}").format(f": {reason.rstrip(')')}" if reason else "")
    return Markup(escape(text))


def install(engine: JinjaTemplateEngine) -> None:
    engine.engine.filters.update(
        {
            "utc": utc,
            "local_input": local_input,
            "as_json": as_json,
            "readable": readable,
            "segment": segment,
            "number": number,
            "money": money,
            "filter_words": filter_words,
            "reference": reference,
        }
    )
    engine.engine.globals.update({"nav": NAV, "notices": NOTICES, "tier_rows": TIER_ROWS})
