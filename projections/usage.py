"""The `usage` projection: every usage event as a row (`usage_events`), for
listing, filtering and meter back-fills."""
from __future__ import annotations

from typing import Any, ClassVar

import msgspec
from psycopg import Cursor, sql

from domain.usage_event import UsageEvent
from projections.projection import Page, Projection

_json = msgspec.json.Encoder(decimal_format="number")
RECORDED = UsageEvent.Recorded


class UsageProjection(Projection):
    name = "usage"
    topics = ("domain.usage_event:",)
    tables: ClassVar[dict[str, str]] = {
        "usage_events": """
            CREATE TABLE {usage_events} (
                position bigint PRIMARY KEY,
                business_id uuid NOT NULL,
                event_id text NOT NULL,
                customer_id text NOT NULL,
                event_name text NOT NULL,
                occurred_at timestamptz NOT NULL,
                metadata jsonb NOT NULL,
                UNIQUE (business_id, event_id)
            );
            CREATE INDEX ON {usage_events} (business_id, customer_id, event_name, occurred_at);
            CREATE INDEX ON {usage_events} (business_id, occurred_at);
            CREATE INDEX ON {usage_events} (business_id, event_name, occurred_at);
        """,
    }
    keys: ClassVar[dict[str, tuple[str, ...]]] = {"usage_events": ("position",)}

    def apply(self, cur: Cursor[Any], page: Page) -> None:
        rows = [
            (position, e.business_id, e.event_id, e.customer_id, e.event_name, e.occurred_at,
             _json.encode(e.metadata).decode())
            for position, e in page.events
            if isinstance(e, RECORDED)
        ]
        if not rows:
            return
        statement = sql.SQL(
            "COPY {} (position, business_id, event_id, customer_id, event_name, occurred_at, metadata) FROM STDIN"
        ).format(self.t("usage_events"))
        with cur.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
