"""Subscription queries."""

from __future__ import annotations

import uuid

from litestar import get

from application.tally import Tally
from interfaces.resources.subscriptions import SubscriptionView, subscription_view


class SubscriptionQueries:
    """The queries half of a resource's controller (interfaces/http/controllers.py)."""

    @get("/{subscription_id:uuid}", operation_id="GetSubscription", sync_to_thread=True)
    def subscription(self, subscription_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> SubscriptionView:
        """A subscription with its `current_cycle`: the oldest cycle not yet invoiced."""
        return subscription_view(tally.subscriptions.get_subscription(business, subscription_id))
