"""Subscription queries: one subscription, the list (Dodo's), its usage per billing period and its credit
usage."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from litestar import get

from application.tally import Tally
from interfaces.resources.freshness import Fresh
from interfaces.resources.paging import PageNumber, PageSize
from interfaces.resources.subscription_usage import CreditUsage, CreditUsageAnswer, UsagePeriod, usage_period
from interfaces.resources.subscriptions import SubscriptionAnswer, subscription_answer
from projections.reads.pages import PageOf, paged
from projections.reads.queries import Queries


class SubscriptionQueries:
    """The queries half of a resource's controller (interfaces/http/controllers.py)."""

    @get(operation_id="ListSubscriptions", sync_to_thread=True)
    def subscriptions(
        self,
        tally: Tally,
        queries: Queries,
        business: uuid.UUID,
        fresh: Fresh,
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
            usage_period(u.cycle.start, u.cycle.end, u.rated.lines, u.rated.currency, meter_id)
            for u in tally.upcoming.upcoming(business, subscription.customer_id)
            if u.subscription_id == subscription.id
        ]
        for i in reversed(subscription.invoice_ids):
            invoice = tally.billing.invoice(business, i)
            periods.append(
                usage_period(invoice.cycle_start, invoice.cycle_end, invoice.lines, invoice.currency, meter_id)
            )
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
