"""The number a metadata value stands for, as meters and filters read it."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

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
