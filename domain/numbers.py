"""Numbers at the door and in the arithmetic (docs/input.md, Numbers):

- the one bound on every quantity and amount a client sends: at most 1e15 in absolute value, at most 12
  decimal places (`bound_faults`, `bounded`);
- the one grammar of an amount written as text: ASCII digits, at most one dot with digits on both sides,
  an optional leading minus, nothing else (`plain_decimal`); whether a field takes a negative amount is
  its bound's rule, not the grammar's (none does today);
- the number a metadata value stands for, as meters and filters read it (`number`);
- the precision every sum, price and rounding runs at (`PRECISION`).

Why the bound and the precision fit: a cycle of up to 10^9 events sums to at most 1e24 with 12 places
(37 digits); priced at up to 1e15 with 12 places (27 digits), the exact amount has at most 64 digits, a
package count times its price as many, and the rounded amount fewer. Python's default context keeps 28
digits, and `quantize` raises InvalidOperation when the rounded result needs more: 100 keeps every
accepted number exact through the whole rating, with room for the divisions (credits, packages, averages)
to show any remainder before they round.
"""

from __future__ import annotations

import decimal
import re
from decimal import Decimal
from typing import Any

from domain.errors import Fault

MAX_MAGNITUDE = Decimal("1e15")
MAX_PLACES = 12
PRECISION = 100
_LEAST = -MAX_MAGNITUDE
_MOST_INT = 10**15
# Meters and filters read numeric strings as numbers, so metadata and filters bound them as numbers.
NUMBER_RULE = (
    f"numbers and numeric strings must be at most 1e15 in absolute value, with at most {MAX_PLACES} decimal places"
)

# Set once, here, for the whole process: a thread's context starts as a copy of DefaultContext, and the
# importing thread already has its own. Every module that computes money imports this one.
decimal.DefaultContext.prec = PRECISION
decimal.getcontext().prec = PRECISION

_PLAIN = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
PLAIN_RULE = 'a string of ASCII digits with at most one dot and an optional leading minus, such as "12.50"'

# Metadata's numeric strings, as stored events have always been read: plain decimal notation only (no
# exponent, so "1e999999" cannot overflow the database's numeric; no NaN/Infinity), ASCII digits only
# (Python's \d is Unicode), a sign and a bare leading or trailing dot allowed.
NUMERIC = r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$"
_NUMERIC = re.compile(NUMERIC)
# A numeric string this short is inside the bound without parsing it; one that is not is "long".
_SHORT = re.compile(r"[+-]?[0-9]{0,15}(?:\.[0-9]{0,12})?")
_LONG_AMONG = re.compile(r"\x00[+-]?(?:[0-9]{16,}(?:\.[0-9]*)?|[0-9]*\.[0-9]{13,})(?=\x00|\Z)")


def plain_decimal(text: str) -> Decimal | None:
    """The amount a client wrote, or None when the text is not plain: Python's Decimal() also reads spaces,
    underscores, exponents, NaN, Infinity and any script's digits, none of which an amount is written with."""
    return Decimal(text) if _PLAIN.fullmatch(text) else None


def places(value: Decimal) -> int:
    """Decimal places a value is written with ("0.020" has 3)."""
    text = str(value)  # a sixth of as_tuple()'s time, and ingestion asks this of every metadata number
    if "E" in text:
        exponent = value.as_tuple().exponent
        return max(0, -exponent) if isinstance(exponent, int) else 0
    dot = text.find(".")
    return 0 if dot < 0 else len(text) - dot - 1


def bounded(value: Decimal) -> bool:
    """Whether a finite value is inside the one bound."""
    return _LEAST <= value <= MAX_MAGNITUDE and places(value) <= MAX_PLACES


def bound_faults(
    field: str, value: Decimal, *, positive: bool = False, max_places: int = MAX_PLACES, index: int | None = None
) -> list[Fault]:
    """A client's amount: finite, not negative (above 0 when `positive`), at most 1e15, with at most
    `max_places` decimal places (12, or fewer where the amount is in a currency's minor unit or an
    entitlement's precision)."""
    if not value.is_finite():
        return [Fault(field, "must be a finite number", index)]
    if value.is_signed() or (positive and value == 0):  # signed: below 0, or "-0"
        return [Fault(field, "must be greater than 0" if positive else "must not be negative", index)]
    if value > MAX_MAGNITUDE:
        return [Fault(field, "must be at most 1e15", index)]
    if places(value) > max_places:
        return [Fault(field, f"must have at most {max_places} decimal places", index)]
    return []


def number(value: Any) -> Decimal | None:
    """The number a metadata value stands for: numbers and numeric strings; never booleans."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, str) and _NUMERIC.match(value):
        return Decimal(value)
    return None


def any_long_numeric(texts: list[str]) -> bool:
    """Whether any of these NUL-free texts is a numeric string too long to be sure it is inside the bound:
    one search over all of them, for a large batch whose values are checked one by one only then."""
    return _LONG_AMONG.search("\x00" + "\x00".join(texts)) is not None


def out_of_bounds(value: Any) -> bool:
    """Whether a metadata value is a number (as meters read it) outside the one bound."""
    kind = type(value)
    if kind is int:  # not bool, whose type is bool
        return not -_MOST_INT <= value <= _MOST_INT
    if kind is Decimal:
        return value.is_finite() and not bounded(value)
    if kind is str and not _SHORT.fullmatch(value) and _NUMERIC.match(value):
        return not bounded(Decimal(value))
    return False
