"""The `usage` projection: the meters' per-minute buckets (`meters`, `meter_usage`, see meter_usage.py).
The usage events themselves are read from the usage log (store/usage_log.py), which is their only copy:
listing, filtering and meter back-fills read it directly."""

from __future__ import annotations

from typing import Any, ClassVar

from psycopg import Cursor, sql

from domain.meter import Meter
from domain.usage_event import UsageEvent
from projections.engine import bulk
from projections.engine.projection import Page, Projection
from projections.usage import meter_usage
from projections.usage.log_fold import Tables, finish_build
from store import usage_log
from store.topics import events_of


class UsageProjection(Projection):
    name = "usage"
    # 2: each customer's hourly rollup (meter_customer_hours), built by the rebuild an upgrade starts.
    version = 2
    partitioned = True
    topics = events_of(UsageEvent, Meter)
    tables: ClassVar[dict[str, str]] = meter_usage.TABLES
    keys: ClassVar[dict[str, tuple[str, ...]]] = meter_usage.KEYS
    added_columns: ClassVar[dict[str, tuple[str, ...]]] = meter_usage.ADDED_COLUMNS

    def apply(self, cur: Cursor[Any], page: Page) -> None:
        meter_usage.apply_page(cur, self._tables(), page.events, building=self.building)

    def before_build(self, cur: Cursor[Any]) -> None:
        self._minute_indexes = bulk.drop_indexes(cur, self.t("meter_usage"))

    def after_build(self, cur: Cursor[Any]) -> None:
        finish_build(cur, self._tables())
        bulk.create_indexes(cur, self._minute_indexes)

    def after_catch_up(self, cur: Cursor[Any]) -> bool:
        return meter_usage.backfill_step(cur, self._tables(), only=self.owned("meters"))

    def _tables(self) -> Tables:
        return Tables(
            self.t("meters"),
            self.t("meter_usage"),
            self.t("meter_uniques"),
            self.t("meter_usage_hours"),
            self.t("meter_customer_hours"),
            sql.Identifier(self.schema, usage_log.TABLE),
        )

    def pending_work(self, cur: Cursor[Any]) -> list[str]:
        return meter_usage.backfills(cur, self.t("meters"), only=self.owned("meters"))

    def owned(self, logical: str) -> sql.Composable:
        if self.partition is None:
            return super().owned(logical)
        if logical in ("meter_usage", "meter_usage_hours", "meter_customer_hours", "meter_uniques"):
            return sql.SQL("meter_id IN (SELECT id FROM {} WHERE {})").format(
                self.t("meters"), self.partition.condition(sql.Identifier("business_id"))
            )
        return self.partition.condition(sql.Identifier("business_id"))
