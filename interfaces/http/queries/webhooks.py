"""Webhook endpoint queries, the secret, and the deliveries with how sending went."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from litestar import get
from litestar.params import Parameter

from application.tally import Tally
from interfaces.resources.freshness import Fresh
from interfaces.resources.paging import PageNumber, PageSize
from interfaces.resources.webhooks import WebhookHeaders, WebhookSecret
from projections.reads.pages import PageOf
from projections.reads.queries import Queries
from projections.webhooks.queries import (
    DeliveryView,
    WebhookPage,
    WebhookView,
    webhook_view,
)

Limit = Annotated[int, Parameter(ge=1, le=100, description="Items per page")]
Iterator = Annotated[str | None, Parameter(pattern=r"^[0-9]{1,9}$", description="`iterator` of the page before")]


class WebhookQueries:
    """The queries half of a resource's controller (interfaces/http/controllers.py)."""

    @get(operation_id="ListWebhooks", sync_to_thread=True)
    def webhooks(
        self,
        queries: Queries,
        business: uuid.UUID,
        fresh: Fresh,
        limit: Limit = 100,
        iterator: Iterator = None,
    ) -> WebhookPage:
        """Endpoints, newest first, in Dodo's cursor pages (`data`, `iterator`, `done`)."""
        return queries.webhooks(business, limit, int(iterator or 0))

    @get("/{webhook_id:uuid}", operation_id="GetWebhook", sync_to_thread=True)
    def webhook(self, webhook_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> WebhookView:
        """One endpoint."""
        return webhook_view(tally.webhooks.get_webhook(business, webhook_id))

    @get("/{webhook_id:uuid}/secret", operation_id="GetWebhookSecret", sync_to_thread=True)
    def secret(self, webhook_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> WebhookSecret:
        """The endpoint's signing secret (`whsec_...`), for `standardwebhooks` or Dodo's `webhooks.unwrap`."""
        return WebhookSecret(tally.webhooks.get_webhook(business, webhook_id).secret)

    @get("/{webhook_id:uuid}/headers", operation_id="GetWebhookHeaders", sync_to_thread=True)
    def headers(self, webhook_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> WebhookHeaders:
        """The custom headers sent with every delivery (Dodo's shape; tally redacts none, so `sensitive` is
        empty)."""
        return WebhookHeaders(tally.webhooks.get_webhook(business, webhook_id).headers, [])

    @get("/{webhook_id:uuid}/deliveries", operation_id="ListWebhookDeliveries", sync_to_thread=True)
    def deliveries(
        self,
        webhook_id: uuid.UUID,
        tally: Tally,
        queries: Queries,
        business: uuid.UUID,
        fresh: Fresh,
        status: Literal["pending", "delivered", "failed"] | None = None,
        page_size: PageSize = 10,
        page_number: PageNumber = 0,
    ) -> PageOf[DeliveryView]:
        """The endpoint's deliveries, newest first: status (pending, delivered, failed), attempts, the last
        response code or error class (`http_status`, `connection_failed`, `timeout`, `tls_failed`,
        `dns_failed`, `refused_target`, `invalid_target`, `send_failed`), and the next try of a pending one.
        `id` is the `webhook-id` it is sent with."""
        tally.webhooks.get_webhook(business, webhook_id)
        return queries.deliveries(business, webhook_id, status, page_number, page_size)
