"""The `usage` projection: every usage event as a row (`usage_events`), for
listing, filtering and meter back-fills; and the meters' per-minute buckets
(`meters`, `meter_usage`, see meter_usage.py), kept at the same position.

`usage_events` carries three indexes, each paid on every event (docs/performance.md): the position
(back-fills and late lines scan a position range), and the two listing orders, per business and per
customer, newest first. An event is found by its id through the event store's own primary key (its
aggregate id derives from business and event_id), so no second unique index repeats that one."""

from __future__ import annotations

from typing import Any, ClassVar

import msgspec
from psycopg import Cursor, sql

from domain.meter import Meter
from domain.usage_event import UsageEvent
from projections.engine.binary_copy import copy_binary
from projections.engine.projection import Page, Projection
from projections.usage import meter_usage
from store.topics import events_of

_json = msgspec.json.Encoder(decimal_format="number")
_ROW_TYPES = ("int8", "uuid", "text", "text", "text", "timestamptz", "jsonb")
RECORDED = UsageEvent.Recorded


class UsageProjection(Projection):
    name = "usage"
    version = 1
    partitioned = True
    topics = events_of(UsageEvent, Meter)
    tables: ClassVar[dict[str, str]] = {
        "usage_events": """
            CREATE TABLE {usage_events} (
                position bigint PRIMARY KEY,
                business_id uuid NOT NULL,
                event_id text NOT NULL,
                customer_id text COLLATE "C" NOT NULL,
                event_name text NOT NULL,
                occurred_at timestamptz NOT NULL,
                metadata jsonb NOT NULL
            );
            CREATE INDEX ON {usage_events} (business_id, customer_id, occurred_at);
            CREATE INDEX ON {usage_events} (business_id, occurred_at);
        """,
        **meter_usage.TABLES,
    }
    keys: ClassVar[dict[str, tuple[str, ...]]] = {"usage_events": ("position",), **meter_usage.KEYS}
    added_columns: ClassVar[dict[str, tuple[str, ...]]] = meter_usage.ADDED_COLUMNS

    def apply(self, cur: Cursor[Any], page: Page) -> None:
        rows = [
            (position, e.business_id, e.event_id, e.customer_id, e.event_name, e.occurred_at, _json.encode(e.metadata))
            for position, e in page.events
            if isinstance(e, RECORDED)
        ]
        if rows:
            self._copy(cur, rows)
        meter_usage.apply_page(
            cur,
            self.t("meters"),
            self.t("meter_usage"),
            self.t("meter_uniques"),
            self.t("meter_usage_hours"),
            page.events,
        )

    def after_catch_up(self, cur: Cursor[Any]) -> bool:
        return meter_usage.backfill_step(
            cur,
            self.t("meters"),
            self.t("meter_usage"),
            self.t("meter_uniques"),
            self.t("meter_usage_hours"),
            self.t("usage_events"),
            only=self.owned("meters"),
        )

    def pending_work(self, cur: Cursor[Any]) -> list[str]:
        return meter_usage.backfills(cur, self.t("meters"), only=self.owned("meters"))

    def owned(self, logical: str) -> sql.Composable:
        if self.partition is None:
            return super().owned(logical)
        if logical in ("meter_usage", "meter_usage_hours", "meter_uniques"):
            return sql.SQL("meter_id IN (SELECT id FROM {} WHERE {})").format(
                self.t("meters"), self.partition.condition(sql.Identifier("business_id"))
            )
        return self.partition.condition(sql.Identifier("business_id"))

    def _copy(self, cur: Cursor[Any], rows: list[tuple[Any, ...]]) -> None:
        copy_binary(
            cur,
            sql.SQL("COPY {} (position, business_id, event_id, customer_id, event_name, occurred_at, metadata)").format(
                self.t("usage_events")
            ),
            _ROW_TYPES,
            rows,
        )
