"""Subscription commands: start, cancel, close cycles."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

import msgspec
from anyio import to_thread
from litestar import post
from litestar.datastructures import State

from application.tally import Tally
from application.written import Written
from interfaces.http.dependencies import visible
from interfaces.resources.subscriptions import (
    Closed,
    SubscriptionCreate,
    SubscriptionWritten,
    subscription_view,
)
from projections.invoices.queries import invoice_view


def _written(tally: Tally, business: uuid.UUID, done: Written[uuid.UUID]) -> SubscriptionWritten:
    subscription = tally.subscriptions.get_subscription(business, done.id)
    return SubscriptionWritten(**msgspec.structs.asdict(subscription_view(subscription)), position=done.position)


class SubscriptionCommands:
    """The commands half of a resource's controller (interfaces/http/controllers.py)."""

    @post(operation_id="StartSubscription", sync_to_thread=True, opt={"problems": (404, 409)})
    def start_subscription(self, data: SubscriptionCreate, tally: Tally, business: uuid.UUID) -> SubscriptionWritten:
        """Subscribe a customer (external id) to a product. `start` may be in the past; it is truncated to the
        minute and anchors the cycles."""
        now = datetime.now(timezone.utc)
        done = tally.subscriptions.start_subscription(
            business, data.customer_id, data.product_id, data.start or now, now
        )
        return _written(tally, business, done)

    @post(
        "/{subscription_id:uuid}/cancel",
        operation_id="CancelSubscription",
        sync_to_thread=True,
        status_code=200,
        opt={"problems": (409,)},
    )
    def cancel_subscription(self, subscription_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> SubscriptionWritten:
        """End the subscription now. Its final, partial cycle is billed when it is closed."""
        done = tally.subscriptions.cancel_subscription(business, subscription_id, datetime.now(timezone.utc))
        return _written(tally, business, done)

    @post("/{subscription_id:uuid}/close-cycle", operation_id="CloseCycle", status_code=200, opt={"problems": (409,)})
    async def close_cycle(self, subscription_id: uuid.UUID, tally: Tally, business: uuid.UUID, state: State) -> Closed:
        """Close every cycle of the subscription whose end has passed, answering their invoices. Idempotent:
        a cycle is invoiced once however often (or concurrently) this is called; with nothing due it answers [].
        It answers once the invoice lists show what it issued (or after 5 s)."""
        closed = await to_thread.run_sync(_close, tally, business, subscription_id)
        await visible(state, closed.position)
        return closed


def _close(tally: Tally, business: uuid.UUID, subscription_id: uuid.UUID) -> Closed:
    invoices = tally.billing.close_cycles(business, subscription_id, datetime.now(timezone.utc))
    return Closed([invoice_view(tally.billing.invoice(business, i)) for i in invoices], tally.store.head())
