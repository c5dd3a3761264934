"""The upcoming invoice of a customer: each open cycle priced now, as both interfaces show it."""

from __future__ import annotations

import uuid

import msgspec

from application.tally import Tally
from application.upcoming import Upcoming
from interfaces.resources.subscriptions import CycleView
from projections.reads.billing_views import LineView, line_view


class UpcomingView(msgspec.Struct):
    subscription_id: str
    product_id: str
    currency: str
    current_cycle: CycleView
    lines: list[LineView]
    price: str
    total: str


class UsageView(msgspec.Struct):
    """The first open subscription's upcoming invoice at the top level; all of them in `subscriptions`."""

    customer_id: str
    currency: str | None
    current_cycle: CycleView | None
    lines: list[LineView]
    price: str
    total: str
    subscriptions: list[UpcomingView]
    position: int


def upcoming_view(u: Upcoming) -> UpcomingView:
    lines: list[LineView] = [line_view(line) for line in u.rated.lines]
    return UpcomingView(
        str(u.subscription_id),
        str(u.product_id),
        u.rated.currency,
        CycleView(u.cycle.start, u.cycle.end),
        lines,
        str(u.rated.price),
        str(u.rated.total),
    )


def usage_of(tally: Tally, business: uuid.UUID, customer_id: str) -> UsageView:
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
