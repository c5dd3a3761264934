"""The create-meter form as the body `POST /meters` takes: flat fields in, nested
aggregation and filter out. The filter builder makes one group of conditions."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from domain.numbers import number

OPERATORS = [
    "equals",
    "not_equals",
    "greater_than",
    "greater_than_or_equals",
    "less_than",
    "less_than_or_equals",
    "contains",
    "does_not_contain",
]
EMPTY_ROWS = 3


def clauses_of(form: dict[str, Any]) -> list[dict[str, str]]:
    """The condition rows typed in, in order, with at least EMPTY_ROWS rows to fill."""
    indexes = sorted(
        {
            int(name.rpartition("_")[2])
            for name in form
            if name.startswith("clause_") and name.rpartition("_")[2].isdigit()
        }
    )
    rows = [
        {part: str(form.get(f"clause_{part}_{i}", "")).strip() for part in ("key", "operator", "value")}
        for i in indexes
    ]
    rows = [r for r in rows if r["key"] or r["value"]]
    return rows + [{"key": "", "operator": "equals", "value": ""}] * max(0, EMPTY_ROWS - len(rows))


def typed(value: str) -> str | Decimal | bool:
    """What a JSON body would carry: numbers (as metadata writes them) as numbers, true/false as booleans,
    the rest as text."""
    if value in ("true", "false"):
        return value == "true"
    found = number(value)
    return value if found is None else found


def meter_body(form: dict[str, Any]) -> dict[str, Any]:
    def text(name: str) -> str:
        return str(form.get(name, "")).strip()

    body: dict[str, Any] = {
        "name": text("name"),
        "event_name": text("event_name"),
        "aggregation": {"type": text("aggregation_type") or "count"},
    }
    if text("aggregation_key"):
        body["aggregation"]["key"] = text("aggregation_key")
    for optional in ("measurement_unit", "description"):
        if text(optional):
            body[optional] = text(optional)
    clauses = [
        {"key": r["key"], "operator": r["operator"], "value": typed(r["value"])}
        for r in clauses_of(form)
        if r["key"] or r["value"]
    ]
    if clauses:
        body["filter"] = {"conjunction": text("conjunction") or "and", "clauses": clauses}
    return body
