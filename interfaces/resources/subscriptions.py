"""Subscriptions: the body that starts one, subscriptions as both interfaces show them, and what closing
cycles answers."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import msgspec

from domain.subscription import Subscription
from interfaces.resources.customers import ExternalId
from projections.invoices.queries import InvoiceView


class SubscriptionCreate(msgspec.Struct, forbid_unknown_fields=True):
    customer_id: ExternalId
    product_id: uuid.UUID
    start: Annotated[datetime, msgspec.Meta(tz=True)] | None = None


class CycleView(msgspec.Struct):
    start: datetime
    end: datetime


class SubscriptionView(msgspec.Struct):
    id: str
    customer_id: str
    product_id: str
    status: str
    start: datetime
    billing_interval: str
    interval_count: int
    current_cycle: CycleView | None
    closed_cycles: int
    ends_at: datetime | None
    invoice_ids: list[str]


class SubscriptionWritten(SubscriptionView):
    position: int = 0


class Closed(msgspec.Struct):
    invoices: list[InvoiceView]
    position: int


def subscription_view(subscription: Subscription) -> SubscriptionView:
    c = subscription.open_cycle
    status = "active" if subscription.ends_at is None else ("cancelled" if c else "ended")
    return SubscriptionView(
        id=str(subscription.id),
        customer_id=subscription.customer_id,
        product_id=str(subscription.product_id),
        status=status,
        start=subscription.anchor,
        billing_interval=subscription.billing_interval,
        interval_count=subscription.interval_count,
        current_cycle=CycleView(c.start, c.end) if c else None,
        closed_cycles=subscription.closed,
        ends_at=subscription.ends_at,
        invoice_ids=[str(i) for i in subscription.invoice_ids],
    )
