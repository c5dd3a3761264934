"""Evidence straight from the log, bypassing every read model: the usage events an
auditor needs to re-derive an invoice (from the usage log), which aggregates an
audit must check, and where each version of an aggregate stands in the log.

`originators` filters on the stored JSON (eventsourcing's JSON transcoder writes a
UUID as {"_type_": "uuid_hex", "_data_": hex}); tests pin that format."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from psycopg import sql

from domain.usage_event import UsageEvent
from store import usage_log
from store.log import EventLog, read_history


def recorded_usage(
    app: Any,
    business: uuid.UUID | None,
    customer: str | None,
    after: int = 0,
    upto: int | None = None,
    occurred: tuple[datetime, datetime] | None = None,
) -> Iterator[tuple[int, UsageEvent.Recorded]]:
    """(position, event) of every usage event of the business (all businesses if None; and of the customer)
    with after < position <= upto (and since <= timestamp < before, `occurred` when given), from the usage log."""
    with app.datastore.transaction(commit=False) as cur:
        yield from usage_log.events(cur, app.schema, business, customer, after, upto, occurred)


class LogEvidence:
    """The event log read past every read model, for `audit explain` and `audit verify` (the
    `LogEvidence` port of application/ports.py)."""

    def __init__(self, log: EventLog) -> None:
        self.log = log

    def recorded_usage(
        self,
        business: uuid.UUID | None,
        customer: str | None,
        after: int = 0,
        upto: int | None = None,
        occurred: tuple[datetime, datetime] | None = None,
    ) -> Iterator[tuple[int, UsageEvent.Recorded]]:
        return recorded_usage(self.log, business, customer, after, upto, occurred)

    def originators(self, topic: str, business: uuid.UUID | None) -> list[uuid.UUID]:
        """Aggregates with an event of `topic` (of the business, or of every business), in log order."""
        query = sql.SQL(
            "SELECT originator_id FROM {} WHERE topic = %s AND (%s::text IS NULL OR "
            "convert_from(state, 'UTF8')::jsonb -> 'business_id' ->> '_data_' = %s) "
            "ORDER BY notification_id"
        ).format(self.log.events_table)
        hex_ = business.hex if business else None
        with self.log.datastore.transaction(commit=False) as cur:
            cur.execute(query, (topic, hex_, hex_))
            return [r["originator_id"] for r in cur.fetchall()]

    def positions(self, aggregate: uuid.UUID) -> dict[int, int]:
        """The log position of each of the aggregate's versions."""
        query = sql.SQL("SELECT originator_version, notification_id FROM {} WHERE originator_id = %s").format(
            self.log.events_table
        )
        with self.log.datastore.transaction(commit=False) as cur:
            cur.execute(query, (aggregate,))
            return {r["originator_version"]: r["notification_id"] for r in cur.fetchall()}

    def history(self, aggregate: uuid.UUID) -> list[tuple[int, Any]]:
        """(position, event) of each of the aggregate's events, oldest first."""
        return read_history(self.log, aggregate)
