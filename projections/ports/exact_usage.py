"""Usage exact to the log (application/ports.py, `ExactUsage`): the `usage` read model's buckets at its
position, plus the customer's usage events stored past that position, read from the log itself. Always on
the primary, whatever TALLY_READ_DATABASE_URL says: a replica's log can lag the writes a client was told
about (docs/access.md).

The read model's position and buckets are read in one statement, so they are one snapshot; the log's tail is
read after it, so every usage event committed before the call is counted once: at or below the position in
the buckets, above it in the tail. Positions are handed out in commit order (store/usage_log.py), so
no event below the position can commit later. A business stuck at a parked event is read as far as its
read model is complete: the tail starts before the parked event. A consume (`consuming`) holds a transaction-scoped advisory
lock per (business, customer, meter) from before it measures until its event is committed: two consumes of
one meter cannot both measure before either has recorded."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from decimal import Decimal
from typing import Any

from eventsourcing.postgres import PostgresDatastore
from psycopg import Cursor, sql

from domain.aggregation import MeterRule, Row
from domain.usage_event import IncomingEvent
from projections.engine import parking
from projections.engine.partitions import usage_name_for
from projections.engine.tracking import read_positions, tracking_table
from store import usage_log
from store.event_store import EventStore
from store.rows import one
from store.usage_log import TOPIC

ZERO = Decimal(0)
# What the buckets can be merged with the tail's own fold for; the others fold the raw rows.
MERGED = ("count", "sum", "max", "min")
# Businesses whose usage tracking name is kept, at most.
NAMES = 100_000
# The read model a check reads besides `usage`: who subscribes to what.
SETTLED = "charges"


class ExactUsage:
    def __init__(self, store: EventStore) -> None:
        self.store = store
        self.datastore: PostgresDatastore = store.datastore
        self.schema = store.schema
        self._parking = False  # whether the parked events' table exists (once it does, it stays)
        self._names: dict[uuid.UUID, str] = {}

    def _t(self, name: str) -> sql.Composed:
        return sql.SQL("{}.{}").format(sql.Identifier(self.schema), sql.Identifier(name))

    def pending_position(self) -> int:
        """The last event other than a usage event that `charges` has not taken in (0: none)."""
        with self.datastore.transaction(commit=False) as cur:
            cur.execute(
                sql.SQL(
                    "SELECT coalesce(max(notification_id), 0) AS p FROM {} WHERE topic <> %s AND notification_id > "
                    "coalesce((SELECT position FROM {} WHERE name = %s), 0)"
                ).format(self.store.events_table, tracking_table(self.schema)),
                (TOPIC, SETTLED),
            )
            return int(one(cur)["p"])

    def subscription_ids(self, business: uuid.UUID, customer_id: str) -> list[uuid.UUID]:
        """As `open_charges` finds them, without the terms and plan segments it restores."""
        with self.datastore.transaction(commit=False) as cur:
            cur.execute(
                sql.SQL(
                    "SELECT subscription_id FROM {} WHERE business_id = %s AND customer_id = %s "
                    "AND cycle_start IS NOT NULL ORDER BY anchor, subscription_id"
                ).format(self._t("charges")),
                (business, customer_id),
            )
            return [r["subscription_id"] for r in cur.fetchall()]

    def measured(
        self,
        business: uuid.UUID,
        customer_id: str,
        meter_id: uuid.UUID,
        rule: MeterRule,
        start: datetime,
        end: datetime,
    ) -> tuple[Decimal, int]:
        with self.datastore.transaction(commit=False) as cur:
            return self._measured(cur, business, customer_id, meter_id, rule, start, end)

    def recorded(self, business: uuid.UUID, event_ids: list[str]) -> dict[str, tuple[int, Any]]:
        return self.store.usage_events(business, event_ids)

    @contextmanager
    def consuming(self, business: uuid.UUID, customer_id: str, meter_id: uuid.UUID) -> Iterator[Consumption]:
        with self.datastore.transaction(commit=True) as cur:
            cur.execute(
                "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))",
                (f"consume:{business}:{customer_id}:{meter_id}",),
            )
            yield Consumption(self, cur, business, customer_id, meter_id)

    def _measured(
        self,
        cur: Cursor[Any],
        business: uuid.UUID,
        customer_id: str,
        meter_id: uuid.UUID,
        rule: MeterRule,
        start: datetime,
        end: datetime,
    ) -> tuple[Decimal, int]:
        known = self._names.get(business)
        name = known or self._usage_name(cur, business)
        self._parking = self._parking or parking.exists(cur, self.schema)
        stuck = (
            sql.SQL(
                "(SELECT min(position) FROM {} WHERE projection = %s AND (business_id = %s OR business_id IS NULL))"
            ).format(parking.parked_table(self.schema))
            if self._parking
            else sql.SQL("(SELECT NULL::bigint WHERE %s::text IS NULL AND %s::uuid IS NULL)")
        )
        cur.execute(
            sql.SQL(
                "SELECT (SELECT position FROM {tracking} WHERE name = %s) AS p, {stuck} AS stuck, "
                "(SELECT backfill_cursor >= backfill_upto FROM {meters} WHERE id = %s) AS ready, b.* FROM ("
                "SELECT coalesce(sum(count), 0) AS n, coalesce(sum(sum), 0) AS s, max(max) AS mx, min(min) AS mn "
                "FROM {usage} WHERE meter_id = %s AND customer_id = %s AND minute >= %s AND minute < %s) AS b"
            ).format(
                tracking=tracking_table(self.schema),
                stuck=stuck,
                meters=self._t("meters"),
                usage=self._t("meter_usage"),
            ),
            (name, name, business, meter_id, meter_id, customer_id, start, end),
        )
        stored = one(cur)
        if stored["p"] is None and known is not None:
            # The usage projection was split (or joined) since the name was learnt: learn it again.
            self._names.pop(business, None)
            return self._measured(cur, business, customer_id, meter_id, rule, start, end)
        # A business stuck at a parked event has nothing of its own applied from there on, though the position
        # moves past it: the tail starts before the parked event.
        position = min(stored["p"] or 0, (stored["stuck"] or 2**62) - 1)
        head = usage_log.head(cur, self.schema, self.store.events_table)
        tail: list[Row] = [
            (p, e.occurred_at, e.event_name, e.metadata)
            for p, e in usage_log.events(cur, self.schema, business, customer_id, position, head)
            if start <= e.occurred_at < end
        ]
        if stored["ready"] and rule.kind in MERGED:
            return _merged(rule, stored, tail), max(head, position)
        rows = self._rows(cur, business, customer_id, rule, start, end, position)
        return rule.measure(rows + tail)[1] or ZERO, max(head, position)

    def _usage_name(self, cur: Cursor[Any], business: uuid.UUID) -> str:
        """Which tracking name holds the business's usage (its partition's when split): it changes only when the
        workers are restarted split another way, so it is kept until its position is gone."""
        name = usage_name_for(read_positions(cur, self.schema), business)
        if len(self._names) > NAMES:
            self._names.clear()
        self._names[business] = name
        return name

    def _rows(
        self,
        cur: Cursor[Any],
        business: uuid.UUID,
        customer_id: str,
        rule: MeterRule,
        start: datetime,
        end: datetime,
        upto: int,
    ) -> list[Row]:
        """The read model's raw rows of the cycle: for aggregations the buckets cannot be merged for, and for a
        meter whose back-fill is still counting older events into its buckets."""
        cur.execute(
            sql.SQL(
                "SELECT position, occurred_at, event_name, metadata::text AS metadata FROM {} "
                "WHERE business_id = %s AND customer_id = %s AND occurred_at >= %s AND occurred_at < %s "
                "AND event_name = %s AND position <= %s"
            ).format(self._t(usage_log.TABLE)),
            (business, customer_id, start, end, rule.event_name, upto),
        )
        return [
            (r["position"], r["occurred_at"], r["event_name"], json.loads(r["metadata"], parse_float=Decimal))
            for r in cur.fetchall()
        ]


def _merged(rule: MeterRule, stored: dict[str, Any], tail: list[Row]) -> Decimal:
    counted, folded = rule.measure(tail)
    if rule.kind == "count":
        return Decimal(stored["n"] + counted)
    if rule.kind == "sum":
        return stored["s"] + (folded or ZERO)
    values = [v for v in (stored["mx" if rule.kind == "max" else "mn"], folded) if v is not None]
    if not values:
        return ZERO
    return max(values) if rule.kind == "max" else min(values)


class Consumption:
    """One consume's transaction, holding its meter's lock: measure, then record (or not) in the same one."""

    def __init__(
        self, usage: ExactUsage, cur: Cursor[Any], business: uuid.UUID, customer_id: str, meter_id: uuid.UUID
    ) -> None:
        self._usage = usage
        self._cur = cur
        self._business = business
        self._customer_id = customer_id
        self._meter_id = meter_id

    def measured(self, rule: MeterRule, start: datetime, end: datetime) -> tuple[Decimal, int]:
        return self._usage._measured(self._cur, self._business, self._customer_id, self._meter_id, rule, start, end)

    def record(self, events: list[IncomingEvent], now: datetime) -> dict[str, int | None]:
        """Appends the events (distinct ids) in this transaction, in one COPY: each one's position, or None (not
        written) when its id is already stored."""
        store = self._usage.store
        keys = [(self._business, e.event_id) for e in events]
        rows = usage_log.copy_rows(self._business, events, now)
        stored, _ = usage_log.append(self._cur, store.recorder, store.schema, keys, rows, recheck=True)
        written = usage_log.find(self._cur, store.schema, self._business, [key[1] for key in keys if key not in stored])
        return {e.event_id: written[e.event_id][0] if e.event_id in written else None for e in events}
