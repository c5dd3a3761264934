"""Products as the API shows them: prices as exact decimal strings, usage prices by meter."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import msgspec

from domain.product import Product, prices_of
from domain.rating import CreditTerms, UsagePrice
from projections.billing_views import number


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


class ProductWritten(ProductView):
    position: int = 0


def product_view(id: Any, name: str, currency: str, price: Decimal, billing_interval: str, interval_count: int,
                 usage_prices: dict[str, UsagePrice], archived: bool, created_at: datetime) -> ProductView:
    def credits(c: CreditTerms | None) -> CreditTermsView | None:
        return CreditTermsView(number(c.per_cycle), number(c.per_unit), c.rollover, c.expires_after_days) if c else None
    prices = [UsagePriceView(p.meter_id, number(p.unit_price), number(p.free_threshold), credits(p.credits))
              for p in prices_of(usage_prices)]
    return ProductView(str(id), name, currency, str(price), billing_interval, interval_count, prices, archived,
                       created_at)


def product_view_of(p: Product) -> ProductView:
    """The product as the aggregate holds it, for answers that cannot wait for the read model."""
    return product_view(p.id, p.name, p.currency, p.price, p.billing_interval, p.interval_count, p.usage_prices,
                        p.archived, p.created_on)
