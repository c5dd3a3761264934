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
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from typing import Any

import msgspec
from psycopg import Cursor, sql
from psycopg.types.json import set_json_loads

from domain.aggregation import MeterRule
from domain.meter import CHANGEABLE as METER_DETAILS
from domain.meter import Meter
from projections.usage.log_fold import Counting, Tables, fold
from store.rows import one
from store.usage_log import LoggedUsage

BACKFILL_CHUNK = 5000
END = 2**62  # a span of counting still open when the page ends
_json = msgspec.json.Encoder(decimal_format="number")

# The bucket tables leave room in each page (fillfactor): a bucket merged again is then rewritten in place of
# its page without touching the indexes (a HOT update); the worker drained 53-54 k events/s with it, 47-51 k
# without (docs/performance.md).
# Customer ids are compared byte for byte ("C"): equality is the same under any deterministic collation,
# and every bucket written and looked up compares them in the primary key, where the locale's strcoll
# cost a measurable share of the write (docs/performance.md).
# What every bucket table holds of its events (domain.aggregation.Bucket), in this order.
BUCKET = """
            count bigint NOT NULL,
            sum numeric NOT NULL,
            max numeric NOT NULL,
            last_value numeric NOT NULL,
            last_ts timestamptz NOT NULL,
            last_position bigint NOT NULL,
            min numeric NOT NULL,
"""
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
            """
    + BUCKET
    + """
            PRIMARY KEY (meter_id, customer_id, minute)
        ) WITH (fillfactor = 80);
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
            """
    + BUCKET
    + """
            PRIMARY KEY (meter_id, hour)
        ) WITH (fillfactor = 70);
    """,
    # Each customer's usage per (meter, hour): one customer's month is a few hundred rows here, where its
    # minute buckets were thousands once its events spread over every minute (10 M events, docs/performance.md).
    "meter_customer_hours": """
        CREATE TABLE {meter_customer_hours} (
            meter_id uuid NOT NULL,
            customer_id text COLLATE "C" NOT NULL,
            hour timestamptz NOT NULL,
            """
    + BUCKET
    + """
            PRIMARY KEY (meter_id, customer_id, hour)
        ) WITH (fillfactor = 70);
    """,
}
KEYS = {
    "meters": ("id",),
    "meter_usage": ("meter_id", "customer_id", "minute"),
    "meter_uniques": ("meter_id", "customer_id", "minute", "value"),
    "meter_usage_hours": ("meter_id", "hour"),
    "meter_customer_hours": ("meter_id", "customer_id", "hour"),
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


_RULE_COLUMNS = "id, business_id, event_name, aggregation, aggregation_key, filter, archived"


def _rule(row: dict[str, Any]) -> TrackedMeter:
    rule = MeterRule(row["event_name"], row["aggregation"], row["aggregation_key"], row["filter"])
    return TrackedMeter(row["id"], row["business_id"], rule, row["archived"])


def load_rules(
    cur: Cursor[Any], meters: sql.Composable, businesses: list[uuid.UUID], ids: list[uuid.UUID]
) -> dict[uuid.UUID, TrackedMeter]:
    decimal_json(cur)
    cur.execute(
        sql.SQL("SELECT " + _RULE_COLUMNS + " FROM {} WHERE business_id = ANY(%s) OR id = ANY(%s)").format(meters),
        (businesses, ids),
    )
    return {row["id"]: _rule(row) for row in cur.fetchall()}


def apply_page(cur: Cursor[Any], tables: Tables, events: list[tuple[int, Any]], building: bool = False) -> None:
    """Meter definitions and live counting, in log order: an event counts for the meters active at its position.
    The usage events are folded by PostgreSQL from the log (log_fold.py): only their positions are here;
    `building` from position 0, as log_fold.fold says."""
    positions = [p for p, e in events if type(e) is LoggedUsage]
    businesses = {e.business_id for _, e in events if type(e) is LoggedUsage}
    meter_ids = [e.originator_id for _, e in events if isinstance(e, Meter.Event)]
    if not businesses and not meter_ids:
        return
    rules = load_rules(cur, tables.meters, list(businesses), meter_ids)
    # Where each meter's current span of counting began (0: before the page), None while it is archived.
    since: dict[uuid.UUID, int | None] = {i: None if m.archived else 0 for i, m in rules.items()}
    spans: dict[uuid.UUID, list[tuple[int, int]]] = {i: [] for i in rules}
    for position, e in events:
        if isinstance(e, Meter.Created):
            rules[e.originator_id] = _created(cur, tables.meters, position, e)
            since[e.originator_id], spans[e.originator_id] = position, []
        elif isinstance(e, Meter.Archived | Meter.Unarchived):
            archived = isinstance(e, Meter.Archived)
            rules[e.originator_id].archived = archived
            start = since.get(e.originator_id)
            if archived and start is not None:
                spans[e.originator_id].append((start, position))
                since[e.originator_id] = None
            elif not archived and start is None:
                since[e.originator_id] = position
            cur.execute(
                sql.SQL("UPDATE {} SET archived = %s, updated_at = %s WHERE id = %s").format(tables.meters),
                (archived, e.timestamp, e.originator_id),
            )
        elif isinstance(e, Meter.Updated):
            # Only how the meter is shown; its rule is unchanged. Columns come from the domain's list.
            details = {k: v for k, v in e.changes.items() if k in METER_DETAILS}
            assignments = [sql.SQL("{} = %s, ").format(sql.Identifier(k)) for k in details]
            cur.execute(
                sql.SQL("UPDATE {} SET {}updated_at = %s WHERE id = %s").format(
                    tables.meters, sql.SQL("").join(assignments)
                ),
                (*details.values(), e.timestamp, e.originator_id),
            )
    if not positions:
        return
    counting = [
        Counting(i, m.business_id, m.rule, (*spans[i], *(() if since[i] is None else ((since[i], END),))))
        for i, m in rules.items()
        if m.business_id in businesses
    ]
    fold(cur, tables, counting, sql.SQL("position = ANY(%s)"), (positions,), building)


def _created(cur: Cursor[Any], meters: sql.Composable, position: int, e: Any) -> TrackedMeter:
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
    cur: Cursor[Any], tables: Tables, chunk: int | None = None, only: sql.Composable = sql.SQL("true")
) -> bool:
    """Counts the next chunk of events that were there before a meter was created (of the meters `only`
    selects); moves its cursor in the same transaction. False when no meter is back-filling."""
    chunk = chunk or BACKFILL_CHUNK
    decimal_json(cur)
    cur.execute(
        sql.SQL(
            "SELECT " + _RULE_COLUMNS + ", backfill_cursor, backfill_upto FROM {} "
            "WHERE backfill_cursor < backfill_upto AND {} ORDER BY position LIMIT 1 FOR UPDATE"
        ).format(tables.meters, only)
    )
    row = cur.fetchone()
    if row is None:
        return False
    meter = _rule(row)
    events = (meter.business_id, meter.rule.event_name)
    cur.execute(
        sql.SQL(
            "SELECT count(*) AS n, max(position) AS last FROM (SELECT position FROM {} WHERE business_id = %s "
            "AND event_name = %s AND position > %s AND position < %s ORDER BY position LIMIT %s) AS c"
        ).format(tables.log),
        (*events, row["backfill_cursor"], row["backfill_upto"], chunk),
    )
    found = one(cur)
    reached = found["last"] if found["n"] == chunk else row["backfill_upto"]
    if found["n"]:
        fold(
            cur,
            tables,
            [Counting(meter.id, meter.business_id, meter.rule, ((row["backfill_cursor"], reached + 1),))],
            sql.SQL("business_id = %s AND event_name = %s AND position > %s AND position <= %s"),
            (*events, row["backfill_cursor"], reached),
        )
    cur.execute(sql.SQL("UPDATE {} SET backfill_cursor = %s WHERE id = %s").format(tables.meters), (reached, meter.id))
    return True


def backfills(cur: Cursor[Any], meters: sql.Composable, only: sql.Composable = sql.SQL("true")) -> list[str]:
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
