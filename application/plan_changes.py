"""Plan changes: put a subscription on another product or quantity, now, at an instant of its open cycle, or
at its next billing date; bill what the proration mode bills at the change (docs/subscriptions.md). A preview
runs the same decision and pricing on the subscription as stored, and saves nothing.

- `prorated_immediately` (and `prorated_immediately_keep_cycle`: tally's prorated_immediately keeps the cycle
  already): an invoice at the change for the part of the open cycle before it;
- `full_immediately`: the open cycle ends at the change and is closed (its invoice is issued), a new cycle
  starts there on the new product;
- `do_not_bill`: nothing is issued at the change; the cycle's invoice bills both parts.
- `difference_immediately`: an invoice at the change for the fixed-price difference, when positive; the cycle's
  invoice bills both parts (and credits a negative difference).

A change that keeps the open cycle also grants what the new product's credit entitlements add for the rest of
it, by each attachment's `proration_behavior` (domain/entitlements.py, `change_grants`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from eventsourcing.persistence import IntegrityError

from application.addons import Addons
from application.billing import Billing, Issued
from application.credits import RACE_RETRIES
from application.written import Written
from domain.credit_settlement import grant
from domain.credit_wallet import CreditWallet
from domain.cycles import Cycle, whole_minute
from domain.entitlements import change_grants
from domain.errors import Conflict, Fault, Invalid
from domain.invoice import Invoice
from domain.product import Product
from domain.proration import BILLING_THE_PART, AddonItem, Mode, Plan
from domain.subscription import Subscription
from store.event_store import EventStore

NEXT_BILLING_DATE = "next_billing_date"
When = datetime | Literal["next_billing_date"] | None  # None: now


@dataclass(frozen=True)
class Changed:
    """What a change did (or, previewed, would do): the subscription after it and the invoices issued at it."""

    written: Written[uuid.UUID]
    subscription: Subscription
    invoices: list[Invoice]


class PlanChanges:
    def __init__(self, store: EventStore, billing: Billing, addons: Addons) -> None:
        self.repository = store.repository
        self.owned = store.owned
        self.save = store.save
        self.billing = billing
        self.addons = addons

    def change_plan(
        self,
        business: uuid.UUID,
        subscription_id: uuid.UUID,
        product_id: uuid.UUID,
        quantity: int,
        mode: Mode,
        effective_at: When,
        now: datetime,
        replace_scheduled: bool = False,
        preview: bool = False,
        addons: tuple[AddonItem, ...] | None = None,
    ) -> Changed:
        """`addons`: the new plan's, replacing the current ones; None keeps the current ones."""
        product: Product = self.owned(business, Product, "product", product_id)
        self.owned(business, Subscription, "subscription", subscription_id)
        if product.archived:
            raise Invalid(f"product {product_id} is archived", "product_archived", [Fault("product_id", "is archived")])
        if effective_at != NEXT_BILLING_DATE:
            self.billing.wait_until_usage_ready()
        for _ in range(RACE_RETRIES):
            subscription: Subscription = self.repository.get(subscription_id)
            current: Product = self.repository.get(subscription.product_id)
            if current.currency != product.currency:
                raise Invalid(
                    f"currency mismatch: the subscription bills in {current.currency}, product {product_id} in {product.currency}",
                    "currency_mismatch",
                    [
                        Fault(
                            "product_id",
                            f"its currency {product.currency} is not the subscription's {current.currency}",
                        )
                    ],
                )
            carried = subscription.plan.addons if addons is None else addons
            self.addons.attachable(business, carried, product.currency)
            plan = Plan(product.id, quantity, carried)
            interval, count = product.billing_interval, product.interval_count
            issued = Issued([], [])
            if effective_at == NEXT_BILLING_DATE:
                subscription.schedule_change(plan, mode, interval, count, now, replace_scheduled, product.price_version)
            else:
                at = whole_minute(effective_at if isinstance(effective_at, datetime) else now)
                c = subscription.open_cycle
                subscription.change_plan(plan, mode, at, now, interval, count, replace_scheduled, product.price_version)
                issued = self._bill(subscription, mode, at, now, preview)
                if c is not None and mode != "full_immediately":
                    issued = self._grant_for_the_rest(subscription, c, at, current, product, issued)
            if preview:
                return Changed(Written(subscription.id, 0), subscription, issued.invoices)
            try:
                written = Written.by(subscription.id, self.save(subscription, *issued.aggregates))
            except IntegrityError:
                continue  # a close, a grant or another change won the race: decide again on what is stored now
            return Changed(written, subscription, issued.invoices)
        raise Conflict("the subscription kept changing; retry", "subscription_busy")

    def _bill(self, subscription: Subscription, mode: Mode, at: datetime, now: datetime, preview: bool) -> Issued:
        """What the change bills at once: the part before it (prorated), or the cycle it ended (full)."""
        if mode in BILLING_THE_PART:
            return self.billing.bill_part(subscription, at, now, preview)
        c = subscription.open_cycle
        if mode == "full_immediately" and c is not None and c.end <= at:
            return self.billing.close(subscription, [c], now, preview)
        if mode == "difference_immediately" and c is not None and c.start < at:
            return self.billing.bill_difference(subscription, at, now)
        return Issued([], [])

    def _grant_for_the_rest(
        self, subscription: Subscription, c: Cycle, at: datetime, before: Product, after: Product, issued: Issued
    ) -> Issued:
        """The new product's entitlement grants for the rest of the kept cycle, on the balances the change's bill
        spends already (one aggregate, one save)."""
        terms = self.billing.entitlements.terms_for(after)
        grants = change_grants(subscription.id, c, at, before.attachments, after.attachments, terms)
        wallets = {w.entitlement_id: w for w in issued.aggregates if isinstance(w, CreditWallet)}
        for e, g in grants:
            if e not in wallets:
                wallets[e] = self.billing.entitlements.wallet_of(subscription.business_id, subscription.customer_id, e)
            grant(wallets[e], terms[e], g.grant_id, g.amount, g.expires_at, g.reference)
        known = {id(a) for a in issued.aggregates}
        return Issued(issued.invoices, [*issued.aggregates, *(w for w in wallets.values() if id(w) not in known)])

    def cancel_scheduled_change(self, business: uuid.UUID, subscription_id: uuid.UUID) -> Written[uuid.UUID]:
        subscription: Subscription = self.owned(business, Subscription, "subscription", subscription_id)
        subscription.cancel_scheduled_change()
        return Written.by(subscription.id, self.save(subscription))
