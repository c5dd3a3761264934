"""Queries over `usage_events`: the Dodo-compatible event list and one event."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import msgspec
from eventsourcing.postgres import PostgresDatastore
from psycopg import sql

from domain.errors import NotFound
from domain.meter import Meter
from domain.usage_event import usage_event_id
from projections.reads.pages import PageOf, paged
from projections.usage.meter_filter_sql import meter_events_sql


class EventView(msgspec.Struct):
    id: str
    event_id: str
    business_id: str
    customer_id: str
    event_name: str
    timestamp: datetime
    metadata: dict[str, Any]
    position: int


def _view(row: dict[str, Any]) -> EventView:
    return EventView(
        id=row["event_id"],
        event_id=row["event_id"],
        business_id=str(row["business_id"]),
        customer_id=row["customer_id"],
        event_name=row["event_name"],
        timestamp=row["occurred_at"],
        metadata=row["metadata"],
        position=row["position"],
    )


_COLUMNS = sql.SQL("position, business_id, event_id, customer_id, event_name, occurred_at, metadata")


def list_events(
    datastore: PostgresDatastore,
    schema: str,
    business: uuid.UUID,
    *,
    customer_id: str | None = None,
    event_name: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    meter: Meter | None = None,
    page_number: int = 0,
    page_size: int = 10,
) -> PageOf[EventView]:
    """Newest first; with `meter`, only the events it selects (its event name and filter)."""
    where: list[sql.Composable] = [sql.SQL("business_id = %s")]
    params: list[Any] = [business]
    for column, op, value in (
        ("customer_id", "=", customer_id),
        ("event_name", "=", event_name),
        ("occurred_at", ">=", start),
        ("occurred_at", "<", end),
    ):
        if value is not None:
            where.append(sql.SQL("{} " + op + " %s").format(sql.Identifier(column)))
            params.append(value)
    if meter is not None:
        where.append(meter_events_sql(meter))
    query = sql.SQL(
        "SELECT {} FROM {}.usage_events WHERE {} ORDER BY occurred_at DESC, position DESC LIMIT %s OFFSET %s"
    ).format(_COLUMNS, sql.Identifier(schema), sql.SQL(" AND ").join(where))
    params += [page_size + 1, page_number * page_size]
    with datastore.transaction(commit=False) as cur:
        cur.execute(query, params)
        rows = [_view(r) for r in cur.fetchall()]
    return paged(rows, page_number, page_size)


def get_event(
    datastore: PostgresDatastore, schema: str, events_table: sql.Composable, business: uuid.UUID, event_id: str
) -> EventView:
    """Found through the event store's primary key (the event's aggregate id derives from business and
    event_id), then read at its position: `usage_events` keeps no index of its own on event ids."""
    query = sql.SQL(
        "SELECT {} FROM {}.usage_events WHERE position = (SELECT notification_id FROM {} "
        "WHERE originator_id = %s AND originator_version = 1) AND business_id = %s"
    ).format(_COLUMNS, sql.Identifier(schema), events_table)
    with datastore.transaction(commit=False) as cur:
        cur.execute(query, (usage_event_id(business, event_id), business))
        row = cur.fetchone()
    if row is None:
        raise NotFound("event", event_id)
    return _view(row)
