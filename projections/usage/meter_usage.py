"""Meter usage inside the `usage` projection: meter definitions (`meters`),
per (meter, customer, minute) buckets (`meter_usage`), and for unique_count
meters the distinct values seen per (meter, customer, minute) (`meter_uniques`:
distinct counts do not add up across minutes, so they need the values).

They live in the same projection as `usage_events`, with one tracking
position, so a new meter created at position p back-fills exactly the
`usage_events` rows before p, and counts live every event after p: each event
lands in a meter's buckets exactly once.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal
from functools import partial
from typing import Any

import msgspec
from psycopg import Cursor, sql
from psycopg.types.json import set_json_loads

from domain.aggregation import Bucket, MeterRule
from domain.meter import CHANGEABLE as METER_DETAILS
from domain.meter import Meter
from domain.usage_event import UsageEvent
from projections.engine.binary_copy import copy_binary

BACKFILL_CHUNK = 5000
_json = msgspec.json.Encoder(decimal_format="number")

# Customer ids are compared byte for byte ("C"): equality is the same under any deterministic collation,
# and every bucket written and looked up compares them in the primary key, where the locale's strcoll
# cost a measurable share of the write (docs/performance.md).
TABLES = {
    "meters": """
        CREATE TABLE {meters} (
            id uuid PRIMARY KEY,
            business_id uuid NOT NULL,
            name text NOT NULL,
            event_name text NOT NULL,
            aggregation text NOT NULL,
            aggregation_key text,
            filter jsonb,
            measurement_unit text,
            description text,
            archived boolean NOT NULL,
            created_at timestamptz NOT NULL,
            position bigint NOT NULL,
            skipped bigint NOT NULL,
            backfill_upto bigint NOT NULL,
            backfill_cursor bigint NOT NULL
        );
        CREATE INDEX ON {meters} (business_id, created_at);
    """,
    "meter_usage": """
        CREATE TABLE {meter_usage} (
            meter_id uuid NOT NULL,
            customer_id text COLLATE "C" NOT NULL,
            minute timestamptz NOT NULL,
            count bigint NOT NULL,
            sum numeric NOT NULL,
            max numeric NOT NULL,
            last_value numeric NOT NULL,
            last_ts timestamptz NOT NULL,
            last_position bigint NOT NULL,
            min numeric NOT NULL,
            PRIMARY KEY (meter_id, customer_id, minute)
        );
        CREATE INDEX ON {meter_usage} (meter_id, minute);
    """,
    "meter_uniques": """
        CREATE TABLE {meter_uniques} (
            meter_id uuid NOT NULL,
            customer_id text NOT NULL,
            minute timestamptz NOT NULL,
            value text NOT NULL,
            PRIMARY KEY (meter_id, customer_id, minute, value)
        );
        CREATE INDEX ON {meter_uniques} (meter_id, minute);
    """,
    # Every customer's usage per (meter, hour), written with the minute buckets: a month of a busy meter
    # is hundreds of rows here instead of a bucket per customer and minute (meter_queries.py).
    "meter_usage_hours": """
        CREATE TABLE {meter_usage_hours} (
            meter_id uuid NOT NULL,
            hour timestamptz NOT NULL,
            count bigint NOT NULL,
            sum numeric NOT NULL,
            max numeric NOT NULL,
            last_value numeric NOT NULL,
            last_ts timestamptz NOT NULL,
            last_position bigint NOT NULL,
            min numeric NOT NULL,
            PRIMARY KEY (meter_id, hour)
        );
    """,
}
KEYS = {
    "meters": ("id",),
    "meter_usage": ("meter_id", "customer_id", "minute"),
    "meter_uniques": ("meter_id", "customer_id", "minute", "value"),
    "meter_usage_hours": ("meter_id", "hour"),
}
# Meters written before updated_at existed read it as their created_at.
ADDED_COLUMNS: dict[str, tuple[str, ...]] = {"meters": ("updated_at timestamptz",)}


def decimal_json(cur: Cursor[Any]) -> None:
    """jsonb numbers as Decimal, never float, on this cursor."""
    set_json_loads(partial(json.loads, parse_float=Decimal), cur)


@dataclass
class TrackedMeter:
    """A meter as the read model counts it: whose it is, whether it is live, and its rule."""

    id: uuid.UUID
    business_id: uuid.UUID
    rule: MeterRule
    archived: bool


@dataclass
class Changes:
    """A page's (or chunk's) changes, folded in Python and written in one statement each."""

    buckets: dict[tuple[uuid.UUID, str, datetime], Bucket] = field(default_factory=dict)
    skipped: dict[uuid.UUID, int] = field(default_factory=dict)

    def add(
        self,
        meter: TrackedMeter,
        position: int,
        customer_id: str,
        event_name: str,
        at: datetime,
        metadata: dict[str, Any],
    ) -> None:
        if not meter.rule.counts(event_name, metadata):
            return
        value = meter.rule.value(metadata)
        if value is None:
            self.skipped[meter.id] = self.skipped.get(meter.id, 0) + 1
            return
        at = at.astimezone(timezone.utc)
        key = (meter.id, customer_id, at.replace(second=0, microsecond=0))
        bucket = self.buckets.get(key)
        label = meter.rule.label(metadata)
        if bucket is None:
            self.buckets[key] = Bucket.of(value, at, position, label)
        else:
            bucket.add(value, at, position, label)

    def write(
        self, cur: Cursor[Any], meters: sql.Composed, usage: sql.Composed, uniques: sql.Composed, hours: sql.Composed
    ) -> None:
        if self.buckets:
            # COPY into a per-connection staging table, then one upsert that also empties it (a rebuild's
            # tail applies several pages in one transaction): psycopg dumps COPY rows in C, where nine
            # array parameters of a thousand values each were dumped in Python; binary, PostgreSQL parses
            # no numeric or timestamp text either.
            cur.execute(STAGE)
            copy_binary(
                cur,
                sql.SQL(f"COPY {STAGE_TABLE}"),
                STAGE_TYPES,
                [
                    (*key, b.count, b.sum, b.max, b.last_value, b.last_at, b.last_position, b.min)
                    for key, b in self.buckets.items()
                ],
            )
            cur.execute(sql.SQL(UPSERT).format(usage=usage, hours=hours))
        distinct = [(*key, value) for key, b in self.buckets.items() for value in b.uniques]
        if distinct:
            meter_ids, customers, minutes, values = (list(column) for column in zip(*distinct))
            cur.execute(
                sql.SQL(
                    "INSERT INTO {} (meter_id, customer_id, minute, value) "
                    "SELECT * FROM unnest(%s::uuid[], %s::text[], %s::timestamptz[], %s::text[]) "
                    "ON CONFLICT DO NOTHING"
                ).format(uniques),
                (meter_ids, customers, minutes, values),
            )
        if self.skipped:
            cur.execute(
                sql.SQL(
                    "UPDATE {} AS m SET skipped = m.skipped + s.n FROM unnest(%s::uuid[], %s::bigint[]) AS s(id, n) "
                    "WHERE m.id = s.id"
                ).format(meters),
                (list(self.skipped), list(self.skipped.values())),
            )


STAGE_TABLE = "meter_usage_stage"
STAGE = (
    f"CREATE TEMP TABLE IF NOT EXISTS {STAGE_TABLE} (meter_id uuid, customer_id text, minute timestamptz, "
    "count bigint, sum numeric, max numeric, last_value numeric, last_ts timestamptz, last_position bigint, "
    "min numeric) "
    "ON COMMIT DELETE ROWS"
)
STAGE_TYPES = ("uuid", "text", "timestamptz", "int8", "numeric", "numeric", "numeric", "timestamptz", "int8", "numeric")
NEWER = "(EXCLUDED.last_ts, EXCLUDED.last_position) > (u.last_ts, u.last_position)"
MERGE = f"""
        count = u.count + EXCLUDED.count,
        sum = u.sum + EXCLUDED.sum,
        max = greatest(u.max, EXCLUDED.max),
        min = least(u.min, EXCLUDED.min),
        last_value = CASE WHEN {NEWER} THEN EXCLUDED.last_value ELSE u.last_value END,
        last_ts = CASE WHEN {NEWER} THEN EXCLUDED.last_ts ELSE u.last_ts END,
        last_position = CASE WHEN {NEWER} THEN EXCLUDED.last_position ELSE u.last_position END
"""
LATEST = "ORDER BY last_ts DESC, last_position DESC"
# The hourly rollup is folded from the same staged rows in the same statement (one round trip).
UPSERT = f"""
    WITH staged AS (DELETE FROM {STAGE_TABLE} RETURNING *),
    hourly AS (
        INSERT INTO {{hours}} AS u (meter_id, hour, count, sum, max, last_value, last_ts, last_position, min)
        SELECT meter_id, date_trunc('hour', minute, 'UTC'), sum(count), sum(sum), max(max),
               (array_agg(last_value {LATEST}))[1], max(last_ts), (array_agg(last_position {LATEST}))[1], min(min)
        FROM staged GROUP BY 1, 2
        ON CONFLICT (meter_id, hour) DO UPDATE SET {MERGE}
    )
    INSERT INTO {{usage}} AS u (meter_id, customer_id, minute, count, sum, max, last_value, last_ts, last_position,
                                min)
    SELECT * FROM staged
    ON CONFLICT (meter_id, customer_id, minute) DO UPDATE SET {MERGE}
"""

_RULE_COLUMNS = "id, business_id, event_name, aggregation, aggregation_key, filter, archived"


def _rule(row: dict[str, Any]) -> TrackedMeter:
    rule = MeterRule(row["event_name"], row["aggregation"], row["aggregation_key"], row["filter"])
    return TrackedMeter(row["id"], row["business_id"], rule, row["archived"])


def load_rules(
    cur: Cursor[Any], meters: sql.Composed, businesses: list[uuid.UUID], ids: list[uuid.UUID]
) -> dict[uuid.UUID, TrackedMeter]:
    decimal_json(cur)
    cur.execute(
        sql.SQL("SELECT " + _RULE_COLUMNS + " FROM {} WHERE business_id = ANY(%s) OR id = ANY(%s)").format(meters),
        (businesses, ids),
    )
    return {row["id"]: _rule(row) for row in cur.fetchall()}


def apply_page(
    cur: Cursor[Any],
    meters: sql.Composed,
    usage: sql.Composed,
    uniques: sql.Composed,
    hours: sql.Composed,
    events: list[tuple[int, Any]],
) -> None:
    """Meter definitions and live counting, in log order: an event counts for the meters active at its position."""
    businesses = list({e.business_id for _, e in events if isinstance(e, UsageEvent.Recorded)})
    meter_ids = [e.originator_id for _, e in events if isinstance(e, Meter.Event)]
    if not businesses and not meter_ids:
        return
    rules = load_rules(cur, meters, businesses, meter_ids)
    changes = Changes()
    for position, e in events:
        if isinstance(e, UsageEvent.Recorded):
            for rule in rules.values():
                if rule.business_id == e.business_id and not rule.archived:
                    changes.add(rule, position, e.customer_id, e.event_name, e.occurred_at, e.metadata)
        elif isinstance(e, Meter.Created):
            rules[e.originator_id] = _created(cur, meters, position, e)
        elif isinstance(e, Meter.Archived | Meter.Unarchived):
            rules[e.originator_id].archived = isinstance(e, Meter.Archived)
            cur.execute(
                sql.SQL("UPDATE {} SET archived = %s, updated_at = %s WHERE id = %s").format(meters),
                (rules[e.originator_id].archived, e.timestamp, e.originator_id),
            )
        elif isinstance(e, Meter.Updated):
            # Only how the meter is shown; its rule is unchanged. Columns come from the domain's list.
            details = {k: v for k, v in e.changes.items() if k in METER_DETAILS}
            assignments = [sql.SQL("{} = %s, ").format(sql.Identifier(k)) for k in details]
            cur.execute(
                sql.SQL("UPDATE {} SET {}updated_at = %s WHERE id = %s").format(meters, sql.SQL("").join(assignments)),
                (*details.values(), e.timestamp, e.originator_id),
            )
    changes.write(cur, meters, usage, uniques, hours)


def _created(cur: Cursor[Any], meters: sql.Composed, position: int, e: Any) -> TrackedMeter:
    aggregation = e.aggregation
    cur.execute(
        sql.SQL(
            "INSERT INTO {} (id, business_id, name, event_name, aggregation, aggregation_key, filter, measurement_unit, "
            "description, archived, created_at, updated_at, position, skipped, backfill_upto, backfill_cursor) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, false, %s, %s, %s, 0, %s, 0)"
        ).format(meters),
        (
            e.originator_id,
            e.business_id,
            e.name,
            e.event_name,
            aggregation["type"],
            aggregation["key"],
            None if e.filter is None else _json.encode(e.filter).decode(),
            e.measurement_unit,
            e.description,
            e.timestamp,
            e.timestamp,
            position,
            position,
        ),
    )
    return TrackedMeter(
        e.originator_id,
        e.business_id,
        MeterRule(e.event_name, aggregation["type"], aggregation["key"], e.filter),
        False,
    )


def backfill_step(
    cur: Cursor[Any],
    meters: sql.Composed,
    usage: sql.Composed,
    uniques: sql.Composed,
    hours: sql.Composed,
    events_table: sql.Composable,
    chunk: int | None = None,
    only: sql.Composable = sql.SQL("true"),
) -> bool:
    """Counts the next chunk of events that were there before a meter was created (of the meters `only`
    selects); moves its cursor in the same transaction. False when no meter is back-filling."""
    chunk = chunk or BACKFILL_CHUNK
    decimal_json(cur)
    cur.execute(
        sql.SQL(
            "SELECT " + _RULE_COLUMNS + ", backfill_cursor, backfill_upto FROM {} "
            "WHERE backfill_cursor < backfill_upto AND {} ORDER BY position LIMIT 1 FOR UPDATE"
        ).format(meters, only)
    )
    row = cur.fetchone()
    if row is None:
        return False
    rule = _rule(row)
    cur.execute(
        sql.SQL(
            "SELECT position, customer_id, event_name, occurred_at, metadata FROM {} WHERE business_id = %s "
            "AND event_name = %s AND position > %s AND position < %s ORDER BY position LIMIT %s"
        ).format(events_table),
        (rule.business_id, rule.rule.event_name, row["backfill_cursor"], row["backfill_upto"], chunk),
    )
    rows = cur.fetchall()
    changes = Changes()
    for r in rows:
        changes.add(rule, r["position"], r["customer_id"], r["event_name"], r["occurred_at"], r["metadata"])
    changes.write(cur, meters, usage, uniques, hours)
    reached = rows[-1]["position"] if len(rows) == chunk else row["backfill_upto"]
    cur.execute(sql.SQL("UPDATE {} SET backfill_cursor = %s WHERE id = %s").format(meters), (reached, rule.id))
    return True


def backfills(cur: Cursor[Any], meters: sql.Composed, only: sql.Composable = sql.SQL("true")) -> list[str]:
    cur.execute(
        sql.SQL(
            "SELECT id, name, backfill_cursor, backfill_upto FROM {} WHERE backfill_cursor < backfill_upto "
            "AND {} ORDER BY position"
        ).format(meters, only)
    )
    return [
        f"meter {r['id']} ({r['name']}): back-fill at position {r['backfill_cursor']} of {r['backfill_upto']}"
        for r in cur.fetchall()
    ]
