"""Subscription queries."""
from __future__ import annotations

import uuid

from litestar import get

from application.tally import Tally
from projections.billing_views import SubscriptionView, subscription_view


@get("/subscriptions/{subscription_id:uuid}", sync_to_thread=True, tags=["subscriptions"])
def subscription(subscription_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> SubscriptionView:
    """A subscription with its `current_cycle`: the oldest cycle not yet invoiced."""
    return subscription_view(tally.subscriptions.get_subscription(business, subscription_id))


HANDLERS = [subscription]
