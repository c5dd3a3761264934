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
from interfaces.resources.webhooks import WebhookCreate, WebhookUpdate
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
    body = with_checkboxes({k: form.get(k) for k in ("url", "description", "rate_limit", "disabled")}, "disabled")
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


def _endpoint(
    tally: Tally,
    queries: Queries,
    business: uuid.UUID,
    webhook_id: uuid.UUID,
    reveal: bool,
    page_number: int,
    form: dict[str, Any] | None = None,
    errors: list[str] | None = None,
    status_code: int = 200,
) -> Template:
    endpoint = tally.webhooks.get_webhook(business, webhook_id)
    view = webhook_view(endpoint)
    shown = {
        **msgspec.structs.asdict(view),
        "filter_types": ", ".join(view.filter_types),
        "rate_limit": view.rate_limit or "",
    }
    return Template(
        "webhook.html",
        status_code=status_code,
        context={
            "webhook": view,
            "secret": endpoint.secret if reveal else None,
            "deliveries": queries.deliveries(business, webhook_id, None, page_number, PAGE_SIZE),
            "form": form if form is not None else shown,
            "errors": errors or [],
        },
    )


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
    """The endpoint, its delivery log (with Retry), the form that changes it and the button that sends a test."""
    return _endpoint(tally, queries, business, webhook_id, reveal, page_number)


@post("/webhooks/{webhook_id:uuid}", sync_to_thread=True, status_code=303)
def change_webhook(
    webhook_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID, data: Form
) -> Template | Redirect:
    """Changes the endpoint as `PATCH /webhooks/{id}` does (a new URL checked as at creation); an emptied
    description or event types list is set empty, the rate limit left blank is kept."""
    try:
        body = struct_from(webhook_body(data), WebhookUpdate)
        # A blank field is left out of the struct (it keeps its value), but an emptied description is meant.
        changes = {**msgspec.structs.asdict(body), "description": str(data.get("description") or "")}
        done = tally.webhooks.update_webhook(business, webhook_id, changes)
    except Invalid as exc:
        return _endpoint(tally, queries, business, webhook_id, False, 0, data, problems(exc), 422)
    return Redirect(
        f"/dashboard/webhooks/{webhook_id}?min_position={done.position}&notice=endpoint_saved", status_code=303
    )


@post("/webhooks/{webhook_id:uuid}/delete", sync_to_thread=True, status_code=303)
def delete_webhook(webhook_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> Redirect:
    """Removes the endpoint, as `DELETE /webhooks/{id}` does: nothing more is sent to it."""
    done = tally.webhooks.delete_webhook(business, webhook_id)
    return Redirect(f"/dashboard/webhooks?min_position={done.position}", status_code=303)


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


HANDLERS = [webhooks_page, add_webhook, webhook_page, change_webhook, delete_webhook, send_test, retry]
