"""What the dashboard's overview reads: how many events arrived over a few spans, and who has an open cycle."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from psycopg import Cursor, sql


def events_since(
    cur: Cursor[Any], schema: str, business: uuid.UUID, since: dict[str, datetime], until: datetime
) -> dict[str, int]:
    """For each name, the events with since[name] <= timestamp < until, in one scan of the (business,
    occurred_at) index from the earliest start."""
    if not since:
        return {}
    names = list(since)
    counts = sql.SQL(", ").join(
        sql.SQL("count(*) FILTER (WHERE occurred_at >= %s) AS {}").format(sql.Identifier(n)) for n in names
    )
    cur.execute(
        sql.SQL("SELECT {} FROM {}.usage_log WHERE business_id = %s AND occurred_at >= %s AND occurred_at < %s").format(
            counts, sql.Identifier(schema)
        ),
        (*since.values(), business, min(since.values()), until),
    )
    row = cur.fetchone() or {}
    return {n: int(row.get(n) or 0) for n in names}


def open_cycles(
    cur: Cursor[Any], schema: str, business: uuid.UUID, limit: int, customer_id: str | None = None
) -> list[dict[str, Any]]:
    """Customers with an open cycle (or only `customer_id`) and the earliest start of their open cycles,
    earliest first; `limit` + 1 rows at most, so a caller can tell there are more."""
    one = sql.SQL(" AND customer_id = %s" if customer_id else "")
    cur.execute(
        sql.SQL(
            "SELECT customer_id, min(cycle_start) AS cycle_start FROM {}.charges WHERE business_id = %s "
            "AND cycle_start IS NOT NULL{} GROUP BY customer_id ORDER BY cycle_start, customer_id "
            "LIMIT %s"
        ).format(sql.Identifier(schema), one),
        (business, *([customer_id] if customer_id else []), limit + 1),
    )
    return list(cur.fetchall())
