"""What a meter adds up: the number an event carries, and the fold of those
numbers into one quantity. Pure functions, shared by the read model, the
brute-force checks in tests, and billing."""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import Any

KINDS = ("count", "sum", "max", "last")

# Plain decimal notation only: no exponent (so "1e999999" cannot overflow the
# database's numeric), no NaN/Infinity, ASCII digits only (Python's \d is Unicode).
NUMERIC = r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$"
_NUMERIC = re.compile(NUMERIC)


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


def value_of(kind: str, key: str | None, metadata: dict[str, Any]) -> Decimal | None:
    """What one event adds: 1 for count; the key's number otherwise, None (skipped) when missing or not numeric."""
    if kind == "count":
        return Decimal(1)
    return number(metadata.get(key)) if key is not None else None


def fold(kind: str, items: Iterable[tuple[datetime, int, Decimal]]) -> Decimal | None:
    """One quantity from (timestamp, log position, value) items. Count and sum are 0 when empty,
    max and last None. Last is the value of the latest timestamp, ties broken by the higher position."""
    items = list(items)
    if kind == "count":
        return Decimal(len(items))
    if kind == "sum":
        return sum((value for _, _, value in items), Decimal(0))
    if not items:
        return None
    if kind == "max":
        return max(value for _, _, value in items)
    if kind == "last":
        return max(items, key=lambda item: (item[0], item[1]))[2]
    raise ValueError(f"unknown aggregation {kind}")
