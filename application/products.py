"""Product commands: a catalogue of fixed and usage prices."""
from __future__ import annotations

import uuid
from decimal import Decimal

from application.meters import Meters
from application.written import Written
from domain.errors import Fault, Invalid, NotFound
from domain.product import Product
from domain.rating import UsagePrice
from store.event_store import EventStore


class Catalogue:
    def __init__(self, store: EventStore, meters: Meters) -> None:
        self.repository = store.repository
        self.save = store.save
        self.owned = store.owned
        self.is_meter = meters.is_meter

    def create_product(self, business: uuid.UUID, name: str, currency: str, price: Decimal, billing_interval: str,
                       interval_count: int, usage_prices: list[UsagePrice]) -> Written[uuid.UUID]:
        unknown = [Fault("usage_prices.meter_id", f"unknown meter {p.meter_id}", index)
                   for index, p in enumerate(usage_prices) if not self.is_meter(business, p.meter_id)]
        if unknown:
            raise Invalid("usage prices name unknown meters", "unknown_meter", unknown)
        product = Product.create(business, name, currency.upper(), price, billing_interval, interval_count,
                                 usage_prices)
        return Written.by(product.id, self.save(product))

    def get_product(self, business: uuid.UUID, product_id: uuid.UUID) -> Product:
        return self.owned(business, Product, "product", product_id)

    def set_usage_price(self, business: uuid.UUID, product_id: uuid.UUID, price: UsagePrice) -> Written[uuid.UUID]:
        product = self.get_product(business, product_id)
        if not self.is_meter(business, price.meter_id):
            raise NotFound("meter", price.meter_id)
        product.set_usage_price(price)
        recordings = self.save(product)
        return Written.by(product.id, recordings)

    def remove_usage_price(self, business: uuid.UUID, product_id: uuid.UUID, meter_id: str) -> Written[uuid.UUID]:
        product = self.get_product(business, product_id)
        product.remove_usage_price(meter_id)
        return Written.by(product.id, self.save(product))

    def archive_product(self, business: uuid.UUID, product_id: uuid.UUID) -> Written[uuid.UUID]:
        """No new subscriptions or price changes; running subscriptions keep being billed."""
        product = self.get_product(business, product_id)
        product.archive()
        recordings = self.save(product)
        return Written.by(product.id, recordings)
