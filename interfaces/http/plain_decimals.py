"""Every Decimal field of a request body takes a plain decimal string (domain/numbers.py `plain_decimal`).

msgspec reads a Decimal field as Python's Decimal() reads text (spaces, underscores, exponents, NaN,
Infinity, any script's digits) and a JSON number through a float, which loses digits. So the body as
parsed, before it is converted to its struct, is held against the grammar wherever the struct's type has a
Decimal: the fields are found by walking the type, so a new money field is covered without being listed.
The API runs this from RequestCheck, the dashboard's forms from `struct_from`, so both refuse alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

import msgspec.inspect as mi

from domain.errors import Fault, Invalid
from domain.numbers import PLAIN_RULE, plain_decimal

_RECORDS = (mi.StructType, mi.DataclassType, mi.TypedDictType)
_ARRAYS = (mi.ListType, mi.VarTupleType, mi.SetType, mi.FrozenSetType)


@cache
def decimal_type(annotation: Any) -> mi.Type | None:
    """The type to walk when `annotation` holds a Decimal anywhere, else None (nothing to check)."""
    try:
        info = mi.type_info(annotation)
    except TypeError:  # not a type msgspec converts to (a form's dict of Any is one it does)
        return None
    return info if _holds_decimal(info, set()) else None


def _holds_decimal(t: mi.Type, seen: set[int]) -> bool:
    if id(t) in seen:
        return False
    seen.add(id(t))
    if isinstance(t, mi.DecimalType):
        return True
    if isinstance(t, mi.UnionType):
        return any(_holds_decimal(m, seen) for m in t.types)
    if isinstance(t, mi.DictType):
        return _holds_decimal(t.value_type, seen)
    if isinstance(t, _RECORDS):
        return any(_holds_decimal(f.type, seen) for f in t.fields)
    if isinstance(t, _ARRAYS):
        return _holds_decimal(t.item_type, seen)
    return False


def decimal_faults(t: mi.Type, raw: Any, path: str = "") -> Iterator[Fault]:
    """A fault for each value in a Decimal's place that is not a plain decimal string. Values of the wrong
    shape elsewhere are left to msgspec, which names them."""
    if isinstance(t, mi.DecimalType):
        if not (isinstance(raw, str) and plain_decimal(raw) is not None):
            yield Fault(path or "body", f"must be {PLAIN_RULE}")
    elif isinstance(t, mi.UnionType):
        member = next((m for m in t.types if _shaped_for(m, raw)), None)
        if member is not None:
            yield from decimal_faults(member, raw, path)
    elif isinstance(t, mi.DictType) and isinstance(raw, dict):
        for key, value in raw.items():
            yield from decimal_faults(t.value_type, value, _join(path, str(key)))
    elif isinstance(t, _RECORDS) and isinstance(raw, dict):
        for f in t.fields:
            if f.encode_name in raw:
                yield from decimal_faults(f.type, raw[f.encode_name], _join(path, f.encode_name))
    elif isinstance(t, _ARRAYS) and isinstance(raw, list):
        for index, item in enumerate(raw):
            yield from decimal_faults(t.item_type, item, f"{path}[{index}]")


def _shaped_for(t: mi.Type, raw: Any) -> bool:
    """Whether a union's member is the one `raw` would be read as (a Decimal takes any scalar but null)."""
    if isinstance(t, mi.NoneType):
        return raw is None
    if isinstance(t, (*_RECORDS, mi.DictType)):
        return isinstance(raw, dict)
    if isinstance(t, _ARRAYS):
        return isinstance(raw, list)
    return isinstance(t, mi.DecimalType) and raw is not None and not isinstance(raw, dict | list)


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def check_decimals(annotation: Any, raw: Any) -> None:
    """Refuse (422 `invalid_request`, each field named) a body whose decimals are not plain."""
    t = decimal_type(annotation)
    faults = [] if t is None else list(decimal_faults(t, raw))
    if faults:
        raise Invalid("; ".join(f"{f.field} {f.reason}" for f in faults), "invalid_request", faults)
