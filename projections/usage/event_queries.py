"""Queries over the usage log (store/usage_log.py): the Dodo-compatible event list and one event."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import msgspec
from eventsourcing.postgres import PostgresDatastore
from psycopg import sql

from domain.errors import NotFound
from domain.meter import Meter
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


class EventFilter(msgspec.Struct, frozen=True):
    """What the events list and explorer narrow by; `metadata` pairs match the metadata's value as text, so "5"
    finds a number 5 as well as a string."""

    customer_id: str | None = None
    event_name: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    meter: Meter | None = None
    metadata: tuple[tuple[str, str], ...] = ()


def _where(business: uuid.UUID, f: EventFilter) -> tuple[sql.Composable, list[Any]]:
    where: list[sql.Composable] = [sql.SQL("business_id = %s")]
    params: list[Any] = [business]
    for column, op, value in (
        ("customer_id", "=", f.customer_id),
        ("event_name", "=", f.event_name),
        ("occurred_at", ">=", f.start),
        ("occurred_at", "<", f.end),
    ):
        if value is not None:
            where.append(sql.SQL("{} " + op + " %s").format(sql.Identifier(column)))
            params.append(value)
    for key, value in f.metadata:
        where.append(sql.SQL("metadata ->> %s = %s"))
        params += [key, value]
    if f.meter is not None:
        where.append(meter_events_sql(f.meter))
    return sql.SQL(" AND ").join(where), params


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
    metadata: tuple[tuple[str, str], ...] = (),
) -> PageOf[EventView]:
    """Newest first; with `meter`, only the events it selects (its event name and filter)."""
    where, params = _where(business, EventFilter(customer_id, event_name, start, end, meter, metadata))
    query = sql.SQL(
        "SELECT {} FROM {}.usage_log WHERE {} ORDER BY occurred_at DESC, position DESC LIMIT %s OFFSET %s"
    ).format(_COLUMNS, sql.Identifier(schema), where)
    params += [page_size + 1, page_number * page_size]
    with datastore.transaction(commit=False) as cur:
        cur.execute(query, params)
        rows = [_view(r) for r in cur.fetchall()]
    return paged(rows, page_number, page_size)


def count_events(
    datastore: PostgresDatastore, schema: str, business: uuid.UUID, matching: EventFilter, at_most: int
) -> int:
    """How many events match, counted up to `at_most` + 1 (more than `at_most` says only that), so a broad
    filter over millions of events costs a bounded scan."""
    where, params = _where(business, matching)
    query = sql.SQL("SELECT count(*) AS n FROM (SELECT 1 FROM {}.usage_log WHERE {} LIMIT %s) AS m").format(
        sql.Identifier(schema), where
    )
    with datastore.transaction(commit=False) as cur:
        cur.execute(query, [*params, at_most + 1])
        row = cur.fetchone()
    return int(row["n"]) if row else 0


def stream_events(
    datastore: PostgresDatastore, schema: str, business: uuid.UUID, matching: EventFilter, at_most: int
) -> Iterator[EventView]:
    """The matching events newest first, at most `at_most`, read from the server in batches as they are sent."""
    where, params = _where(business, matching)
    query = sql.SQL("SELECT {} FROM {}.usage_log WHERE {} ORDER BY occurred_at DESC, position DESC LIMIT %s").format(
        _COLUMNS, sql.Identifier(schema), where
    )
    with datastore.transaction(commit=False) as cur:
        for row in cur.stream(query, [*params, at_most]):
            yield _view(row)


def last_event_times(
    datastore: PostgresDatastore, schema: str, business: uuid.UUID, customer_ids: list[str]
) -> dict[str, datetime]:
    """When each customer's latest event happened (one index range per customer: business, customer, time)."""
    query = sql.SQL(
        "SELECT c.customer_id, (SELECT max(occurred_at) FROM {}.usage_log e WHERE e.business_id = %s "
        "AND e.customer_id = c.customer_id) AS last FROM unnest(%s::text[]) AS c(customer_id)"
    ).format(sql.Identifier(schema))
    with datastore.transaction(commit=False) as cur:
        cur.execute(query, (business, customer_ids))
        return {r["customer_id"]: r["last"] for r in cur.fetchall() if r["last"] is not None}


def get_event(datastore: PostgresDatastore, schema: str, business: uuid.UUID, event_id: str) -> EventView:
    """Found through the log's unique (business, event_id) index."""
    query = sql.SQL("SELECT {} FROM {}.usage_log WHERE business_id = %s AND event_id = %s").format(
        _COLUMNS, sql.Identifier(schema)
    )
    with datastore.transaction(commit=False) as cur:
        cur.execute(query, (business, event_id))
        row = cur.fetchone()
    if row is None:
        raise NotFound("event", event_id)
    return _view(row)
