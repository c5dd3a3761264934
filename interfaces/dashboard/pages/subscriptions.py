"""Acting on a subscription by hand: cancel it, or close its due cycles now instead of after the grace.
Each asks first on a page of its own (GET), then acts on that page's form (POST); cross-site posts are refused
before any of this runs (cross_site.py)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from litestar import get, post
from litestar.response import Redirect, Template

from application.tally import Tally
from domain.errors import Conflict, Invalid, NotFound
from domain.proration import MODES
from interfaces.dashboard.filters import utc
from interfaces.dashboard.forms import struct_from
from interfaces.dashboard.pages.customers import ALL, Form
from interfaces.resources.catalog.products import products_of
from interfaces.resources.subscription_bodies import ChangePlan
from interfaces.resources.subscriptions import subscription_view
from projections.invoices.queries import invoice_view
from projections.reads.queries import Queries


def _to_customer(customer_id: str, position: int, notice: str) -> Redirect:
    return Redirect(
        f"/dashboard/customers/{quote(customer_id, safe='')}?min_position={position}&notice={notice}", status_code=303
    )


def _facts(tally: Tally, business: uuid.UUID, subscription_id: uuid.UUID) -> tuple[str, list[tuple[str, str]]]:
    view = subscription_view(tally.subscriptions.get_subscription(business, subscription_id))
    product = tally.catalogue.get_product(business, uuid.UUID(view.product_id))
    cycle = f"{utc(view.current_cycle.start)} → {utc(view.current_cycle.end)}" if view.current_cycle else "none"
    return view.customer_id, [
        ("Customer", view.customer_id),
        ("Product", product.name),
        ("Status", view.status),
        ("Open cycle", cycle),
    ]


def _confirm(
    tally: Tally, business: uuid.UUID, subscription_id: uuid.UUID, action: str, title: str, button: str, question: str
) -> Template:
    customer, facts = _facts(tally, business, subscription_id)
    return Template(
        "confirm.html",
        context={
            "title": title,
            "facts": facts,
            "button": button,
            "question": question,
            "action": f"/dashboard/subscriptions/{subscription_id}/{action}",
            "back": f"/dashboard/customers/{quote(customer, safe='')}",
        },
    )


@get("/subscriptions/{subscription_id:uuid}/cancel", sync_to_thread=True)
def confirm_cancel(subscription_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> Template:
    """Asks before cancelling."""
    return _confirm(
        tally,
        business,
        subscription_id,
        "cancel",
        "Cancel subscription",
        "Cancel the subscription now",
        "It ends now: its last, partial cycle is billed when it is closed, and no new cycle starts. "
        "This cannot be undone.",
    )


@post("/subscriptions/{subscription_id:uuid}/cancel", sync_to_thread=True, status_code=303)
def cancel(subscription_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> Redirect:
    """Ends the subscription now, as `POST /subscriptions/{id}/cancel` does."""
    done = tally.subscriptions.cancel_subscription(business, subscription_id, datetime.now(UTC))
    return _to_customer(tally.subscriptions.get_subscription(business, done.id).customer_id, done.position, "cancelled")


@get("/subscriptions/{subscription_id:uuid}/close-cycle", sync_to_thread=True)
def confirm_close(subscription_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> Template:
    """Asks before closing."""
    return _confirm(
        tally,
        business,
        subscription_id,
        "close-cycle",
        "Close due cycles now",
        "Close and invoice now",
        "Every cycle of this subscription that has ended is invoiced now, without waiting for the "
        "grace period in which late usage still lands in it. A cycle still running is left open.",
    )


@post("/subscriptions/{subscription_id:uuid}/close-cycle", sync_to_thread=True, status_code=303)
def close_cycle(subscription_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> Redirect:
    """Closes the due cycles, as `POST /subscriptions/{id}/close-cycle` does."""
    invoices = tally.billing.close_cycles(business, subscription_id, datetime.now(UTC))
    customer = tally.subscriptions.get_subscription(business, subscription_id).customer_id
    return _to_customer(customer, tally.store.head(), "closed" if invoices else "nothing_due")


WHENS = (("immediately", "now"), ("next_billing_date", "at the next billing date"))


def _change_page(
    tally: Tally,
    queries: Queries,
    business: uuid.UUID,
    subscription_id: uuid.UUID,
    form: dict[str, Any],
    preview: Any = None,
    errors: list[str] | None = None,
) -> Template:
    customer, facts = _facts(tally, business, subscription_id)
    products = [p for p in products_of(queries, business, 0, ALL).items if not p.archived]
    return Template(
        "change_plan.html",
        status_code=422 if errors else 200,
        context={
            "view": subscription_view(tally.subscriptions.get_subscription(business, subscription_id)),
            "facts": facts,
            "products": products,
            "names": {p.id: p.name for p in products_of(queries, business, 0, ALL).items},
            "modes": MODES,
            "whens": WHENS,
            "form": form,
            "preview": preview,
            "errors": errors or [],
            "back": f"/dashboard/customers/{quote(customer, safe='')}",
        },
    )


def _change(tally: Tally, business: uuid.UUID, subscription_id: uuid.UUID, form: dict[str, Any], preview: bool) -> Any:
    """The change a form asks for, through the API's own body (so the page refuses what the API refuses)."""
    body = struct_from(
        {k: form.get(k) for k in ("product_id", "proration_billing_mode", "quantity", "effective_at")}, ChangePlan
    )
    when = body.when()
    return tally.plan_changes.change_plan(
        business, subscription_id, body.product_id, body.quantity, body.mode(), when, datetime.now(UTC), preview=preview
    )


@get("/subscriptions/{subscription_id:uuid}/change-plan", sync_to_thread=True)
def change_plan_form(subscription_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID) -> Template:
    """The subscription's timeline and the form for a change, previewed before it is made."""
    return _change_page(tally, queries, business, subscription_id, {})


@post("/subscriptions/{subscription_id:uuid}/change-plan/preview", sync_to_thread=True, status_code=200)
def preview_change(
    subscription_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID, data: Form
) -> Template:
    """What the change would bill now, as `POST /subscriptions/{id}/change-plan/preview`; nothing changes."""
    try:
        previewed = _change(tally, business, subscription_id, data, preview=True)
    except (Invalid, Conflict, NotFound) as exc:
        return _change_page(tally, queries, business, subscription_id, data, errors=[exc.detail])
    invoices = [invoice_view(i) for i in previewed.invoices]
    return _change_page(tally, queries, business, subscription_id, data, preview={"invoices": invoices})


@post("/subscriptions/{subscription_id:uuid}/change-plan", sync_to_thread=True, status_code=303)
def change_plan(
    subscription_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID, data: Form
) -> Template | Redirect:
    """Makes the change, as `POST /subscriptions/{id}/change-plan`."""
    try:
        changed = _change(tally, business, subscription_id, data, preview=False)
    except (Invalid, Conflict, NotFound) as exc:
        return _change_page(tally, queries, business, subscription_id, data, errors=[exc.detail])
    return _to_customer(changed.subscription.customer_id, changed.written.position, "plan_changed")


@get("/subscriptions/{subscription_id:uuid}/cancel-at-period-end", sync_to_thread=True)
def confirm_cancel_at_period_end(subscription_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> Template:
    """Asks before setting (or undoing) cancel at the next billing date."""
    undo = tally.subscriptions.get_subscription(business, subscription_id).cancel_at_period_end
    return _confirm(
        tally,
        business,
        subscription_id,
        "cancel-at-period-end",
        "Keep the subscription" if undo else "Cancel at the next billing date",
        "Keep it running" if undo else "Cancel at the next billing date",
        "It keeps running after its open cycle."
        if undo
        else "It ends when its open cycle ends: that cycle is billed as usual and no new one starts. "
        "This can be undone until then.",
    )


@post("/subscriptions/{subscription_id:uuid}/cancel-at-period-end", sync_to_thread=True, status_code=303)
def cancel_at_period_end(subscription_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> Redirect:
    """Sets cancel at the next billing date, or undoes it, as `PATCH /subscriptions/{id}` does."""
    undo = tally.subscriptions.get_subscription(business, subscription_id).cancel_at_period_end
    done = tally.subscriptions.update_subscription(
        business, subscription_id, datetime.now(UTC), cancel_at_next_billing_date=not undo
    )
    customer = tally.subscriptions.get_subscription(business, subscription_id).customer_id
    return _to_customer(customer, done.position, "kept" if undo else "cancels_at_period_end")


HANDLERS = [
    confirm_cancel,
    cancel,
    confirm_close,
    close_cycle,
    change_plan_form,
    preview_change,
    change_plan,
    confirm_cancel_at_period_end,
    cancel_at_period_end,
]
