"""The upcoming invoice of a customer."""
from __future__ import annotations

import uuid

from litestar import get

from application.tally import Tally
from application.upcoming import Upcoming
from projections.billing_views import (
    CycleView,
    LineView,
    UpcomingView,
    UsageView,
    line_view,
)


def upcoming_view(u: Upcoming) -> UpcomingView:
    lines: list[LineView] = [line_view(line) for line in u.rated.lines]
    return UpcomingView(str(u.subscription_id), str(u.product_id), u.rated.currency,
                        CycleView(u.cycle.start, u.cycle.end), lines, str(u.rated.price), str(u.rated.total))


@get("/customers/{customer_id:str}/usage", sync_to_thread=True, tags=["customers"])
def usage(customer_id: str, tally: Tally, business: uuid.UUID, position_reached: int) -> UsageView:
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
    return UsageView(customer_id, first.currency, first.current_cycle, first.lines, first.price, first.total,
                     views, upcoming[0].position)


HANDLERS = [usage]
