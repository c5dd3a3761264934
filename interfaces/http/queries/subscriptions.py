"""Subscription queries."""
from __future__ import annotations

import uuid

from litestar import get

from application.tally import Tally
from domain.subscription import Subscription
from projections.billing_views import CycleView, SubscriptionView


def subscription_view(subscription: Subscription) -> SubscriptionView:
    c = subscription.open_cycle
    status = "active" if subscription.ends_at is None else ("cancelled" if c else "ended")
    return SubscriptionView(
        id=str(subscription.id), customer_id=subscription.customer_id, product_id=str(subscription.product_id),
        status=status, start=subscription.anchor, billing_interval=subscription.billing_interval,
        interval_count=subscription.interval_count, current_cycle=CycleView(c.start, c.end) if c else None,
        closed_cycles=subscription.closed, ends_at=subscription.ends_at,
        invoice_ids=[str(i) for i in subscription.invoice_ids])


@get("/subscriptions/{subscription_id:uuid}", sync_to_thread=True, tags=["subscriptions"])
def subscription(subscription_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> SubscriptionView:
    """A subscription with its `current_cycle`: the oldest cycle not yet invoiced."""
    return subscription_view(tally.get_subscription(business, subscription_id))


HANDLERS = [subscription]
