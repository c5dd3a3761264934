"""A meter's filter: which events it counts, by their metadata.

    filter    = {"conjunction": "and" | "or", "clauses": [condition | filter, ...]}   (at most 3 levels)
    condition = {"key": str, "operator": OPERATOR, "value": str | number | bool}

The comparison rules (docs/meters.md) are decided here once; the SQL form of a
filter (projections/usage/meter_filter_sql.py) is tested against them.
"""

from __future__ import annotations

import operator as op
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from domain.errors import Fault
from domain.numbers import NUMBER_RULE, number, out_of_bounds
from domain.text import text_fault

CONJUNCTIONS = ("and", "or")
ORDERING: dict[str, Callable[[Any, Any], bool]] = {
    "equals": op.eq,
    "not_equals": op.ne,
    "greater_than": op.gt,
    "greater_than_or_equals": op.ge,
    "less_than": op.lt,
    "less_than_or_equals": op.le,
}
TEXT = ("contains", "does_not_contain")
OPERATORS = (*ORDERING, *TEXT)
MAX_DEPTH = 3
MAX_CLAUSES = 50
MAX_KEY_LENGTH = 100
MAX_VALUE_LENGTH = 500
BOOLEAN_TEXT = {"true": True, "false": False}


def boolean(value: Any) -> bool | None:
    """A boolean, or the exact strings "true"/"false"; anything else is not a boolean."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return BOOLEAN_TEXT.get(value)
    return None


def compare(operator: str, actual: Any, expected: Any) -> bool:
    """One condition on a present value. Operands that cannot be compared make it false,
    whatever the operator (so not_equals is not the negation of equals)."""
    if isinstance(actual, bool) or isinstance(expected, bool):
        a, b = boolean(actual), boolean(expected)
        if a is None or b is None or operator not in ("equals", "not_equals"):
            return False
        return ORDERING[operator](a, b)
    if operator in TEXT:
        if not (isinstance(actual, str) and isinstance(expected, str)):
            return False
        return (expected in actual) == (operator == "contains")
    a_num, b_num = number(actual), number(expected)
    if a_num is not None and b_num is not None:
        return ORDERING[operator](a_num, b_num)
    if a_num is not None or b_num is not None or not (isinstance(actual, str) and isinstance(expected, str)):
        return False
    return ORDERING[operator](actual, expected)  # code-point order


def matches(filter_: dict[str, Any] | None, metadata: dict[str, Any]) -> bool:
    if filter_ is None:
        return True
    results = (
        matches(clause, metadata)
        if "clauses" in clause
        else clause["key"] in metadata and compare(clause["operator"], metadata[clause["key"]], clause["value"])
        for clause in filter_["clauses"]
    )
    return all(results) if filter_["conjunction"] == "and" else any(results)


def parse(raw: Any, path: str = "filter", depth: int = 1) -> tuple[dict[str, Any] | None, list[Fault]]:
    """The filter in canonical form, or the faults that make it invalid (each with its exact path)."""
    if not isinstance(raw, dict):
        return None, [Fault(path, "must be an object with conjunction and clauses")]
    faults = [Fault(f"{path}.{k}", "unknown field") for k in raw if k not in ("conjunction", "clauses")]
    if raw.get("conjunction") not in CONJUNCTIONS:
        faults.append(Fault(f"{path}.conjunction", "must be and or or"))
    clauses = raw.get("clauses")
    if not isinstance(clauses, list) or not 1 <= len(clauses) <= MAX_CLAUSES:
        return None, [*faults, Fault(f"{path}.clauses", f"must be a list of 1 to {MAX_CLAUSES} clauses")]
    parsed = []
    for index, clause in enumerate(clauses):
        at = f"{path}.clauses[{index}]"
        if isinstance(clause, dict) and ("clauses" in clause or "conjunction" in clause):
            if depth >= MAX_DEPTH:
                faults.append(Fault(at, f"filters nest at most {MAX_DEPTH} levels"))
                continue
            nested, nested_faults = parse(clause, at, depth + 1)
        else:
            nested, nested_faults = _condition(clause, at)
        faults += nested_faults
        parsed.append(nested)
    if faults:
        return None, faults
    return {"conjunction": raw["conjunction"], "clauses": parsed}, []


def _condition(raw: Any, path: str) -> tuple[dict[str, Any] | None, list[Fault]]:
    if not isinstance(raw, dict):
        return None, [Fault(path, "must be a condition {key, operator, value} or a nested filter")]
    faults = [Fault(f"{path}.{k}", "unknown field") for k in raw if k not in ("key", "operator", "value")]
    key, operator, value = raw.get("key"), raw.get("operator"), raw.get("value")
    if not isinstance(key, str) or not 1 <= len(key) <= MAX_KEY_LENGTH:
        faults.append(Fault(f"{path}.key", f"must be a metadata key of 1 to {MAX_KEY_LENGTH} characters"))
    else:
        faults += text_fault(f"{path}.key", key)
    if operator not in OPERATORS:
        faults.append(Fault(f"{path}.operator", f"must be one of {', '.join(OPERATORS)}"))
    if isinstance(value, str) and len(value) > MAX_VALUE_LENGTH:
        faults.append(Fault(f"{path}.value", f"must be at most {MAX_VALUE_LENGTH} characters"))
    elif isinstance(value, Decimal | int) and not isinstance(value, bool) and number(value) is None:
        faults.append(Fault(f"{path}.value", "numbers must be finite"))
    elif out_of_bounds(value):  # as metadata's: past it, no stored value compares, and SQL's numeric overflows
        faults.append(Fault(f"{path}.value", NUMBER_RULE))
    elif not isinstance(value, str | int | Decimal):
        faults.append(Fault(f"{path}.value", "must be a string, a number or a boolean"))
    elif operator in TEXT and not isinstance(value, str):
        faults.append(Fault(f"{path}.value", f"{operator} compares text: the value must be a string"))
    else:
        # Prose, like the metadata values it is compared with.
        faults += text_fault(f"{path}.value", value, prose=True)
    if faults:
        return None, faults
    return {"key": key, "operator": operator, "value": value}, []
