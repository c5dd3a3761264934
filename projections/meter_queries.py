"""Queries over meter buckets. Usage is always computed from the per-minute
buckets, never from raw events, so period bounds are truncated to the minute:
an event counts in [start, end) of its minute."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

from psycopg import Cursor, sql

from domain.errors import NotFound
from store.rows import one

WINDOWS = ("minute", "hour", "day", "month")
VALUE = {
    "count": "coalesce(sum(count), 0)",
    "sum": "coalesce(sum(sum), 0)",
    "max": "max(max)",
    "last": "(array_agg(last_value ORDER BY last_ts DESC, last_position DESC))[1]",
}


def minute(at: datetime) -> datetime:
    return at.astimezone(timezone.utc).replace(second=0, microsecond=0)


def window_end(start: datetime, window: str) -> datetime:
    if window == "month":
        return start.replace(year=start.year + start.month // 12, month=start.month % 12 + 1)
    return start + timedelta(**{f"{window}s": 1})


def _kind(cur: Cursor[Any], schema: str, meter_id: uuid.UUID) -> str:
    cur.execute(sql.SQL("SELECT aggregation FROM {}.meters WHERE id = %s").format(sql.Identifier(schema)),
                (meter_id,))
    row = cur.fetchone()
    if row is None:
        raise NotFound("meter", meter_id)
    return row["aggregation"]


COLUMNS = "count, sum, max, last_value, last_ts, last_position"


def _buckets(schema: str, meter_id: uuid.UUID, customer_id: str | None, start: datetime, end: datetime,
             hourly: bool) -> tuple[sql.Composable, list[Any]]:
    """The stored buckets of [start, end) as one row source (`at` and the bucket columns). For every
    customer at a window of an hour or more, the whole hours come from the hourly rollup and only the
    minutes before the first and after the last whole hour from the minute buckets."""
    lower, upper = minute(start), minute(end)
    minutes = sql.SQL("SELECT minute AS at, " + COLUMNS + " FROM {}.meter_usage WHERE meter_id = %s AND ").format(
        sql.Identifier(schema))
    if customer_id is not None:
        return minutes + sql.SQL("customer_id = %s AND minute >= %s AND minute < %s"), \
            [meter_id, customer_id, lower, upper]
    first, last = _hour(lower + timedelta(minutes=59)), _hour(upper)
    if not hourly or first >= last:
        return minutes + sql.SQL("minute >= %s AND minute < %s"), [meter_id, lower, upper]
    hours = sql.SQL("SELECT hour AS at, " + COLUMNS + " FROM {}.meter_usage_hours WHERE meter_id = %s "
                    "AND hour >= %s AND hour < %s").format(sql.Identifier(schema))
    edges = minutes + sql.SQL("((minute >= %s AND minute < %s) OR (minute >= %s AND minute < %s))")
    return edges + sql.SQL(" UNION ALL ") + hours, [meter_id, lower, first, last, upper, meter_id, first, last]


def _hour(at: datetime) -> datetime:
    return at.replace(minute=0)


def usage_total(cur: Cursor[Any], schema: str, meter_id: uuid.UUID, customer_id: str | None,
                start: datetime, end: datetime) -> Decimal | None:
    """The meter's aggregation over [start, end) (truncated to the minute), for one customer or all.
    Count and sum are 0 without usage; max and last are None. NotFound while the read model has not
    seen the meter; check `backfills_pending` on the same cursor before trusting a new meter's total."""
    kind = _kind(cur, schema, meter_id)
    source, params = _buckets(schema, meter_id, customer_id, start, end, hourly=True)
    cur.execute(sql.SQL("SELECT " + VALUE[kind] + " AS v FROM ({}) AS b").format(source), params)
    return one(cur)["v"]


def usage_buckets(cur: Cursor[Any], schema: str, meter_id: uuid.UUID, customer_id: str | None,
                  start: datetime, end: datetime, window: str) -> list[tuple[datetime, datetime, Decimal | None]]:
    """(start, end, value) per UTC window that holds usage, oldest first, clipped to [start, end)."""
    if window not in WINDOWS:
        raise ValueError(f"window must be one of {WINDOWS}")
    kind = _kind(cur, schema, meter_id)
    source, params = _buckets(schema, meter_id, customer_id, start, end, hourly=window != "minute")
    cur.execute(sql.SQL("SELECT date_trunc(%s, at, 'UTC') AS w, " + VALUE[kind] + " AS v "
                        "FROM ({}) AS b GROUP BY w ORDER BY w").format(source), [window, *params])
    lower, upper = minute(start), minute(end)
    rows = [(row["w"].astimezone(timezone.utc), row["v"]) for row in cur.fetchall()]
    return [(max(w, lower), min(window_end(w, window), upper), v) for w, v in rows]


def events_counted(cur: Cursor[Any], schema: str, meter_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    """How many events each meter has counted so far, all customers, all time."""
    cur.execute(sql.SQL("SELECT meter_id, sum(count) AS n FROM {}.meter_usage_hours WHERE meter_id = ANY(%s) "
                        "GROUP BY meter_id").format(sql.Identifier(schema)), (meter_ids,))
    return {row["meter_id"]: int(row["n"]) for row in cur.fetchall()}


def backfills_pending(cur: Cursor[Any], schema: str) -> bool:
    """Whether some meter is still counting the events that were there before it was created."""
    cur.execute(sql.SQL("SELECT EXISTS (SELECT 1 FROM {}.meters WHERE backfill_cursor < backfill_upto) AS p")
                .format(sql.Identifier(schema)))
    return bool(one(cur)["p"])
