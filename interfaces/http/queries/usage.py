"""The upcoming invoice of a customer."""

from __future__ import annotations

import uuid

from litestar import get

from application.tally import Tally
from interfaces.resources.freshness import Fresh
from interfaces.resources.usage import UsageView, usage_of


class UsageQueries:
    """The queries half of a resource's controller (interfaces/http/controllers.py)."""

    @get("/{customer_id:str}/usage", operation_id="GetUpcomingInvoice", sync_to_thread=True)
    def usage(self, customer_id: str, tally: Tally, business: uuid.UUID, fresh: Fresh) -> UsageView:
        """The upcoming invoice: each open cycle priced now with today's prices and credit balance, exactly as
        closing it would. The first subscription is shown at the top level; every one in `subscriptions`."""
        return usage_of(tally, business, customer_id)
