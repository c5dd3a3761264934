"""Webhook endpoints: the list, and each endpoint with its deliveries (status, attempts, a retry button)
and its signing secret, shown only once asked for."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

import msgspec
from litestar import get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body
from litestar.response import Redirect, Template

from application.tally import Tally
from domain.errors import Invalid
from interfaces.dashboard.forms import problems, struct_from, with_checkboxes
from interfaces.resources.freshness import Fresh
from interfaces.resources.paging import PageNumber
from interfaces.resources.webhooks import WebhookCreate
from projections.reads.queries import Queries
from projections.webhooks.queries import webhook_view

Form = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.URL_ENCODED)]
PAGE_SIZE = 25


def _list(
    queries: Queries, business: uuid.UUID, form: dict[str, Any], errors: list[str], status_code: int = 200
) -> Template:
    return Template(
        "webhooks.html",
        status_code=status_code,
        context={"webhooks": queries.webhooks(business, 100, 0).data, "form": form, "errors": errors},
    )


@get("/webhooks", sync_to_thread=True)
def webhooks_page(queries: Queries, business: uuid.UUID) -> Template:
    """The endpoints, and the form that adds one."""
    return _list(queries, business, {}, [])


def webhook_body(form: dict[str, Any]) -> dict[str, Any]:
    """`POST /webhooks`' body from the form: event types one per line or comma-separated (none: all)."""
    types = [t for t in str(form.get("filter_types") or "").replace(",", " ").split() if t]
    body = with_checkboxes({k: form.get(k) for k in ("url", "description", "rate_limit")}, "disabled")
    return {**body, "filter_types": types}


@post("/webhooks", sync_to_thread=True, status_code=303)
def add_webhook(tally: Tally, queries: Queries, business: uuid.UUID, data: Form) -> Template | Redirect:
    """Adds an endpoint with the API's rules (its URL checked as `POST /webhooks` checks it)."""
    try:
        body = struct_from(webhook_body(data), WebhookCreate)
        done = tally.webhooks.create_webhook(business, msgspec.structs.asdict(body))
    except Invalid as exc:
        return _list(queries, business, data, problems(exc), 422)
    return Redirect(f"/dashboard/webhooks/{done.id}?min_position={done.position}", status_code=303)


@get("/webhooks/{webhook_id:uuid}", sync_to_thread=True)
def webhook_page(
    webhook_id: uuid.UUID,
    tally: Tally,
    queries: Queries,
    business: uuid.UUID,
    fresh: Fresh,
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


@post("/webhooks/{webhook_id:uuid}/test", sync_to_thread=True, status_code=303)
def send_test(webhook_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> Redirect:
    """Queues one `webhook.test` delivery to this endpoint; its page shows it in the delivery log."""
    done = tally.webhooks.send_test(business, webhook_id)
    return Redirect(f"/dashboard/webhooks/{webhook_id}?min_position={done.position}&notice=test_sent", status_code=303)


@post("/webhooks/{webhook_id:uuid}/deliveries/{delivery_id:uuid}/retry", sync_to_thread=True, status_code=303)
def retry(
    webhook_id: uuid.UUID, delivery_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID
) -> Redirect:
    tally.webhooks.get_webhook(business, webhook_id)
    queries.retry_delivery(business, webhook_id, delivery_id)
    return Redirect(f"/dashboard/webhooks/{webhook_id}", status_code=303)


HANDLERS = [webhooks_page, add_webhook, webhook_page, send_test, retry]
