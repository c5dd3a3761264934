"""Subscription queries: one subscription, the list (Dodo's), its usage per billing period and its credit
usage."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

import msgspec
from litestar import get

from application.tally import Tally
from domain.money import MINOR_UNITS
from domain.rating import Line
from interfaces.http.paging import PageNumber, PageSize
from interfaces.http.schemas.subscriptions import SubscriptionAnswer, subscription_answer
from projections.reads.pages import PageOf, paged
from projections.reads.queries import Queries


class MeterUsage(msgspec.Struct):
    """Dodo's usage-history meter: one usage line of a billing period."""

    id: str
    chargeable_units: str
    consumed_units: str
    currency: str
    free_threshold: int
    name: str
    price_per_unit: str
    total_price: int


class UsagePeriod(msgspec.Struct):
    start_date: datetime
    end_date: datetime
    meters: list[MeterUsage]


class CreditUsage(msgspec.Struct):
    balance: str
    credit_entitlement_id: str
    credit_entitlement_name: str
    limit_reached: bool
    overage: str
    overage_enabled: bool
    unit: str
    overage_limit: str | None = None
    remaining_headroom: str | None = None


class CreditUsageAnswer(msgspec.Struct):
    items: list[CreditUsage]
    subscription_id: str


def _period(start: datetime, end: datetime, lines: list[Line], currency: str, meter_id: str | None) -> UsagePeriod:
    minor = Decimal(10) ** MINOR_UNITS[currency]
    return UsagePeriod(
        start,
        end,
        [
            MeterUsage(
                line.meter_id,
                format(line.billable, "f"),
                format(line.quantity, "f"),
                currency,
                int(line.free),
                line.meter_name,
                format(line.unit_price, "f"),
                int(line.amount * minor),
            )
            for line in lines
            if meter_id is None or line.meter_id == meter_id
        ],
    )


class SubscriptionQueries:
    """The queries half of a resource's controller (interfaces/http/controllers.py)."""

    @get(operation_id="ListSubscriptions", sync_to_thread=True)
    def subscriptions(
        self,
        tally: Tally,
        queries: Queries,
        business: uuid.UUID,
        position_reached: int,
        customer_id: str | None = None,
        product_id: uuid.UUID | None = None,
        page_size: PageSize = 10,
        page_number: PageNumber = 0,
    ) -> PageOf[SubscriptionAnswer]:
        """Subscriptions (of one customer, on one product), newest first, in tally's and Dodo's shape."""
        ids = queries.subscription_ids(business, customer_id, product_id, page_number, page_size)
        answers = [subscription_answer(tally, business, tally.subscriptions.get_subscription(business, i)) for i in ids]
        return paged(answers, page_number, page_size)

    @get("/{subscription_id:uuid}", operation_id="GetSubscription", sync_to_thread=True)
    def subscription(self, subscription_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> SubscriptionAnswer:
        """A subscription with its `current_cycle` (the oldest cycle not yet invoiced), its timeline (`plans`),
        `scheduled_change` and, in Dodo's shape, its billing dates and meters."""
        return subscription_answer(tally, business, tally.subscriptions.get_subscription(business, subscription_id))

    @get("/{subscription_id:uuid}/usage-history", operation_id="GetSubscriptionUsageHistory", sync_to_thread=True)
    def usage_history(
        self,
        subscription_id: uuid.UUID,
        tally: Tally,
        business: uuid.UUID,
        start_date: datetime | None = None,
        end_date: datetime | None = None,
        meter_id: str | None = None,
        page_size: PageSize = 10,
        page_number: PageNumber = 0,
    ) -> PageOf[UsagePeriod]:
        """Usage per billing period, newest first: the open one priced now, then every invoice issued (a part
        billed at a plan change is a period of its own)."""
        subscription = tally.subscriptions.get_subscription(business, subscription_id)
        periods = [
            _period(u.cycle.start, u.cycle.end, u.rated.lines, u.rated.currency, meter_id)
            for u in tally.upcoming.upcoming(business, subscription.customer_id)
            if u.subscription_id == subscription.id
        ]
        for i in reversed(subscription.invoice_ids):
            invoice = tally.billing.invoice(business, i)
            periods.append(_period(invoice.cycle_start, invoice.cycle_end, invoice.lines, invoice.currency, meter_id))
        periods = [
            p
            for p in periods
            if (start_date is None or p.end_date > start_date) and (end_date is None or p.start_date <= end_date)
        ]
        start = page_number * page_size
        return paged(periods[start : start + page_size + 1], page_number, page_size)

    @get("/{subscription_id:uuid}/credit-usage", operation_id="GetSubscriptionCreditUsage", sync_to_thread=True)
    def credit_usage(self, subscription_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> CreditUsageAnswer:
        """Each credit entitlement the subscription's product grants or spends: the customer's balance and
        overage of it."""
        subscription = tally.subscriptions.get_subscription(business, subscription_id)
        product = tally.catalogue.get_product(business, subscription.product_id)
        items = []
        for e, terms in tally.entitlements.terms_for(product).items():
            wallet = tally.entitlements.wallet_of(business, subscription.customer_id, e)
            limit = terms.overage_limit
            items.append(
                CreditUsage(
                    format(wallet.balance, "f"),
                    e,
                    terms.name,
                    limit is not None and wallet.overage >= limit,
                    format(wallet.overage, "f"),
                    terms.overage_enabled,
                    terms.unit,
                    format(limit, "f") if limit is not None else None,
                    format(max(limit - wallet.overage, Decimal(0)), "f")
                    if limit is not None and terms.overage_enabled
                    else None,
                )
            )
        return CreditUsageAnswer(items, str(subscription.id))
