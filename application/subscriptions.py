"""Subscription commands. Starting one grants its first cycle's credits in the same transaction."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from eventsourcing.persistence import IntegrityError

from application.addons import Addons
from application.credits import RACE_RETRIES, Credits
from application.discounts import Discounts
from application.entitlements import Entitlements
from application.written import Written
from domain.billing_details import Address
from domain.credit_settlement import grant
from domain.customer import Customer, customer_id
from domain.entitlements import cycle_grants, entitlement_grants
from domain.errors import Conflict, Fault, Invalid
from domain.product import Product, price_faults
from domain.proration import AddonItem
from domain.rating import UsagePrice
from domain.subscription import Subscription
from store.event_store import EventStore


class Subscriptions:
    def __init__(
        self, store: EventStore, credits: Credits, entitlements: Entitlements, addons: Addons, discounts: Discounts
    ) -> None:
        self.discounts = discounts
        self.repository = store.repository
        self.save = store.save
        self.owned = store.owned
        self.wallet_of = credits.wallet_of
        self.entitlements = entitlements
        self.addons = addons

    def start_subscription(
        self,
        business: uuid.UUID,
        external_id: str,
        product_id: uuid.UUID,
        start: datetime,
        now: datetime,
        quantity: int = 1,
        trial_period_days: int | None = None,
        metadata: dict[str, Any] | None = None,
        billing: Address | None = None,
        addons: tuple[AddonItem, ...] = (),
        discount_code: str | None = None,
    ) -> Written[uuid.UUID]:
        """Starts on the product with the quantity (seats multiply its fixed price) and the add-ons, on its latest
        price version; a trial (the product's, unless one is given) is the first cycle, free, and the paid cycles
        start at its end. A discount code is redeemed in the same transaction."""
        self.owned(business, Customer, "customer", customer_id(business, external_id))
        product: Product = self.owned(business, Product, "product", product_id)
        if product.archived:
            raise Conflict(f"product {product_id} is archived", "product_archived")
        self.addons.attachable(business, addons, product.currency)
        trial = product.details["trial_period_days"] if trial_period_days is None else trial_period_days
        for _ in range(RACE_RETRIES):
            subscription = Subscription.start(
                business,
                external_id,
                product.id,
                start,
                product.billing_interval,
                product.interval_count,
                now,
                quantity,
                trial,
                metadata,
                billing,
                addons,
                product.price_version,
            )
            redeemed = []
            if discount_code is not None:
                discount, applied = self.discounts.redeem(
                    business, discount_code, subscription.id, external_id, product, now
                )
                subscription.apply_discount(applied)
                redeemed.append(discount)
            first = subscription.open_cycle
            assert first is not None
            grants = cycle_grants(subscription.id, product.prices(), first)
            wallet = self.wallet_of(business, external_id) if grants else None
            if wallet is not None:
                for g in grants:
                    wallet.grant(g.grant_id, g.amount, "cycle", g.expires_at, g.reference)
            terms = self.entitlements.terms_for(product)
            balances = []
            for entitlement, g in entitlement_grants(subscription.id, product.attachments, terms, first):
                balances.append(self.entitlements.wallet_of(business, external_id, entitlement))
                grant(balances[-1], terms[entitlement], g.grant_id, g.amount, g.expires_at, g.reference)
            try:
                return Written.by(
                    subscription.id, self.save(*[a for a in (subscription, wallet) if a], *balances, *redeemed)
                )
            except IntegrityError:
                continue  # the wallet or the discount moved on meanwhile: start again on its new state
        raise Conflict("the customer's wallet kept changing; retry", "wallet_busy")

    def apply_discount(
        self, business: uuid.UUID, subscription_id: uuid.UUID, code: str, now: datetime
    ) -> Written[uuid.UUID]:
        """Redeems a code for the subscription from its open cycle on (it replaces a discount it had)."""
        for _ in range(RACE_RETRIES):
            subscription = self.get_subscription(business, subscription_id)
            product: Product = self.repository.get(subscription.product_id)
            discount, applied = self.discounts.redeem(
                business, code, subscription.id, subscription.customer_id, product, now
            )
            subscription.apply_discount(applied)
            try:
                return Written.by(subscription.id, self.save(subscription, discount))
            except IntegrityError:
                continue
        raise Conflict("the discount kept changing; retry", "discount_busy")

    def override_usage_price(
        self, business: uuid.UUID, subscription_id: uuid.UUID, price: UsagePrice
    ) -> Written[uuid.UUID]:
        """The subscription's own price of a meter its product prices (checked as a product's price is), from
        the open cycle on. Credits come from the product's prices: an override naming any is refused."""
        subscription = self.get_subscription(business, subscription_id)
        product: Product = self.repository.get(subscription.product_id)
        faults = price_faults(price)
        if price.credits is not None or price.credit_entitlement_id is not None:
            faults.append(Fault("credits", "an override prices units; credits stay the product's"))
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the usage price", "invalid_usage_price", faults)
        subscription.override_usage_price(price, product)
        return Written.by(subscription.id, self.save(subscription))

    def get_subscription(self, business: uuid.UUID, subscription_id: uuid.UUID) -> Subscription:
        subscription: Subscription = self.owned(business, Subscription, "subscription", subscription_id)
        return subscription

    def update_subscription(
        self,
        business: uuid.UUID,
        subscription_id: uuid.UUID,
        now: datetime,
        cancel_at_next_billing_date: bool | None = None,
        metadata: dict[str, Any] | None = None,
        next_billing_date: datetime | None = None,
    ) -> Written[uuid.UUID]:
        """Move the next billing date, cancel at the next billing date (or undo that before it), and/or replace
        the metadata; one save. An undo comes before the move and a cancellation after it, so both may be sent
        together."""
        subscription = self.get_subscription(business, subscription_id)
        if cancel_at_next_billing_date is False:
            subscription.cancel_at_next_billing_date(False, now)
        if next_billing_date is not None:
            subscription.move_next_billing_date(next_billing_date, now)
        if cancel_at_next_billing_date:
            subscription.cancel_at_next_billing_date(True, now)
        if metadata is not None:
            subscription.set_metadata(metadata)
        return Written.by(subscription.id, self.save(subscription))

    def cancel_subscription(self, business: uuid.UUID, subscription_id: uuid.UUID, now: datetime) -> Written[uuid.UUID]:
        """Ends the subscription now; its final, partial cycle is billed when it is closed."""
        subscription = self.get_subscription(business, subscription_id)
        subscription.cancel(now)
        return Written.by(subscription.id, self.save(subscription))
