"""Product commands: a catalogue of fixed and usage prices."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from application.entitlements import Entitlements
from application.features import Features
from application.meters import Meters
from application.written import Written
from domain.credit_rules import Attachment, credit_amount_faults, terms_faults
from domain.cycles import Interval
from domain.errors import Fault, Invalid, NotFound
from domain.feature import GrantValue
from domain.product import Product
from domain.rating import UsagePrice
from domain.usage_threshold import UsageThreshold
from store.event_store import EventStore


class Catalogue:
    def __init__(self, store: EventStore, meters: Meters, entitlements: Entitlements, features: Features) -> None:
        self.repository = store.repository
        self.save = store.save
        self.owned = store.owned
        self.is_meter = meters.is_meter
        self.entitlements = entitlements
        self.features = features

    def create_product(
        self,
        business: uuid.UUID,
        name: str,
        currency: str,
        price: Decimal,
        billing_interval: Interval,
        interval_count: int,
        usage_prices: list[UsagePrice],
        attachments: list[Attachment] | None = None,
        details: dict[str, Any] | None = None,
        thresholds: list[UsageThreshold] | None = None,
        minimum_amount: Decimal | None = None,
        features: list[tuple[str, GrantValue]] | None = None,
    ) -> Written[uuid.UUID]:
        attachments = attachments or []
        grants = self.features.grants(business, features or [])
        unknown = [
            Fault("usage_prices.meter_id", f"unknown meter {p.meter_id}", index)
            for index, p in enumerate(usage_prices)
            if not self.is_meter(business, p.meter_id)
        ]
        if unknown:
            raise Invalid("usage prices name unknown meters", "unknown_meter", unknown)
        self._check_entitlements(business, currency.upper(), usage_prices, attachments)
        product = Product.create(
            business,
            name,
            currency.upper(),
            price,
            billing_interval,
            interval_count,
            usage_prices,
            attachments,
            details,
            thresholds=thresholds,
            minimum_amount=minimum_amount,
            features=grants,
        )
        return Written.by(product.id, self.save(product))

    def _check_entitlements(
        self, business: uuid.UUID, currency: str, usage_prices: list[UsagePrice], attachments: list[Attachment]
    ) -> None:
        """Entitlements named must be the business's and live; credits fit their precision; an overage
        price is in the product's currency (it is charged on the product's invoices)."""
        named = [a.credit_entitlement_id for a in attachments]
        named += [p.credit_entitlement_id for p in usage_prices if p.credit_entitlement_id]
        base = self.entitlements.live(business, named)
        faults = []
        for index, a in enumerate(attachments):
            terms = a.applied_to(base[a.credit_entitlement_id])
            faults += [
                Fault(f"credit_entitlements.{f.field}", f.reason, index)
                for f in credit_amount_faults("credits_amount", a.credits_amount, terms.precision) + terms_faults(terms)
            ]
            if terms.currency not in (None, currency):
                faults.append(
                    Fault("credit_entitlements.currency", f"must be the product's currency {currency}", index)
                )
        for index, p in enumerate(usage_prices):
            linked = base.get(p.credit_entitlement_id or "")
            if linked is not None and linked.currency not in (None, currency):
                faults.append(
                    Fault(
                        "usage_prices.credit_entitlement_id",
                        "the entitlement's price_per_unit is "
                        f"in {linked.currency}, not the product's currency {currency}",
                        index,
                    )
                )
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the product's credit entitlements", "invalid_product", faults)

    def get_product(self, business: uuid.UUID, product_id: uuid.UUID) -> Product:
        return self.owned(business, Product, "product", product_id)

    def set_usage_price(
        self, business: uuid.UUID, product_id: uuid.UUID, price: UsagePrice, new_version_at: datetime | None = None
    ) -> Written[uuid.UUID]:
        """Changes the price for the open cycles of the latest version's subscriptions, or, `new_version_at`,
        in a new price version only subscriptions started from then on are on (docs/price-versions.md)."""
        product = self.get_product(business, product_id)
        if not self.is_meter(business, price.meter_id):
            raise NotFound("meter", price.meter_id)
        self._check_entitlements(business, product.currency, [price], [])
        product.set_usage_price(price, new_version_at)
        recordings = self.save(product)
        return Written.by(product.id, recordings)

    def attach_entitlement(
        self, business: uuid.UUID, product_id: uuid.UUID, attachment: Attachment
    ) -> Written[uuid.UUID]:
        product = self.get_product(business, product_id)
        self._check_entitlements(business, product.currency, [], [attachment])
        product.attach(attachment)
        return Written.by(product.id, self.save(product))

    def set_usage_thresholds(
        self, business: uuid.UUID, product_id: uuid.UUID, thresholds: list[UsageThreshold]
    ) -> Written[uuid.UUID]:
        product = self.get_product(business, product_id)
        product.set_usage_thresholds(thresholds)
        return Written.by(product.id, self.save(product))

    def detach_entitlement(self, business: uuid.UUID, product_id: uuid.UUID, entitlement_id: str) -> Written[uuid.UUID]:
        product = self.get_product(business, product_id)
        product.detach(entitlement_id)
        return Written.by(product.id, self.save(product))

    def remove_usage_price(self, business: uuid.UUID, product_id: uuid.UUID, meter_id: str) -> Written[uuid.UUID]:
        product = self.get_product(business, product_id)
        product.remove_usage_price(meter_id)
        return Written.by(product.id, self.save(product))

    def update_details(self, business: uuid.UUID, product_id: uuid.UUID, changes: dict[str, Any]) -> Written[uuid.UUID]:
        product = self.get_product(business, product_id)
        product.update_details(changes)
        return Written.by(product.id, self.save(product))

    def archive_product(self, business: uuid.UUID, product_id: uuid.UUID) -> Written[uuid.UUID]:
        """No new subscriptions or price changes; running subscriptions keep being billed."""
        product = self.get_product(business, product_id)
        product.archive()
        recordings = self.save(product)
        return Written.by(product.id, recordings)
