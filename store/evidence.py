"""Evidence straight from the event store, bypassing every read model: the
usage events an auditor needs to re-derive an invoice, which aggregates an
audit must check, and where each version of an aggregate stands in the log.

The scan filters on the stored JSON (eventsourcing's JSON transcoder writes a
UUID as {"_type_": "uuid_hex", "_data_": hex}); tests pin that format."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

from eventsourcing.persistence import Notification
from eventsourcing.utils import get_topic
from psycopg import Cursor, sql

from domain.usage_event import UsageEvent
from store.log import EventLog, read_history, read_notifications

RECORDED_TOPIC = get_topic(UsageEvent.Recorded)


def recorded_usage(
    app: Any, business: uuid.UUID | None, customer: str | None, after: int = 0, upto: int | None = None
) -> Iterator[tuple[int, UsageEvent.Recorded]]:
    """(position, event) of every usage event of the business (all businesses if None; and of the customer)
    with after < position <= upto."""
    with app.datastore.transaction(commit=False) as cur:
        yield from usage_on(cur, app, business, customer, after, upto)


def usage_on(
    cur: Cursor[Any], app: Any, business: uuid.UUID | None, customer: str | None, after: int, upto: int | None
) -> Iterator[tuple[int, UsageEvent.Recorded]]:
    """`recorded_usage` on the caller's cursor: in its transaction, after whatever it holds."""
    match: dict[str, Any] = {"business_id": {"_data_": business.hex}} if business else {}
    if customer is not None:
        match["customer_id"] = customer
    # A customer id JSON writes as it is must appear as it is in the state: most states are skipped by that
    # byte search alone, before any is parsed (an access check reads the log's tail this way).
    verbatim = (
        customer is not None and customer.isascii() and customer.isprintable() and not set(customer) & {'"', "\\"}
    )
    query = sql.SQL(
        "SELECT notification_id, originator_id, originator_version, topic, state FROM {} "
        "WHERE topic = %s AND notification_id > %s AND notification_id <= %s "
        "AND (%s::bytea IS NULL OR position(%s::bytea IN state) > 0) "
        "AND convert_from(state, 'UTF8')::jsonb @> %s::jsonb ORDER BY notification_id"
    ).format(app.events_table)
    needle = customer.encode() if verbatim and customer is not None else None
    upto_ = upto if upto is not None else 2**62
    cur.execute(query, (RECORDED_TOPIC, after, upto_, needle, needle, json.dumps(match)))
    for row in cur.fetchall():
        notification = Notification(
            id=row["notification_id"],
            originator_id=row["originator_id"],
            originator_version=row["originator_version"],
            topic=row["topic"],
            state=bytes(row["state"]),
        )
        yield row["notification_id"], app.mapper.to_domain_event(notification)


class LogEvidence:
    """The event log read past every read model, for `audit explain` and `audit verify` (the
    `LogEvidence` port of application/ports.py)."""

    def __init__(self, log: EventLog) -> None:
        self.log = log

    def recorded_usage(
        self, business: uuid.UUID | None, customer: str | None, after: int = 0, upto: int | None = None
    ) -> Iterator[tuple[int, UsageEvent.Recorded]]:
        return recorded_usage(self.log, business, customer, after, upto)

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

    def events_at(self, positions: list[int]) -> list[tuple[int, Any]]:
        """(position, event) of the events at these positions, oldest first."""
        with self.log.datastore.transaction(commit=False) as cur:
            notifications = read_notifications(cur, self.log.events_table, positions)
        return [(n.id, self.log.mapper.to_domain_event(n)) for n in notifications]
