"""Usage prices, as `POST /products`, `PUT /products/{id}/usage-prices/{meter}`, simulations and the dashboard's
forms read them (one schema, one conversion to the domain's `UsagePrice`) and as every answer shows them
(exact decimal strings)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

import msgspec

from domain.errors import Fault, Invalid
from domain.pricing_models import MAX_TIERS, Model, Pricing, Tier
from domain.product import MAX_GROUP_PRICES
from domain.rating import CreditTerms, LimitBehavior, UsagePrice
from projections.reads.billing_views import number

MeterId = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]


class CreditTermsIn(msgspec.Struct, forbid_unknown_fields=True):
    per_cycle: Decimal
    per_unit: Decimal = Decimal(1)
    rollover: Literal["none", "all"] = "none"
    expires_after_days: int | None = None


class TierIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    up_to: Decimal | None = None  # inclusive; null (the last tier only): no upper bound
    unit_price: Decimal
    flat_price: Decimal = Decimal(0)


class PricingIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """How billable units are priced (docs/pricing.md): per_unit needs unit_price; graduated and volume
    tiers; package package_size and package_price."""

    model: Model = "per_unit"
    unit_price: Decimal | None = None
    tiers: Annotated[list[TierIn], msgspec.Meta(max_length=MAX_TIERS)] | None = None
    package_size: Decimal | None = None
    package_price: Decimal | None = None


class UsagePriceIn(PricingIn, forbid_unknown_fields=True, kw_only=True):
    free_threshold: Decimal = Decimal(0)
    credits: CreditTermsIn | None = None
    group_by: str | None = None
    group_prices: Annotated[dict[str, PricingIn], msgspec.Meta(max_length=MAX_GROUP_PRICES)] | None = None
    credit_entitlement_id: Annotated[str, msgspec.Meta(min_length=1, max_length=64)] | None = None
    meter_units_per_credit: Decimal | None = None
    usage_limit: Decimal | None = None  # units per cycle (docs/access.md)
    limit_behavior: LimitBehavior | None = None


class UsagePriceChange(UsagePriceIn, forbid_unknown_fields=True, kw_only=True):
    """A product's price change: for the open cycles of its latest version (as always), or a new price version
    for new subscriptions only (docs/price-versions.md)."""

    apply_to: Literal["open_cycles", "new_subscriptions"] = "open_cycles"


class UsagePriceCreate(UsagePriceIn, forbid_unknown_fields=True, kw_only=True):
    meter_id: MeterId


def pricing(body: PricingIn, path: str, index: int | None) -> Pricing:
    if body.model == "per_unit" and body.unit_price is None:
        raise Invalid(
            "invalid usage price",
            "invalid_usage_price",
            [Fault(f"{path}unit_price", "is required by the per_unit model", index)],
        )
    return Pricing(
        body.model,
        body.unit_price or Decimal(0),
        tuple(Tier(t.up_to, t.unit_price, t.flat_price) for t in body.tiers or ()),
        body.package_size,
        body.package_price,
    )


def usage_price(meter_id: str, body: UsagePriceIn, index: int | None = None) -> UsagePrice:
    """The typed price; the domain checks the rules of its terms (product.price_faults)."""
    path = "usage_prices." if index is not None else ""
    c = body.credits
    credits = CreditTerms(c.per_cycle, c.per_unit, c.rollover, c.expires_after_days) if c else None
    base = pricing(body, path, index)
    groups = {v: pricing(p, f"{path}group_prices.{v}.", index) for v, p in (body.group_prices or {}).items()}
    return UsagePrice(
        meter_id,
        base.unit_price,
        body.free_threshold,
        credits,
        model=base.model,
        tiers=base.tiers,
        package_size=base.package_size,
        package_price=base.package_price,
        group_by=body.group_by,
        group_prices=groups,
        credit_entitlement_id=body.credit_entitlement_id,
        meter_units_per_credit=body.meter_units_per_credit,
        usage_limit=body.usage_limit,
        limit_behavior=body.limit_behavior,
    )


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
    usage_limit: str | None = None
    limit_behavior: LimitBehavior | None = None


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
