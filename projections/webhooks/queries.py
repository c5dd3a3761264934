"""Reading the `webhooks` projection and the sending state: endpoints as Dodo's WebhookDetails, their
deliveries with how sending went, and alerts."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

import msgspec
from eventsourcing.postgres import PostgresDatastore
from psycopg import sql

from domain.alert import Alert
from domain.errors import NotFound
from domain.webhook_endpoint import WebhookEndpoint
from projections.reads.pages import PageOf, paged


class WebhookView(msgspec.Struct):
    """Dodo's WebhookDetails."""

    id: str
    created_at: datetime
    updated_at: datetime
    description: str
    metadata: dict[str, str]
    url: str
    disabled: bool
    filter_types: list[str]
    rate_limit: int | None


class WebhookPage(msgspec.Struct):
    """Dodo's cursor page: `iterator` is passed back to get the next one; `done` when there is none."""

    data: list[WebhookView]
    iterator: str | None
    done: bool


class DeliveryView(msgspec.Struct):
    id: str
    webhook_id: str
    event_type: str
    position: int
    created_at: datetime
    status: str
    attempts: int
    last_response_code: int | None
    last_error: str | None
    last_attempt_at: datetime | None
    next_attempt_at: datetime | None
    delivered_at: datetime | None
    payload: dict[str, Any]


class AlertView(msgspec.Struct):
    id: str
    customer_id: str | None
    meter_id: str | None
    threshold: Decimal
    kind: str
    created_at: datetime


def webhook_view(endpoint: WebhookEndpoint) -> WebhookView:
    return WebhookView(
        str(endpoint.id),
        endpoint.created_on,
        endpoint.modified_on,
        endpoint.description,
        endpoint.metadata,
        endpoint.url,
        endpoint.disabled,
        endpoint.filter_types,
        endpoint.rate_limit,
    )


def alert_view(alert: Alert) -> AlertView:
    return AlertView(str(alert.id), alert.customer_id, alert.meter_id, alert.threshold, alert.kind, alert.created_on)


def _schema(schema: str, name: str) -> sql.Composed:
    return sql.SQL("{}.{}").format(sql.Identifier(schema), sql.Identifier(name))


def list_webhooks(
    datastore: PostgresDatastore, schema: str, business: uuid.UUID, limit: int, iterator: int
) -> WebhookPage:
    """Newest first; the iterator is how many were already listed."""
    with datastore.transaction(commit=False) as cur:
        cur.execute(
            sql.SQL(
                "SELECT * FROM {} WHERE business_id = %s AND NOT deleted ORDER BY created_at DESC, id "
                "LIMIT %s OFFSET %s"
            ).format(_schema(schema, "webhook_endpoints")),
            (business, limit + 1, iterator),
        )
        rows = cur.fetchall()
    views = [
        WebhookView(
            str(r["id"]),
            r["created_at"],
            r["updated_at"],
            r["description"],
            r["metadata"],
            r["url"],
            r["disabled"],
            list(r["filter_types"]),
            r["rate_limit"],
        )
        for r in rows[:limit]
    ]
    more = len(rows) > limit
    return WebhookPage(views, str(iterator + limit) if more else None, not more)


def deliveries(
    datastore: PostgresDatastore,
    schema: str,
    business: uuid.UUID,
    endpoint: uuid.UUID,
    status: str | None,
    page_number: int,
    page_size: int,
) -> PageOf[DeliveryView]:
    """Newest first. A delivery whose sending row is not there yet is pending."""
    with datastore.transaction(commit=False) as cur:
        cur.execute(
            sql.SQL(
                "SELECT d.*, coalesce(s.status, 'pending') AS status, coalesce(s.attempts, 0) AS attempts, s.last_code, "
                "s.last_error, s.last_attempt_at, s.next_at, s.delivered_at FROM {} d LEFT JOIN {} s "
                "ON s.delivery_id = d.id WHERE d.endpoint_id = %s AND d.business_id = %s "
                "AND (%s::text IS NULL OR coalesce(s.status, 'pending') = %s) "
                "ORDER BY d.position DESC LIMIT %s OFFSET %s"
            ).format(_schema(schema, "webhook_deliveries"), _schema(schema, "webhook_sends")),
            (endpoint, business, status, status, page_size + 1, page_number * page_size),
        )
        rows = [
            DeliveryView(
                str(r["id"]),
                str(r["endpoint_id"]),
                r["event_type"],
                r["position"],
                r["created_at"],
                r["status"],
                r["attempts"],
                r["last_code"],
                r["last_error"],
                r["last_attempt_at"],
                r["next_at"] if r["status"] == "pending" else None,
                r["delivered_at"],
                msgspec.json.decode(r["payload"]),
            )
            for r in cur.fetchall()
        ]
    return paged(rows, page_number, page_size)


def delivery_of(
    datastore: PostgresDatastore, schema: str, business: uuid.UUID, endpoint: uuid.UUID, delivery: uuid.UUID
) -> None:
    """NotFound unless the endpoint of this business has the delivery."""
    with datastore.transaction(commit=False) as cur:
        cur.execute(
            sql.SQL("SELECT 1 FROM {} WHERE id = %s AND endpoint_id = %s AND business_id = %s").format(
                _schema(schema, "webhook_deliveries")
            ),
            (delivery, endpoint, business),
        )
        if cur.fetchone() is None:
            raise NotFound("delivery", delivery)


def list_alerts(
    datastore: PostgresDatastore, schema: str, business: uuid.UUID, page_number: int, page_size: int
) -> PageOf[AlertView]:
    with datastore.transaction(commit=False) as cur:
        cur.execute(
            sql.SQL(
                "SELECT * FROM {} WHERE business_id = %s AND NOT deleted ORDER BY created_at DESC, id "
                "LIMIT %s OFFSET %s"
            ).format(_schema(schema, "alerts")),
            (business, page_size + 1, page_number * page_size),
        )
        rows = [
            AlertView(str(r["id"]), r["customer_id"], r["meter_id"], r["threshold"], r["kind"], r["created_at"])
            for r in cur.fetchall()
        ]
    return paged(rows, page_number, page_size)
