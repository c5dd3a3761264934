"""Subscriptions as the API shows them, and what closing cycles answers.

`SubscriptionView` is tally's own shape (what the dashboard reads too); `SubscriptionAnswer` adds Dodo's
`Subscription` fields (its SDK's types/subscription.py), so one answer serves both (docs/subscriptions.md)."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

import msgspec

from application.tally import Tally
from domain.adjustments import Applied
from domain.money import MINOR_UNITS
from domain.product import Product
from domain.proration import AddonItem, addons_from_terms
from domain.rating import UsagePrice
from domain.subscription import Subscription
from domain.timeline import change_from_terms
from interfaces.resources.catalog.prices import UsagePriceView
from interfaces.resources.catalog.products import usage_price_views
from projections.invoices.queries import InvoiceView


class CycleView(msgspec.Struct):
    start: datetime
    end: datetime


class AddonItemView(msgspec.Struct):
    """Dodo's AddonCartResponseItem: an add-on the plan carries, and how many."""

    addon_id: str
    quantity: int


class PlanView(msgspec.Struct):
    """One entry of the timeline: from `effective_at` on, the product, quantity and add-ons, and how the change
    was billed (the first entry is the plan the subscription started on)."""

    effective_at: datetime
    product_id: str
    quantity: int
    proration_billing_mode: str
    addons: list[AddonItemView] = []


class AddonView(msgspec.Struct):
    addon_id: str
    name: str
    quantity: int


def items_view(addons: tuple[AddonItem, ...]) -> list[AddonItemView]:
    return [AddonItemView(str(a.addon_id), a.quantity) for a in addons]


class ScheduledChangeView(msgspec.Struct):
    """Dodo's ScheduledPlanChange, with tally's proration mode."""

    id: str
    addons: list[AddonView]
    created_at: datetime
    effective_at: datetime
    product_id: str
    quantity: int
    proration_billing_mode: str
    product_name: str | None = None
    product_description: str | None = None


class SubscriptionView(msgspec.Struct, kw_only=True):
    id: str
    customer_id: str
    product_id: str
    quantity: int
    status: str  # active, cancelled (Dodo's SubscriptionStatus)
    start: datetime
    billing_interval: str
    interval_count: int
    trial_period_days: int
    trial_ends_at: datetime | None
    current_cycle: CycleView | None
    closed_cycles: int
    ends_at: datetime | None
    cancel_at_next_billing_date: bool
    scheduled_change: ScheduledChangeView | None
    plans: list[PlanView]
    metadata: dict[str, Any]
    invoice_ids: list[str]
    addons: list[AddonItemView] = []  # the current plan's (Dodo's `addons`)
    discount_code: str | None = None  # the code it redeemed (docs/discounts.md)
    usage_price_overrides: list[UsagePriceView] = []  # its own prices in place of its product's


class CustomerDetails(msgspec.Struct):
    customer_id: str
    email: str
    name: str


class Billing(msgspec.Struct):
    country: str


class MeterItem(msgspec.Struct):
    """Dodo's MeterCartResponseItem: a usage price of the current plan."""

    currency: str
    free_threshold: int
    measurement_unit: str
    meter_id: str
    name: str
    price_per_unit: str
    description: str | None = None


class SubscriptionAnswer(SubscriptionView, kw_only=True):
    """Dodo's Subscription beside tally's fields. tally takes no payment: `has_payment_method` is false and
    there is no tax, brand, discount or on-demand billing (docs/subscriptions.md)."""

    subscription_id: str
    customer: CustomerDetails
    billing: Billing
    currency: str
    created_at: datetime
    previous_billing_date: datetime
    next_billing_date: datetime
    payment_frequency_interval: str
    payment_frequency_count: int
    subscription_period_interval: str
    subscription_period_count: int
    recurring_pre_tax_amount: int
    meters: list[MeterItem]
    cancelled_at: datetime | None
    discounts: list[Any] = []
    brand_id: str = ""
    credit_entitlement_cart: list[Any] = []
    meter_credit_entitlement_cart: list[Any] = []
    has_payment_method: bool = False
    on_demand: bool = False
    tax_inclusive: bool = False
    discount_id: str | None = None
    discount_cycles_remaining: int | None = None
    price_version: int | None = None  # tally's: the price version its next cycles bill on


class SubscriptionWritten(SubscriptionAnswer, kw_only=True):
    """Also Dodo's SubscriptionCreateResponse: no payment is taken, so `payment_id` names the invoice the
    first cycle will issue and `payment_link` is null."""

    position: int = 0
    payment_id: str = ""
    payment_method_required: bool = False
    payment_link: str | None = None


class Closed(msgspec.Struct):
    invoices: list[InvoiceView]
    position: int


def status_of(subscription: Subscription) -> str:
    """Active until it ends (a cancellation at the next billing date keeps it active until then)."""
    if subscription.ends_at is None or (subscription.cancel_at_period_end and subscription.open_cycle):
        return "active"
    return "cancelled"


def subscription_view(subscription: Subscription) -> SubscriptionView:
    c = subscription.open_cycle
    s = subscription.scheduled
    scheduled = (
        ScheduledChangeView(
            str(uuid.uuid5(subscription.id, f"scheduled:{s['scheduled_at'].isoformat()}")),
            [AddonView(str(a.addon_id), "", a.quantity) for a in addons_from_terms(s.get("addons"))],
            s["scheduled_at"],
            s["effective_at"],
            str(s["product_id"]),
            s["quantity"],
            s["proration_billing_mode"],
        )
        if s
        else None
    )
    trial_days = (subscription.trial_ends_at - subscription.anchor).days if subscription.trial_ends_at else 0
    return SubscriptionView(
        id=str(subscription.id),
        customer_id=subscription.customer_id,
        product_id=str(subscription.product_id),
        quantity=subscription.quantity,
        status=status_of(subscription),
        start=subscription.anchor,
        billing_interval=subscription.billing_interval,
        interval_count=subscription.interval_count,
        trial_period_days=trial_days,
        trial_ends_at=subscription.trial_ends_at,
        current_cycle=CycleView(c.start, c.end) if c else None,
        closed_cycles=subscription.closed,
        ends_at=subscription.ends_at,
        cancel_at_next_billing_date=subscription.cancel_at_period_end,
        scheduled_change=scheduled,
        plans=[
            PlanView(c.at, str(c.plan.product_id), c.plan.quantity, c.mode, items_view(c.plan.addons))
            for c in map(change_from_terms, subscription.changes)
        ],
        metadata=subscription.metadata,
        invoice_ids=[str(i) for i in subscription.invoice_ids],
        addons=items_view(subscription.plan.addons),
        discount_code=subscription.discount["code"] if subscription.discount else None,
        usage_price_overrides=usage_price_views(
            [UsagePrice.from_terms(t) for _, t in sorted(subscription.overrides.items())]
        ),
    )


def subscription_answer(tally: Tally, business: uuid.UUID, subscription: Subscription) -> SubscriptionAnswer:
    """Both shapes: the product, its meters and the customer are read from the event store."""
    view = subscription_view(subscription)
    product = tally.catalogue.get_product(business, subscription.product_id)
    customer = tally.customers.get_customer(business, subscription.customer_id)
    if view.scheduled_change is not None:
        target = tally.catalogue.get_product(business, uuid.UUID(view.scheduled_change.product_id))
        view.scheduled_change.product_name = target.name
        for a in view.scheduled_change.addons:
            a.name = tally.addons.get(business, uuid.UUID(a.addon_id)).name
    c = subscription.open_cycle
    last = c or (subscription.cycle(subscription.closed - 1) if subscription.closed else subscription.cycle(0))
    minor = Decimal(10) ** MINOR_UNITS[product.currency]
    address = customer.billing_details.address
    country = (subscription.billing or {}).get("country") or (address.country if address else "US")
    k = c.index if c else subscription.closed
    meters = []
    for p in subscription.prices_for(product, k):
        meter = tally.meters.get_meter(business, uuid.UUID(p.meter_id))
        meters.append(
            MeterItem(
                product.currency,
                int(p.free_threshold),
                meter.measurement_unit or "",
                p.meter_id,
                meter.name,
                format(p.unit_price, "f"),
                meter.description,
            )
        )
    interval = subscription.billing_interval.capitalize()
    return SubscriptionAnswer(
        **msgspec.structs.asdict(view),
        subscription_id=view.id,
        customer=CustomerDetails(customer.external_id, customer.email or "", customer.name or ""),
        billing=Billing(country),
        currency=product.currency,
        created_at=subscription.created_on,
        previous_billing_date=last.start if last else subscription.anchor,
        next_billing_date=last.end if last else subscription.anchor,
        payment_frequency_interval=interval,
        payment_frequency_count=subscription.interval_count,
        subscription_period_interval=interval,
        subscription_period_count=subscription.interval_count,
        recurring_pre_tax_amount=int(product.price * minor) * subscription.quantity
        + sum(int(tally.addons.get(business, a.addon_id).price * minor) * a.quantity for a in subscription.plan.addons),
        meters=meters,
        cancelled_at=subscription.ends_at if view.status == "cancelled" else None,
        **_pricing(subscription, product, k),
    )


def _pricing(subscription: Subscription, product: Product, k: int) -> dict[str, Any]:
    """Its discount (Dodo's deprecated single-discount fields) and price version."""
    applied = Applied.from_terms(subscription.discount) if subscription.discount else None
    remaining = None
    if applied is not None and applied.cycles is not None:
        remaining = max(applied.from_cycle + applied.cycles - k, 0)
    return {
        "discount_id": applied.discount_id if applied else None,
        "discount_cycles_remaining": remaining,
        "price_version": subscription.version_of(product.id, k + 1) or product.price_version,
    }
