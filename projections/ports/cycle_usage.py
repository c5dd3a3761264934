"""What a cycle measured, read on the caller's (REPEATABLE READ) cursor, so the
quantities and the `usage` position they stand at are one consistent snapshot.

Quantities come from the meters' per-minute buckets. Late events are those
recorded after the previous close (position > late_after) whose timestamp falls
in an earlier, closed cycle: few, so they are read as raw rows (which bills they
touch, and how many events each meter counts there).
"""

from __future__ import annotations

import json
import uuid
from decimal import Decimal
from typing import Any

from psycopg import Cursor, sql

from domain.aggregation import Row
from domain.cycles import Cycle, LateWindow
from domain.meter import Meter
from domain.rating import Usage, UsagePrice
from projections.engine.partitions import USAGE, required_position
from projections.engine.tracking import read_positions
from projections.usage.meter_queries import usage_groups, usage_total

ZERO = Decimal(0)


def usage_position(cur: Cursor[Any], schema: str) -> int:
    """Where the usage read model is complete for every business (the lowest of its partitions, if split)."""
    return required_position(read_positions(cur, schema), [USAGE], None)


def measure(
    cur: Cursor[Any], schema: str, customer_id: str, prices: list[UsagePrice], meters: dict[str, Meter], c: Cycle
) -> list[Usage]:
    return [_cycle_usage(cur, schema, customer_id, price, meters[price.meter_id], c) for price in prices]


def late_events(cur: Cursor[Any], schema: str, business: uuid.UUID, customer_id: str, late: LateWindow) -> list[Row]:
    if late.empty:
        return []
    cur.execute(
        sql.SQL(
            "SELECT position, occurred_at, event_name, metadata::text AS metadata FROM {}.usage_log "
            "WHERE business_id = %s AND customer_id = %s AND position > %s AND position <= %s "
            "AND occurred_at >= %s AND occurred_at < %s ORDER BY position"
        ).format(sql.Identifier(schema)),
        (business, customer_id, late.after, late.upto, late.since, late.before),
    )
    return [
        (r["position"], r["occurred_at"], r["event_name"], json.loads(r["metadata"], parse_float=Decimal))
        for r in cur.fetchall()
    ]


def _cycle_usage(cur: Cursor[Any], schema: str, customer_id: str, price: UsagePrice, meter: Meter, c: Cycle) -> Usage:
    if price.group_by is None:
        return Usage(price, meter.name, usage_total(cur, schema, meter.id, customer_id, c.start, c.end) or ZERO)
    groups = {
        g.values[0]: g.total or ZERO
        for g in usage_groups(cur, schema, meter.id, customer_id, c.start, c.end, (price.group_by,))
    }
    return Usage(price, meter.name, sum(groups.values(), ZERO), groups=groups)
