"""How billing documents read in JSON: decimals as exact strings."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import msgspec

from domain.rating import Line
from domain.subscription import Subscription


def number(value: Decimal) -> str:
    """A quantity without exponent or trailing zeros ("2500", "12.5")."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


class LineView(msgspec.Struct):
    meter_id: str
    meter_name: str
    quantity: str
    free: str
    credits_used: str
    credited: str
    billable: str
    unit_price: str
    amount: str
    late: bool


def line_view(line: Line) -> LineView:
    return LineView(meter_id=line.meter_id, meter_name=line.meter_name, quantity=number(line.quantity),
                    free=number(line.free), credits_used=number(line.credits_used), credited=number(line.credited),
                    billable=number(line.billable), unit_price=number(line.unit_price), amount=str(line.amount),
                    late=line.late)


class CreditTermsView(msgspec.Struct):
    per_cycle: str
    per_unit: str
    rollover: str
    expires_after_days: int | None


class UsagePriceView(msgspec.Struct):
    meter_id: str
    unit_price: str
    free_threshold: str
    credits: CreditTermsView | None


class ProductView(msgspec.Struct):
    id: str
    name: str
    currency: str
    price: str
    billing_interval: str
    interval_count: int
    usage_prices: list[UsagePriceView]
    archived: bool
    created_at: datetime


def product_view(id: Any, name: str, currency: str, price: Decimal, billing_interval: str, interval_count: int,
                 usage_prices: dict[str, Any], archived: bool, created_at: datetime) -> ProductView:
    def credits(c: dict[str, Any] | None) -> CreditTermsView | None:
        return CreditTermsView(number(c["per_cycle"]), number(c["per_unit"]), c["rollover"],
                               c.get("expires_after_days")) if c else None
    prices = [UsagePriceView(t["meter_id"], number(t["unit_price"]), number(t["free_threshold"]),
                             credits(t.get("credits"))) for _, t in sorted(usage_prices.items())]
    return ProductView(str(id), name, currency, str(price), billing_interval, interval_count, prices, archived,
                       created_at)


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


def subscription_view(subscription: Subscription) -> SubscriptionView:
    c = subscription.open_cycle
    status = "active" if subscription.ends_at is None else ("cancelled" if c else "ended")
    return SubscriptionView(
        id=str(subscription.id), customer_id=subscription.customer_id, product_id=str(subscription.product_id),
        status=status, start=subscription.anchor, billing_interval=subscription.billing_interval,
        interval_count=subscription.interval_count, current_cycle=CycleView(c.start, c.end) if c else None,
        closed_cycles=subscription.closed, ends_at=subscription.ends_at,
        invoice_ids=[str(i) for i in subscription.invoice_ids])


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
