"""Evidence straight from the event store, bypassing every read model: the
usage events an auditor needs to re-derive an invoice.

The scan filters on the stored JSON (eventsourcing's JSON transcoder writes a
UUID as {"_type_": "uuid_hex", "_data_": hex}); tests pin that format."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

from eventsourcing.persistence import Notification
from eventsourcing.utils import get_topic
from psycopg import sql

from domain.usage_event import UsageEvent

RECORDED_TOPIC = get_topic(UsageEvent.Recorded)


def recorded_usage(
    app: Any, business: uuid.UUID | None, customer: str | None, after: int = 0, upto: int | None = None
) -> Iterator[tuple[int, UsageEvent.Recorded]]:
    """(position, event) of every usage event of the business (all businesses if None; and of the customer)
    with after < position <= upto."""
    match: dict[str, Any] = {"business_id": {"_data_": business.hex}} if business else {}
    if customer is not None:
        match["customer_id"] = customer
    query = sql.SQL(
        "SELECT notification_id, originator_id, originator_version, topic, state FROM {} "
        "WHERE topic = %s AND notification_id > %s AND notification_id <= %s "
        "AND convert_from(state, 'UTF8')::jsonb @> %s::jsonb ORDER BY notification_id"
    ).format(app.events_table)
    with app.datastore.transaction(commit=False) as cur:
        cur.execute(query, (RECORDED_TOPIC, after, upto if upto is not None else 2**62, json.dumps(match)))
        for row in cur:
            notification = Notification(
                id=row["notification_id"],
                originator_id=row["originator_id"],
                originator_version=row["originator_version"],
                topic=row["topic"],
                state=bytes(row["state"]),
            )
            yield row["notification_id"], app.mapper.to_domain_event(notification)
