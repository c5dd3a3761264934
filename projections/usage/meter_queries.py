"""Queries over meter buckets. Usage is computed from the per-minute buckets
(`meter_usage`; `meter_uniques` for unique_count), never from raw events, so
period bounds are truncated to the minute: an event counts in [start, end) of
its minute. Usage grouped by metadata keys is the exception: the buckets do not
keep metadata, so it is aggregated from the usage log with the same SQL
translation of the meter's rule (docs/pricing.md)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

from psycopg import Cursor, sql

from domain.aggregation import average
from domain.errors import NotFound
from projections.usage.meter_filter_sql import filter_sql, number_sql
from projections.usage.meter_usage import decimal_json
from store.rows import one

WINDOWS = ("minute", "hour", "day", "month")


def _value(row: dict[str, Any]) -> Decimal | None:
    return row["v"]


def _average(row: dict[str, Any]) -> Decimal | None:
    return average(row["s"], row["n"]) if row["n"] else None


def _distinct(row: dict[str, Any]) -> Decimal | None:
    return Decimal(row["v"])


@dataclass(frozen=True)
class Reading:
    """How one aggregation reads its quantity: the table, the SQL aggregate, and the finish in Python (where
    exact decimal division must agree with domain.aggregation)."""

    table: str
    columns: str
    finish: Callable[[dict[str, Any]], Decimal | None] = _value


READINGS = {
    "count": Reading("meter_usage", "coalesce(sum(count), 0) AS v"),
    "sum": Reading("meter_usage", "coalesce(sum(sum), 0) AS v"),
    "max": Reading("meter_usage", "max(max) AS v"),
    "min": Reading("meter_usage", "min(min) AS v"),
    "avg": Reading("meter_usage", "sum(sum) AS s, sum(count) AS n", _average),
    "last": Reading("meter_usage", "(array_agg(last_value ORDER BY last_ts DESC, last_position DESC))[1] AS v"),
    "unique_count": Reading("meter_uniques", "count(DISTINCT value) AS v", _distinct),
}


def minute(at: datetime) -> datetime:
    return at.astimezone(timezone.utc).replace(second=0, microsecond=0)


def window_end(start: datetime, window: str) -> datetime:
    if window == "month":
        return start.replace(year=start.year + start.month // 12, month=start.month % 12 + 1)
    return start + timedelta(**{f"{window}s": 1})


def _kind(cur: Cursor[Any], schema: str, meter_id: uuid.UUID) -> str:
    cur.execute(sql.SQL("SELECT aggregation FROM {}.meters WHERE id = %s").format(sql.Identifier(schema)), (meter_id,))
    row = cur.fetchone()
    if row is None:
        raise NotFound("meter", meter_id)
    return row["aggregation"]


COLUMNS = "count, sum, max, last_value, last_ts, last_position, min"


def _buckets(
    schema: str, meter_id: uuid.UUID, customer_id: str | None, start: datetime, end: datetime, hourly: bool
) -> tuple[sql.Composable, list[Any]]:
    """The stored buckets of [start, end) as one row source (`at` and the bucket columns). At a window of an
    hour or more, the whole hours come from an hourly rollup (the customer's, or every customer's) and only
    the minutes before the first and after the last whole hour from the minute buckets."""
    lower, upper = minute(start), minute(end)
    whose = sql.SQL("customer_id = %s AND " if customer_id is not None else "")
    who = [customer_id] if customer_id is not None else []
    minutes = sql.SQL("SELECT minute AS at, " + COLUMNS + " FROM {}.meter_usage WHERE meter_id = %s AND {}").format(
        sql.Identifier(schema), whose
    )
    first, last = _hour(lower + timedelta(minutes=59)), _hour(upper)
    if not hourly or first >= last:
        return minutes + sql.SQL("minute >= %s AND minute < %s"), [meter_id, *who, lower, upper]
    hours = sql.SQL(
        "SELECT hour AS at, " + COLUMNS + " FROM {}.{} WHERE meter_id = %s AND {}hour >= %s AND hour < %s"
    ).format(
        sql.Identifier(schema),
        sql.Identifier("meter_customer_hours" if customer_id is not None else "meter_usage_hours"),
        whose,
    )
    edges = minutes + sql.SQL("((minute >= %s AND minute < %s) OR (minute >= %s AND minute < %s))")
    return edges + sql.SQL(" UNION ALL ") + hours, [
        meter_id,
        *who,
        lower,
        first,
        last,
        upper,
        meter_id,
        *who,
        first,
        last,
    ]


def _hour(at: datetime) -> datetime:
    return at.replace(minute=0)


def _source(
    schema: str,
    reading: Reading,
    meter_id: uuid.UUID,
    customer_id: str | None,
    start: datetime,
    end: datetime,
    hourly: bool,
) -> tuple[sql.Composable, list[Any]]:
    """The rows a reading aggregates (`at` and its columns): distinct values have their own per-minute
    table; everything else reads the minute buckets and, where it can, the hourly rollup."""
    if reading.table == "meter_uniques":
        where = "meter_id = %s AND minute >= %s AND minute < %s" + (" AND customer_id = %s" if customer_id else "")
        params = [meter_id, minute(start), minute(end)] + ([customer_id] if customer_id else [])
        return sql.SQL("SELECT minute AS at, value FROM {}.meter_uniques WHERE " + where).format(
            sql.Identifier(schema)
        ), params
    return _buckets(schema, meter_id, customer_id, start, end, hourly)


def usage_total(
    cur: Cursor[Any], schema: str, meter_id: uuid.UUID, customer_id: str | None, start: datetime, end: datetime
) -> Decimal | None:
    """The meter's aggregation over [start, end) (truncated to the minute), for one customer or all.
    Count and sum are 0 without usage; max and last are None. NotFound while the read model has not
    seen the meter; check `backfills_pending` on the same cursor before trusting a new meter's total."""
    reading = READINGS[_kind(cur, schema, meter_id)]
    source, params = _source(schema, reading, meter_id, customer_id, start, end, hourly=True)
    cur.execute(sql.SQL("SELECT " + reading.columns + " FROM ({}) AS b").format(source), params)
    return reading.finish(one(cur))


def usage_windows(
    cur: Cursor[Any],
    schema: str,
    meter_id: uuid.UUID,
    customer_id: str | None,
    start: datetime,
    end: datetime,
    window: str,
) -> tuple[Decimal | None, list[tuple[datetime, datetime, Decimal | None]]]:
    """The meter's total over [start, end) as `usage_total` reads it, and (start, end, value) per UTC window
    that holds usage, oldest first, clipped to [start, end): one statement (GROUPING SETS), so one snapshot
    of the buckets and one read of them."""
    if window not in WINDOWS:
        raise ValueError(f"window must be one of {WINDOWS}")
    reading = READINGS[_kind(cur, schema, meter_id)]
    source, params = _source(schema, reading, meter_id, customer_id, start, end, hourly=window != "minute")
    cur.execute(
        sql.SQL(
            "SELECT w, GROUPING(w) = 1 AS whole, " + reading.columns + " FROM "
            "(SELECT date_trunc(%s, at, 'UTC') AS w, * FROM ({}) AS s) AS b GROUP BY GROUPING SETS ((w), ()) "
            "ORDER BY whole DESC, w"
        ).format(source),
        [window, *params],
    )
    total, *rows = cur.fetchall()
    windows = [(row["w"], reading.finish(row)) for row in rows]
    return reading.finish(total), _clipped(windows, start, end, window)


def _clipped(
    rows: list[tuple[datetime, Decimal | None]], start: datetime, end: datetime, window: str
) -> list[tuple[datetime, datetime, Decimal | None]]:
    lower, upper = minute(start), minute(end)
    return [
        (max(w, lower), min(window_end(w, window), upper), v)
        for w, v in ((w.astimezone(timezone.utc), v) for w, v in rows)
    ]


Group = tuple[str | None, ...]


@dataclass(frozen=True)
class GroupUsage:
    """One combination of the group keys' values (None: events without the key): total and windows."""

    values: Group
    total: Decimal | None
    buckets: list[tuple[datetime, datetime, Decimal | None]]


def _aggregate_sql(kind: str, key: str | None) -> tuple[sql.Composable, sql.Composable]:
    """(SQL aggregate columns, condition an event's value must meet) over the raw usage log: the translation of
    domain.aggregation's MeterRule.value and Bucket, held equal to them by tests/projections."""
    if kind == "count" or key is None:
        return sql.SQL("count(*)::numeric AS v"), sql.SQL("true")
    if kind == "unique_count":
        return (
            sql.SQL("count(DISTINCT metadata ->> {}) AS v").format(sql.Literal(key)),
            sql.SQL("metadata ? {}").format(sql.Literal(key)),
        )
    n = number_sql(key)
    columns = {
        "sum": "sum({n}) AS v",
        "max": "max({n}) AS v",
        "min": "min({n}) AS v",
        "avg": "sum({n}) AS s, count(*) AS n",
        "last": "(array_agg({n} ORDER BY occurred_at DESC, position DESC))[1] AS v",
    }[kind]
    return sql.SQL(columns).format(n=n), sql.SQL("{} IS NOT NULL").format(n)


def usage_groups(
    cur: Cursor[Any],
    schema: str,
    meter_id: uuid.UUID,
    customer_id: str | None,
    start: datetime,
    end: datetime,
    keys: tuple[str, ...],
    window: str | None = None,
) -> list[GroupUsage]:
    """The meter's usage per combination of the metadata keys' values over [start, end) (truncated to the
    minute), each with its windows when `window` is given; values in order, events without a key last."""
    decimal_json(cur)
    cur.execute(
        sql.SQL(
            "SELECT business_id, event_name, aggregation, aggregation_key, filter FROM {}.meters WHERE id = %s"
        ).format(sql.Identifier(schema)),
        (meter_id,),
    )
    meter = cur.fetchone()
    if meter is None:
        raise NotFound("meter", meter_id)
    kind = meter["aggregation"]
    columns, counted = _aggregate_sql(kind, meter["aggregation_key"])
    labels = sql.SQL(", ").join(
        sql.SQL("metadata ->> {} AS {}").format(sql.Literal(k), sql.Identifier(f"g{i}")) for i, k in enumerate(keys)
    )
    names = sql.SQL(", ").join(sql.Identifier(f"g{i}") for i in range(len(keys)))
    # One pass answers the totals and the windows: GROUPING SETS, `whole` marking the totals' rows.
    grouping = (
        sql.SQL("w, grouping(w) AS whole, {c} FROM e GROUP BY GROUPING SETS (({n}, w), ({n}))")
        if window
        else sql.SQL("NULL::timestamptz AS w, 1 AS whole, {c} FROM e GROUP BY {n}")
    ).format(c=columns, n=names)
    customer = sql.SQL("AND customer_id = %s" if customer_id else "")
    cur.execute(
        sql.SQL(
            "WITH e AS (SELECT {labels}, date_trunc(%s, occurred_at, 'UTC') AS w, metadata, occurred_at, position "
            "FROM {events} WHERE business_id = %s AND event_name = %s AND occurred_at >= %s AND occurred_at < %s "
            "{customer} AND {filter} AND {counted}) SELECT {names}, {grouping}"
        ).format(
            labels=labels,
            events=sql.Identifier(schema, "usage_log"),
            customer=customer,
            filter=filter_sql(meter["filter"]),
            counted=counted,
            names=names,
            grouping=grouping,
        ),
        [
            window or "minute",
            meter["business_id"],
            meter["event_name"],
            minute(start),
            minute(end),
            *([customer_id] if customer_id else []),
        ],
    )
    groups: dict[Group, GroupUsage] = {}
    windows: dict[Group, list[tuple[datetime, Decimal | None]]] = {}
    finish = READINGS[kind].finish
    for row in cur.fetchall():
        values = tuple(row[f"g{i}"] for i in range(len(keys)))
        value = finish(row)
        if row["whole"] or not window:
            groups[values] = GroupUsage(values, value, [])
        else:
            windows.setdefault(values, []).append((row["w"], value))
    ordered = sorted(groups, key=lambda g: tuple((v is None, v or "") for v in g))
    return [
        GroupUsage(g, groups[g].total, _clipped(sorted(windows.get(g, [])), start, end, window) if window else [])
        for g in ordered
    ]


def events_counted(cur: Cursor[Any], schema: str, meter_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    """How many events each meter has counted so far, all customers, all time."""
    cur.execute(
        sql.SQL(
            "SELECT meter_id, sum(count) AS n FROM {}.meter_usage_hours WHERE meter_id = ANY(%s) GROUP BY meter_id"
        ).format(sql.Identifier(schema)),
        (meter_ids,),
    )
    return {row["meter_id"]: int(row["n"]) for row in cur.fetchall()}


def backfills_pending(cur: Cursor[Any], schema: str) -> bool:
    """Whether some meter is still counting the events that were there before it was created."""
    cur.execute(
        sql.SQL("SELECT EXISTS (SELECT 1 FROM {}.meters WHERE backfill_cursor < backfill_upto) AS p").format(
            sql.Identifier(schema)
        )
    )
    return bool(one(cur)["p"])
