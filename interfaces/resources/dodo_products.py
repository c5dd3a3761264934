"""Products as the API answers them: Dodo's Product (its SDK's types/product.py, `price` a Price object) beside
tally's fields, whose decimal fixed price is `fixed_price` (docs/subscriptions.md has the mapping). Lists
answer Dodo's ProductListResponse (`price` in minor units, the object as `price_detail`)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import msgspec

from domain.cycles import Interval
from domain.money import MINOR_UNITS
from domain.product import Product
from interfaces.resources.products import product_view_of
from projections.reads.billing_views import number

DODO_INTERVALS: dict[Interval, str] = {"day": "Day", "week": "Week", "month": "Month", "year": "Year"}
# tally's subscriptions renew until cancelled: Dodo's way to say so is a period of 20 years.
UNTIL_CANCELLED = (20, "Year")


class MeterPrice(msgspec.Struct, kw_only=True):
    """Dodo's AddMeterToPrice: `price_per_unit` in the currency's minor units, as a decimal string (null for a
    price by tiers or packages, which Dodo cannot say: see `usage_prices`)."""

    meter_id: str
    price_per_unit: str | None
    free_threshold: int
    credit_entitlement_id: str | None = None
    meter_units_per_credit: str | None = None


class UsageBasedPrice(msgspec.Struct, kw_only=True, tag_field="type", tag="usage_based_price"):
    currency: str
    fixed_price: int
    payment_frequency_count: int
    payment_frequency_interval: str
    subscription_period_count: int
    subscription_period_interval: str
    meters: list[MeterPrice]
    tax_inclusive: bool = False
    discount: int = 0


class RecurringPrice(msgspec.Struct, kw_only=True, tag_field="type", tag="recurring_price"):
    currency: str
    price: int
    payment_frequency_count: int
    payment_frequency_interval: str
    subscription_period_count: int
    subscription_period_interval: str
    trial_period_days: int = 0
    tax_inclusive: bool = False
    discount: int = 0


class ProductFields(msgspec.Struct, kw_only=True):
    """tally's product (without its old `price`), and Dodo's fields both answers share."""

    id: str
    name: str
    currency: str
    fixed_price: str
    billing_interval: str
    interval_count: int
    usage_prices: list[Any]
    archived: bool
    created_at: datetime
    credit_entitlements: list[Any]
    product_id: str
    business_id: str
    updated_at: datetime
    description: str | None
    tax_category: str
    metadata: dict[str, Any]
    trial_period_days: int
    is_recurring: bool = True
    license_key_enabled: bool = False
    brand_id: str = ""
    entitlements: list[Any] = []


class ProductAnswer(ProductFields, kw_only=True):
    price: UsageBasedPrice | RecurringPrice


class ProductWritten(ProductAnswer, kw_only=True):
    position: int = 0


class ProductListed(ProductFields, kw_only=True):
    price: int
    price_detail: UsageBasedPrice | RecurringPrice
    tax_inclusive: bool = False


def minor(amount: Decimal, currency: str) -> int:
    return int(amount.scaleb(MINOR_UNITS[currency]))


def price_of(product: Product) -> UsageBasedPrice | RecurringPrice:
    """Dodo's Price for the product: usage based when it prices a meter, recurring otherwise."""
    interval = DODO_INTERVALS[product.billing_interval]
    count, period = UNTIL_CANCELLED
    trial = int(product.details["trial_period_days"])
    if not product.usage_prices:
        return RecurringPrice(
            currency=product.currency,
            price=minor(product.price, product.currency),
            payment_frequency_count=product.interval_count,
            payment_frequency_interval=interval,
            subscription_period_count=count,
            subscription_period_interval=period,
            trial_period_days=trial,
        )
    meters = [
        MeterPrice(
            meter_id=p.meter_id,
            price_per_unit=number(p.unit_price.scaleb(MINOR_UNITS[product.currency]))
            if p.model == "per_unit"
            else None,
            free_threshold=int(p.free_threshold),
            credit_entitlement_id=p.credit_entitlement_id,
            meter_units_per_credit=number(p.meter_units_per_credit) if p.meter_units_per_credit is not None else None,
        )
        for p in product.prices()
    ]
    return UsageBasedPrice(
        currency=product.currency,
        fixed_price=minor(product.price, product.currency),
        payment_frequency_count=product.interval_count,
        payment_frequency_interval=interval,
        subscription_period_count=count,
        subscription_period_interval=period,
        meters=meters,
    )


def _fields(product: Product) -> dict[str, Any]:
    view: dict[str, Any] = msgspec.structs.asdict(product_view_of(product))
    view["fixed_price"] = view.pop("price")
    details = product.details
    return {
        **view,
        "product_id": str(product.id),
        "business_id": str(product.business_id),
        "updated_at": product.modified_on,
        "description": details["description"],
        "tax_category": details["tax_category"] or "saas",
        "metadata": details["metadata"],
        "trial_period_days": int(details["trial_period_days"]),
    }


def product_answer(product: Product) -> ProductAnswer:
    return ProductAnswer(**_fields(product), price=price_of(product))


def product_listed(product: Product) -> ProductListed:
    detail = price_of(product)
    amount = detail.fixed_price if isinstance(detail, UsageBasedPrice) else detail.price
    return ProductListed(**_fields(product), price=amount, price_detail=detail)
