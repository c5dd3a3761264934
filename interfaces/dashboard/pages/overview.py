"""The overview: how the business is doing, on the page a person lands on after signing in."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from litestar.response import Template

from application.tally import Tally
from interfaces.dashboard.pages.revenue import month_range, revenue_report
from interfaces.resources.usage import usage_of
from projections.engine.tracking import positions
from projections.reads.queries import Queries

# Pricing an open cycle reads its usage: the overview prices this many customers' cycles, earliest first,
# and says so when there are more (docs/dashboard.md).
PRICED = 100
TOP = 5
LATEST = 5
RATE_SPAN = timedelta(minutes=5)
# Events may carry a timestamp up to 5 minutes ahead (the ingest rule): they count as today's.
AHEAD = timedelta(minutes=5)


@dataclass(frozen=True)
class Upcoming:
    customer_id: str
    currency: str
    total: Decimal


def _upcoming(tally: Tally, business: uuid.UUID, customers: list[str]) -> list[Upcoming]:
    found = []
    for customer in customers:
        for sub in usage_of(tally, business, customer).subscriptions:
            found.append(Upcoming(customer, sub.currency, Decimal(sub.total)))
    return found


def _by_customer(upcoming: list[Upcoming]) -> list[Upcoming]:
    totals: dict[tuple[str, str], Decimal] = {}
    for u in upcoming:
        totals[(u.customer_id, u.currency)] = totals.get((u.customer_id, u.currency), Decimal(0)) + u.total
    ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
    return [Upcoming(customer, currency, total) for (customer, currency), total in ranked]


def overview(tally: Tally, queries: Queries, business: uuid.UUID, start: str = "", end: str = "") -> Template:
    """The business now (events, upcoming revenue, lag, latest invoices) and revenue over the months chosen."""
    span = month_range(start, end)
    now = datetime.now(UTC)
    today = now.replace(hour=0, minute=0, second=0, microsecond=0)
    open_cycles = queries.open_cycles(business, PRICED)
    # "This cycle": since the earliest open cycle began; without subscriptions, since the month began.
    cycle_since = min((r["cycle_start"] for r in open_cycles), default=today.replace(day=1))
    counts = queries.events_since(
        business, {"today": today, "cycle": cycle_since, "recent": now - RATE_SPAN}, now + AHEAD
    )
    upcoming = _upcoming(tally, business, [r["customer_id"] for r in open_cycles[:PRICED]])
    revenue: dict[str, Decimal] = {}
    for u in upcoming:
        revenue[u.currency] = revenue.get(u.currency, Decimal(0)) + u.total
    head = tally.store.head()
    at = positions(tally.store)
    return Template(
        "overview.html",
        context={
            "counts": counts,
            "today": today,
            "cycle_since": cycle_since,
            "per_minute": (Decimal(counts["recent"]) / Decimal(RATE_SPAN.total_seconds() / 60)).quantize(
                Decimal("0.1")
            ),
            "revenue": sorted(revenue.items()),
            "top": _by_customer(upcoming)[:TOP],
            "more_open": len(open_cycles) > PRICED,
            "priced": PRICED,
            "lag": max((head - p for p in at.values()), default=head),
            "head": head,
            "stuck": queries.stuck(list(at)),
            "invoices": queries.invoices(business, None, None, 0, LATEST).items,
            "report": revenue_report(queries, business, span),
            "period": span.form,
        },
    )
