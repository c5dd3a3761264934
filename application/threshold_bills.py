"""What a bill's threshold invoices billed already (domain/usage_threshold.py): the close, a plan change's part
and the upcoming invoice all subtract it the same way. A voided threshold invoice billed nothing."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from domain.invoice import VOID, Invoice
from domain.rating import ZERO, Rated
from domain.subscription import Subscription
from domain.usage_threshold import less_invoiced


def invoiced_so_far(repository: Any, subscription: Subscription, bill_start: datetime) -> tuple[Decimal, list[str]]:
    """The amount the threshold invoices of the bill from `bill_start` billed, and their numbers (none when the
    subscription's open bill is another: a read model that has not taken in its close yet)."""
    ids = [t["invoice_id"] for t in subscription.threshold_invoices if t["start"] == bill_start]
    return billed_by([i for i in (repository.get(x) for x in ids) if isinstance(i, Invoice)])


def billed_by(invoices: list[Invoice]) -> tuple[Decimal, list[str]]:
    """What threshold invoices billed, and their numbers: a void one billed nothing."""
    billed = [i for i in invoices if i.status != VOID]
    return sum((i.total for i in billed), ZERO), [i.number for i in billed]


def less_threshold_invoices(
    repository: Any, subscription: Subscription, bill_start: datetime, rated: Rated
) -> tuple[Rated, Decimal]:
    """The bill less what its threshold invoices billed, and what they billed past it."""
    if not subscription.threshold_invoices:
        return rated, ZERO
    return less_invoiced(rated, *invoiced_so_far(repository, subscription, bill_start))
