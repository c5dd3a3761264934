"""What a plan change and its preview answer: the subscription after the change with the invoices it issued
(tally's), and Dodo's SubscriptionPreviewChangePlanResponse (its SDK's types) for the preview."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from fractions import Fraction

import msgspec

from application.plan_changes import Changed
from application.tally import Tally
from domain.invoice import Invoice, charges_a_difference
from domain.money import MINOR_UNITS
from domain.proration import ADDON_LINE, DIFFERENCES, Segment
from domain.timeline import change_from_terms
from interfaces.resources.subscriptions import SubscriptionAnswer, subscription_answer
from projections.invoices.queries import InvoiceView, invoice_view


class ChangeAnswer(SubscriptionAnswer, kw_only=True):
    """The subscription after the change, the invoices issued at it, and Dodo's change-plan answer (no payment
    is taken: `payment_id` names the first invoice issued, `payment_link` is null)."""

    position: int
    invoices: list[InvoiceView]
    payment_id: str | None = None
    payment_link: str | None = None


class SubscriptionLineItem(msgspec.Struct, kw_only=True, tag_field="type", tag="subscription"):
    id: str
    currency: str
    product_id: str
    proration_factor: float
    quantity: int
    tax_inclusive: bool
    unit_price: int
    name: str | None = None


class MeterLineItem(msgspec.Struct, kw_only=True, tag_field="type", tag="meter"):
    id: str
    chargeable_units: str
    currency: str
    free_threshold: int
    name: str
    price_per_unit: str
    subtotal: int
    tax_inclusive: bool
    tax_rate: float
    units_consumed: str


class AddonLineItem(msgspec.Struct, kw_only=True, tag_field="type", tag="addon"):
    id: str
    currency: str
    name: str
    proration_factor: float
    quantity: int
    tax_category: str
    tax_inclusive: bool
    tax_rate: float
    unit_price: int


Item = SubscriptionLineItem | AddonLineItem | MeterLineItem


class Summary(msgspec.Struct):
    currency: str
    customer_credits: int
    customer_credits_currency: str
    settlement_amount: int
    settlement_currency: str
    total_amount: int


class ImmediateCharge(msgspec.Struct):
    effective_at: datetime
    line_items: list[Item]
    summary: Summary


class PreviewAnswer(msgspec.Struct):
    """Dodo's preview: what the change bills at once, and the subscription after it; tally adds the invoices
    it would issue (lines as invoices show them)."""

    immediate_charge: ImmediateCharge
    new_plan: SubscriptionAnswer
    invoices: list[InvoiceView]


def change_answer(tally: Tally, business: uuid.UUID, changed: Changed) -> ChangeAnswer:
    answer = subscription_answer(tally, business, changed.subscription)
    return ChangeAnswer(
        **msgspec.structs.asdict(answer),
        position=changed.written.position,
        invoices=[invoice_view(i) for i in changed.invoices],
        payment_id=str(changed.invoices[0].id) if changed.invoices else None,
    )


def _minor(amount: Decimal, currency: str) -> int:
    return int(amount * Decimal(10) ** MINOR_UNITS[currency])


def _items(tally: Tally, business: uuid.UUID, invoice: Invoice) -> list[Item]:
    items: list[Item] = []
    currency = invoice.currency
    for terms in invoice.segments or []:
        segment = Segment.from_terms(terms)
        product = tally.catalogue.get_product(business, segment.plan.product_id)
        factor = segment.fixed_share
        if segment.fixed in DIFFERENCES:  # the share of the new plan's price the difference is
            whole = product.price * segment.plan.quantity
            factor = Fraction(Decimal(str(terms["amount"])) / whole) if whole else Fraction(0)
        elif segment.fixed == "none" and charges_a_difference(invoice.segments):
            continue  # the plan replaced: only what the difference is taken from
        items.append(
            SubscriptionLineItem(
                id=str(product.id),
                currency=currency,
                product_id=str(product.id),
                proration_factor=float(factor),
                quantity=segment.plan.quantity,
                tax_inclusive=False,
                unit_price=_minor(product.price, currency),
                name=product.name,
            )
        )
    for line in invoice.lines:
        if line.meter_id.startswith(ADDON_LINE):
            addon = tally.addons.get(business, uuid.UUID(line.meter_id.removeprefix(ADDON_LINE)))
            whole = line.unit_price * line.quantity
            items.append(
                AddonLineItem(
                    id=str(addon.id),
                    currency=currency,
                    name=line.meter_name,
                    proration_factor=float(line.amount / whole) if whole else 0.0,
                    quantity=int(line.quantity),
                    tax_category=addon.tax_category,
                    tax_inclusive=False,
                    tax_rate=0.0,
                    unit_price=_minor(line.unit_price, currency),
                )
            )
            continue
        items.append(
            MeterLineItem(
                id=line.meter_id,
                chargeable_units=format(line.billable, "f"),
                currency=currency,
                free_threshold=int(line.free),
                name=line.meter_name,
                price_per_unit=format(line.unit_price, "f"),
                subtotal=_minor(line.amount, currency),
                tax_inclusive=False,
                tax_rate=0.0,
                units_consumed=format(line.quantity, "f"),
            )
        )
    return items


def preview_answer(tally: Tally, business: uuid.UUID, changed: Changed) -> PreviewAnswer:
    subscription = changed.subscription
    plan = subscription_answer(tally, business, subscription)
    effective = (
        subscription.scheduled["effective_at"]
        if subscription.scheduled
        else change_from_terms(subscription.changes[-1]).at
    )
    total = sum((i.total for i in changed.invoices), Decimal(0))
    currency = plan.currency
    items = [item for invoice in changed.invoices for item in _items(tally, business, invoice)]
    summary = Summary(currency, 0, currency, _minor(total, currency), currency, _minor(total, currency))
    return PreviewAnswer(ImmediateCharge(effective, items, summary), plan, [invoice_view(i) for i in changed.invoices])
