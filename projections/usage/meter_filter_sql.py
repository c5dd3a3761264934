"""A meter's filter as a SQL condition on the usage log's `metadata`, for listing
the events a meter counts. It must agree with domain.meter_filter.compare;
tests/projections/test_meter_filter_sql.py checks that on random data."""

from __future__ import annotations

from typing import Any

from psycopg import sql

from domain.meter import Meter
from domain.meter_filter import TEXT, boolean
from domain.numbers import NUMERIC, number

SQL_OPERATORS = {
    "equals": "=",
    "not_equals": "<>",
    "greater_than": ">",
    "greater_than_or_equals": ">=",
    "less_than": "<",
    "less_than_or_equals": "<=",
}
FALSE = sql.SQL("false")


def filter_sql(filter_: dict[str, Any] | None, column: str = "metadata") -> sql.Composable:
    if filter_ is None:
        return sql.SQL("true")
    joiner = sql.SQL(" AND " if filter_["conjunction"] == "and" else " OR ")
    parts = [filter_sql(c, column) if "clauses" in c else _condition(c, column) for c in filter_["clauses"]]
    return sql.SQL("({})").format(joiner.join(parts))


def meter_events_sql(meter: Meter) -> sql.Composable:
    """The events a meter selects: its event name and its filter (a condition for list_events)."""
    return sql.SQL("event_name = {} AND {}").format(sql.Literal(meter.event_name), filter_sql(meter.filter))


def number_sql(key: str, column: str = "metadata") -> sql.Composable:
    """The number a metadata value stands for (domain.numbers.number), NULL when none."""
    names = {"m": sql.Identifier(column), "k": sql.Literal(key)}
    return sql.SQL(
        "CASE WHEN jsonb_typeof({m} -> {k}) = 'number' THEN ({m} ->> {k})::numeric "
        "WHEN jsonb_typeof({m} -> {k}) = 'string' AND ({m} ->> {k}) ~ {re} THEN ({m} ->> {k})::numeric END"
    ).format(re=sql.Literal(NUMERIC), **names)


def _condition(clause: dict[str, Any], column: str) -> sql.Composable:
    key, operator, expected = clause["key"], clause["operator"], clause["value"]
    names = {"m": sql.Identifier(column), "k": sql.Literal(key)}
    typeof = sql.SQL("jsonb_typeof({m} -> {k})").format(**names)
    text = sql.SQL("({m} ->> {k})").format(**names)
    as_bool = sql.SQL(
        "CASE WHEN {t} = 'boolean' THEN {s}::boolean "
        "WHEN {t} = 'string' AND {s} IN ('true', 'false') THEN {s}::boolean END"
    ).format(t=typeof, s=text)
    if isinstance(expected, bool):
        return _bool_comparison(as_bool, operator, expected)
    bool_side = sql.SQL("({t} = 'boolean' AND {c})").format(
        t=typeof, c=_bool_comparison(as_bool, operator, boolean(expected))
    )
    if operator in TEXT:
        found = sql.SQL("strpos({s}, {v}) {o} 0").format(
            s=text, v=sql.Literal(expected), o=sql.SQL(">" if operator == "contains" else "=")
        )
        return sql.SQL("coalesce({t} = 'string' AND {f}, false)").format(t=typeof, f=found)
    op = sql.SQL(SQL_OPERATORS[operator])
    expected_number = number(expected)
    if expected_number is not None:
        other = sql.SQL("{n} {o} {v}").format(n=number_sql(key, column), o=op, v=sql.Literal(expected_number))
    else:
        other = sql.SQL("({t} = 'string' AND {s} !~ {re} AND {s} COLLATE \"C\" {o} {v})").format(
            t=typeof, s=text, re=sql.Literal(NUMERIC), o=op, v=sql.Literal(expected)
        )
    return sql.SQL("coalesce({b} OR {o}, false)").format(b=bool_side, o=other)


def _bool_comparison(as_bool: sql.Composable, operator: str, expected: bool | None) -> sql.Composable:
    if expected is None or operator not in ("equals", "not_equals"):
        return FALSE
    return sql.SQL("coalesce({b} {o} {v}, false)").format(
        b=as_bool, o=sql.SQL(SQL_OPERATORS[operator]), v=sql.Literal(expected)
    )
