"""Metadata: the free-form key/value pairs a usage event or a customer carries (Dodo's `Metadata`).
One rule for both, so whatever an event may carry a customer may too."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from domain.errors import Fault
from domain.numbers import NUMBER_RULE, bounded, out_of_bounds
from domain.text import printable, text_fault

MetadataValue = str | int | Decimal | bool

MAX_METADATA_KEYS = 50
MAX_KEY_LENGTH = 100
MAX_VALUE_LENGTH = 500


def metadata_faults(metadata: Any, index: int | None = None, field: str = "metadata") -> list[Fault]:
    """Every fault of a metadata object: at most 50 keys of 1..100 characters, values strings of at most
    500 characters, finite numbers or booleans (a float is refused: numbers arrive as Decimal); numbers and
    numeric strings within the one bound (domain/numbers.py)."""
    if not isinstance(metadata, dict):
        return [Fault(field, "must be an object of keys to strings, numbers or booleans", index)]
    faults = []
    if len(metadata) > MAX_METADATA_KEYS:
        faults.append(Fault(field, f"must have at most {MAX_METADATA_KEYS} keys", index))
    for key, value in metadata.items():
        path = f"{field}.{printable(key[:MAX_KEY_LENGTH])}"
        if isinstance(value, float) or not isinstance(value, str | int | Decimal):
            faults.append(Fault(path, "values must be strings, numbers or booleans", index))
        elif not key or len(key) > MAX_KEY_LENGTH:
            faults.append(Fault(path, f"keys must be 1 to {MAX_KEY_LENGTH} characters", index))
        elif isinstance(value, str) and len(value) > MAX_VALUE_LENGTH:
            faults.append(Fault(path, f"values must be at most {MAX_VALUE_LENGTH} characters", index))
        elif isinstance(value, Decimal) and not value.is_finite():
            faults.append(Fault(path, "numbers must be finite", index))
        elif out_of_bounds(value):
            faults.append(Fault(path, NUMBER_RULE, index))
        else:
            faults += text_fault(path, key, index=index) or text_fault(path, value, prose=True, index=index)
    return faults


def metadata_shape_ok(metadata: Any, lines: list[str], prose: list[str]) -> bool:
    """True when `metadata_faults` can only find a refused character or a numeric string past the bound, and
    then only in the keys (now in `lines`) or the string values (now in `prose`): the size, type and number
    rules above, without their messages."""
    if type(metadata) is not dict or len(metadata) > MAX_METADATA_KEYS:
        return False
    for key, value in metadata.items():
        kind = type(value)
        if kind is str:
            if len(value) > MAX_VALUE_LENGTH:
                return False
            prose.append(value)
        elif kind is Decimal:
            if not value.is_finite() or not bounded(value):
                return False
        elif kind is int:
            if out_of_bounds(value):
                return False
        elif kind is not bool:
            return False
        if not key or len(key) > MAX_KEY_LENGTH:
            return False
        lines.append(key)
    return True
