"""Webhook endpoint commands (Dodo's `webhooks` resource) and the manual retry of a delivery."""

from __future__ import annotations

import uuid

import msgspec
from litestar import delete, patch, post

from application.tally import Tally
from application.written import Written
from interfaces.resources.webhooks import HeadersUpdate, RetryQueued, WebhookCreate, WebhookUpdate, WebhookWritten
from projections.reads.queries import Queries
from projections.webhooks.queries import webhook_view


def _fields(data: msgspec.Struct) -> dict[str, object]:
    return msgspec.structs.asdict(data)


def _written(tally: Tally, business: uuid.UUID, done: Written[uuid.UUID]) -> WebhookWritten:
    view = webhook_view(tally.webhooks.get_webhook(business, done.id))
    return WebhookWritten(**msgspec.structs.asdict(view), position=done.position)


class WebhookCommands:
    """The commands half of a resource's controller (interfaces/http/controllers.py)."""

    @post(operation_id="CreateWebhook", status_code=201, sync_to_thread=True)
    def create_webhook(self, data: WebhookCreate, tally: Tally, business: uuid.UUID) -> WebhookWritten:
        """Add an endpoint that receives this business's facts, signed with Standard Webhooks (the secret is
        at `GET /webhooks/{id}/secret`). `filter_types` limits which event types it gets (empty: all). Only
        http(s) URLs in a form every client reads alike (no percent-encoded host, no credentials, no spaces;
        422 `invalid_webhook`), stored canonical; loopback and private addresses are refused (422
        `private_target`) unless the operator allows them. A repeated `idempotency_key` creates nothing
        more and answers the endpoint it created."""
        return _written(tally, business, tally.webhooks.create_webhook(business, _fields(data)))

    @patch("/{webhook_id:uuid}", operation_id="UpdateWebhook", sync_to_thread=True)
    def update_webhook(
        self, webhook_id: uuid.UUID, data: WebhookUpdate, tally: Tally, business: uuid.UUID
    ) -> WebhookWritten:
        """Change an endpoint; fields left out stay as they are, a new `url` is checked as at creation. A
        disabled endpoint gets no new deliveries."""
        return _written(tally, business, tally.webhooks.update_webhook(business, webhook_id, _fields(data)))

    @patch("/{webhook_id:uuid}/headers", operation_id="UpdateWebhookHeaders", sync_to_thread=True)
    def update_headers(self, webhook_id: uuid.UUID, data: HeadersUpdate, tally: Tally, business: uuid.UUID) -> None:
        """Set the custom headers sent with every delivery to exactly these (`webhook-*`, `content-type` and
        other headers tally sets cannot be overridden)."""
        tally.webhooks.update_webhook(business, webhook_id, {"headers": data.headers})

    @delete("/{webhook_id:uuid}", operation_id="DeleteWebhook", sync_to_thread=True)
    def delete_webhook(self, webhook_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> None:
        """Remove an endpoint: it gets nothing more, and what was still to be sent to it is not sent."""
        tally.webhooks.delete_webhook(business, webhook_id)

    @post(
        "/{webhook_id:uuid}/deliveries/{delivery_id:uuid}/retry",
        operation_id="RetryWebhookDelivery",
        status_code=202,
        sync_to_thread=True,
    )
    def retry_delivery(
        self, webhook_id: uuid.UUID, delivery_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID
    ) -> RetryQueued:
        """Send a delivery again now, with the same `webhook-id`, whatever its status. A failed delivery is
        tried once more; a pending one is tried at once instead of at its next try."""
        tally.webhooks.get_webhook(business, webhook_id)
        queries.retry_delivery(business, webhook_id, delivery_id)
        return RetryQueued(str(delivery_id), "pending")
