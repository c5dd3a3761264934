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


def _where(meter_id: uuid.UUID, customer_id: str | None, start: datetime,
           end: datetime) -> tuple[sql.Composable, list[Any]]:
    where = "meter_id = %s AND minute >= %s AND minute < %s" + (" AND customer_id = %s" if customer_id else "")
    params = [meter_id, minute(start), minute(end)] + ([customer_id] if customer_id else [])
    return sql.SQL(where), params


def usage_total(cur: Cursor[Any], schema: str, meter_id: uuid.UUID, customer_id: str | None,
                start: datetime, end: datetime) -> Decimal | None:
    """The meter's aggregation over [start, end) (truncated to the minute), for one customer or all.
    Count and sum are 0 without usage; max and last are None. NotFound while the read model has not
    seen the meter; check `backfills_pending` on the same cursor before trusting a new meter's total."""
    kind = _kind(cur, schema, meter_id)
    where, params = _where(meter_id, customer_id, start, end)
    cur.execute(sql.SQL("SELECT " + VALUE[kind] + " AS v FROM {}.meter_usage WHERE {}").format(
        sql.Identifier(schema), where), params)
    return one(cur)["v"]


def usage_buckets(cur: Cursor[Any], schema: str, meter_id: uuid.UUID, customer_id: str | None,
                  start: datetime, end: datetime, window: str) -> list[tuple[datetime, datetime, Decimal | None]]:
    """(start, end, value) per UTC window that holds usage, oldest first, clipped to [start, end)."""
    if window not in WINDOWS:
        raise ValueError(f"window must be one of {WINDOWS}")
    kind = _kind(cur, schema, meter_id)
    where, params = _where(meter_id, customer_id, start, end)
    cur.execute(sql.SQL("SELECT date_trunc(%s, minute, 'UTC') AS w, " + VALUE[kind] + " AS v "
                        "FROM {}.meter_usage WHERE {} GROUP BY w ORDER BY w").format(sql.Identifier(schema), where),
                [window, *params])
    lower, upper = minute(start), minute(end)
    rows = [(row["w"].astimezone(timezone.utc), row["v"]) for row in cur.fetchall()]
    return [(max(w, lower), min(window_end(w, window), upper), v) for w, v in rows]


def events_counted(cur: Cursor[Any], schema: str, meter_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    """How many events each meter has counted so far, all customers, all time."""
    cur.execute(sql.SQL("SELECT meter_id, sum(count) AS n FROM {}.meter_usage WHERE meter_id = ANY(%s) "
                        "GROUP BY meter_id").format(sql.Identifier(schema)), (meter_ids,))
    return {row["meter_id"]: int(row["n"]) for row in cur.fetchall()}


def backfills_pending(cur: Cursor[Any], schema: str) -> bool:
    """Whether some meter is still counting the events that were there before it was created."""
    cur.execute(sql.SQL("SELECT EXISTS (SELECT 1 FROM {}.meters WHERE backfill_cursor < backfill_upto) AS p")
                .format(sql.Identifier(schema)))
    return bool(one(cur)["p"])
