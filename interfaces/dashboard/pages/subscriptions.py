"""Acting on a subscription by hand: cancel it, or close its due cycles now instead of after the grace.
Each asks first on a page of its own (GET), then acts on that page's form (POST); cross-site posts are refused
before any of this runs (cross_site.py)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from urllib.parse import quote

from litestar import get, post
from litestar.response import Redirect, Template

from application.tally import Tally
from interfaces.dashboard.filters import utc
from interfaces.resources.subscriptions import subscription_view


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


HANDLERS = [confirm_cancel, cancel, confirm_close, close_cycle]
