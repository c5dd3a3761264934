"""Webhook endpoints: the list, and each endpoint with its deliveries (status, attempts, a retry button)
and its signing secret, shown only once asked for."""

from __future__ import annotations

import uuid

from litestar import get, post
from litestar.response import Redirect, Template

from application.tally import Tally
from interfaces.resources.paging import PageNumber
from projections.reads.queries import Queries
from projections.webhooks.queries import webhook_view

PAGE_SIZE = 25


@get("/webhooks", sync_to_thread=True)
def webhooks_page(queries: Queries, business: uuid.UUID) -> Template:
    return Template("webhooks.html", context={"webhooks": queries.webhooks(business, 100, 0).data})


@get("/webhooks/{webhook_id:uuid}", sync_to_thread=True)
def webhook_page(
    webhook_id: uuid.UUID,
    tally: Tally,
    queries: Queries,
    business: uuid.UUID,
    reveal: bool = False,
    page_number: PageNumber = 0,
) -> Template:
    endpoint = tally.webhooks.get_webhook(business, webhook_id)
    return Template(
        "webhook.html",
        context={
            "webhook": webhook_view(endpoint),
            "secret": endpoint.secret if reveal else None,
            "deliveries": queries.deliveries(business, webhook_id, None, page_number, PAGE_SIZE),
        },
    )


@post("/webhooks/{webhook_id:uuid}/deliveries/{delivery_id:uuid}/retry", sync_to_thread=True, status_code=303)
def retry(
    webhook_id: uuid.UUID, delivery_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID
) -> Redirect:
    tally.webhooks.get_webhook(business, webhook_id)
    queries.retry_delivery(business, webhook_id, delivery_id)
    return Redirect(f"/dashboard/webhooks/{webhook_id}", status_code=303)


HANDLERS = [webhooks_page, webhook_page, retry]
