"""The upcoming invoice of a customer."""

from __future__ import annotations

import uuid

from litestar import get

from application.tally import Tally
from interfaces.http.schemas.usage import UsageView, upcoming_view


class UsageQueries:
    """The queries half of a resource's controller (interfaces/http/controllers.py)."""

    @get("/{customer_id:str}/usage", operation_id="GetUpcomingInvoice", sync_to_thread=True)
    def usage(self, customer_id: str, tally: Tally, business: uuid.UUID, position_reached: int) -> UsageView:
        """The upcoming invoice: each open cycle priced now with today's prices and credit balance, exactly as
        closing it would. The first subscription is shown at the top level; every one in `subscriptions`."""
        return usage_of(tally, business, customer_id)


def usage_of(tally: Tally, business: uuid.UUID, customer_id: str) -> UsageView:
    """The upcoming invoice, for the API and the dashboard alike."""
    upcoming = tally.upcoming.upcoming(business, customer_id)
    views = [upcoming_view(u) for u in upcoming]
    if not views:
        return UsageView(customer_id, None, None, [], "0", "0", [], 0)
    first = views[0]
    return UsageView(
        customer_id,
        first.currency,
        first.current_cycle,
        first.lines,
        first.price,
        first.total,
        views,
        upcoming[0].position,
    )
