"""Products as the API shows them: prices as exact decimal strings, usage prices by meter."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import msgspec

from domain.credit_rules import Attachment
from domain.pricing_models import Model, Pricing
from domain.product import Product, prices_of
from domain.rating import CreditTerms, UsagePrice
from projections.reads.billing_views import number


class CreditTermsView(msgspec.Struct):
    per_cycle: str
    per_unit: str
    rollover: str
    expires_after_days: int | None


class TierView(msgspec.Struct):
    up_to: str | None
    unit_price: str
    flat_price: str


class PricingView(msgspec.Struct, kw_only=True):
    """The model's terms: unit_price (per_unit), tiers (graduated, volume), package_size and package_price;
    null where the model does not use them."""

    model: Model
    unit_price: str | None
    tiers: list[TierView] | None
    package_size: str | None
    package_price: str | None


class UsagePriceView(PricingView, kw_only=True):
    meter_id: str
    free_threshold: str
    credits: CreditTermsView | None
    group_by: str | None
    group_prices: dict[str, PricingView] | None
    credit_entitlement_id: str | None = None
    meter_units_per_credit: str | None = None


def pricing_view(p: Pricing) -> PricingView:
    def optional(value: Decimal | None) -> str | None:
        return None if value is None else number(value)

    tiers = [TierView(optional(t.up_to), number(t.unit_price), number(t.flat_price)) for t in p.tiers]
    return PricingView(
        model=p.model,
        unit_price=number(p.unit_price) if p.model == "per_unit" else None,
        tiers=tiers if p.model in ("graduated", "volume") else None,
        package_size=optional(p.package_size),
        package_price=optional(p.package_price),
    )


class AttachmentView(msgspec.Struct):
    """Dodo's AttachCreditEntitlementParam as the product holds it: the credits each cycle and overrides."""

    credit_entitlement_id: str
    credits_amount: str
    overrides: dict[str, Any]


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
    credit_entitlements: list[AttachmentView] = []


class ProductWritten(ProductView):
    position: int = 0


def product_view(
    id: Any,
    name: str,
    currency: str,
    price: Decimal,
    billing_interval: str,
    interval_count: int,
    usage_prices: dict[str, UsagePrice],
    archived: bool,
    created_at: datetime,
    attachments: list[Attachment] | None = None,
) -> ProductView:
    def credits(c: CreditTerms | None) -> CreditTermsView | None:
        return CreditTermsView(number(c.per_cycle), number(c.per_unit), c.rollover, c.expires_after_days) if c else None

    prices = [
        UsagePriceView(
            **msgspec.structs.asdict(pricing_view(p.pricing)),
            meter_id=p.meter_id,
            free_threshold=number(p.free_threshold),
            credits=credits(p.credits),
            group_by=p.group_by,
            group_prices={v: pricing_view(g) for v, g in p.group_prices.items()} if p.group_by else None,
            credit_entitlement_id=p.credit_entitlement_id,
            meter_units_per_credit=number(p.meter_units_per_credit) if p.meter_units_per_credit is not None else None,
        )
        for p in prices_of(usage_prices)
    ]
    attached = [
        AttachmentView(
            a.credit_entitlement_id,
            number(a.credits_amount),
            {k: number(v) if isinstance(v, Decimal) else v for k, v in a.overrides.items()},
        )
        for a in attachments or []
    ]
    return ProductView(
        str(id), name, currency, str(price), billing_interval, interval_count, prices, archived, created_at, attached
    )


def product_view_of(p: Product) -> ProductView:
    """The product as the aggregate holds it, for answers that cannot wait for the read model."""
    return product_view(
        p.id,
        p.name,
        p.currency,
        p.price,
        p.billing_interval,
        p.interval_count,
        p.usage_prices,
        p.archived,
        p.created_on,
        p.attachments,
    )
