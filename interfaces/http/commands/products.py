"""Product commands: create a product, set or remove a usage price."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Annotated, Literal

import msgspec
from litestar import delete, post, put

from application.tally import Tally
from application.written import Written
from domain.credit_rules import Attachment
from domain.errors import Fault, Invalid
from domain.pricing_models import MAX_TIERS, MODELS, Pricing, Tier
from domain.product import MAX_GROUP_PRICES, MAX_USAGE_PRICES
from domain.rating import CreditTerms, UsagePrice
from interfaces.http.schemas.dodo_products import ProductWritten, product_answer

Name = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
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


Model = Literal[MODELS]  # type: ignore[valid-type]


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


Count = Annotated[int, msgspec.Meta(ge=-(2**31), le=2**31 - 1)]


class AttachmentTerms(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Dodo's AttachCreditEntitlementParam without the entitlement's id: credits granted each cycle, and
    per-product overrides of the entitlement's terms. `proration_behavior` and the trial fields are accepted
    and not applied (tally has neither plan changes nor trials)."""

    credits_amount: Decimal
    currency: Annotated[str, msgspec.Meta(min_length=3, max_length=3)] | None = None
    expires_after_days: Count | None = None
    low_balance_threshold_percent: Count | None = None
    max_rollover_count: Count | None = None
    overage_behavior: (
        Literal["forgive_at_reset", "invoice_at_billing", "carry_deficit", "carry_deficit_auto_repay"] | None
    ) = None
    overage_enabled: bool | None = None
    overage_limit: Decimal | None = None
    price_per_unit: Decimal | None = None
    proration_behavior: Annotated[str, msgspec.Meta(max_length=64)] | None = None
    rollover_enabled: bool | None = None
    rollover_percentage: Count | None = None
    rollover_timeframe_count: Count | None = None
    rollover_timeframe_interval: Literal["Day", "Week", "Month", "Year"] | None = None
    trial_credits: Decimal | None = None
    trial_credits_expire_after_trial: bool | None = None

    def attachment(self, entitlement_id: str) -> Attachment:
        unused = (
            "credit_entitlement_id",
            "credits_amount",
            "proration_behavior",
            "trial_credits",
            "trial_credits_expire_after_trial",
        )
        overrides = {k: v for k, v in msgspec.structs.asdict(self).items() if v is not None and k not in unused}
        return Attachment(entitlement_id, self.credits_amount, overrides)


class AttachmentIn(AttachmentTerms, forbid_unknown_fields=True, kw_only=True):
    """Dodo's AttachCreditEntitlementParam."""

    credit_entitlement_id: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]


class UsagePriceCreate(UsagePriceIn, forbid_unknown_fields=True, kw_only=True):
    meter_id: MeterId


class ProductCreate(msgspec.Struct, forbid_unknown_fields=True):
    name: Name
    currency: Annotated[str, msgspec.Meta(min_length=3, max_length=3)]
    billing_interval: Literal["day", "week", "month", "year"]
    price: Decimal = Decimal(0)
    interval_count: int = 1
    usage_prices: Annotated[list[UsagePriceCreate], msgspec.Meta(max_length=MAX_USAGE_PRICES)] = []
    credit_entitlements: Annotated[list[AttachmentIn], msgspec.Meta(max_length=MAX_USAGE_PRICES)] = []


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
    )


def written(tally: Tally, business: uuid.UUID, done: Written[uuid.UUID]) -> ProductWritten:
    product = tally.catalogue.get_product(business, done.id)
    return ProductWritten(**msgspec.structs.asdict(product_answer(product)), position=done.position)


class ProductCommands:
    """The commands half of a resource's controller (interfaces/http/controllers.py)."""

    @put(
        "/{product_id:uuid}/usage-prices/{meter_id:str}",
        operation_id="SetUsagePrice",
        sync_to_thread=True,
        opt={"problems": (409,)},
    )
    def set_usage_price(
        self, product_id: uuid.UUID, meter_id: str, data: UsagePriceIn, tally: Tally, business: uuid.UUID
    ) -> ProductWritten:
        """Set or change the price of a meter. Open cycles are re-rated at once; issued invoices never change."""
        return written(
            tally, business, tally.catalogue.set_usage_price(business, product_id, usage_price(meter_id, data))
        )

    @delete(
        "/{product_id:uuid}/usage-prices/{meter_id:str}",
        operation_id="RemoveUsagePrice",
        sync_to_thread=True,
        status_code=200,
        opt={"problems": (409,)},
    )
    def remove_usage_price(
        self, product_id: uuid.UUID, meter_id: str, tally: Tally, business: uuid.UUID
    ) -> ProductWritten:
        """Stop charging for a meter from the open cycle on."""
        return written(tally, business, tally.catalogue.remove_usage_price(business, product_id, meter_id))

    @put(
        "/{product_id:uuid}/credit-entitlements/{entitlement_id:uuid}",
        operation_id="AttachCreditEntitlement",
        sync_to_thread=True,
    )
    def attach_entitlement(
        self, product_id: uuid.UUID, entitlement_id: uuid.UUID, data: AttachmentTerms, tally: Tally, business: uuid.UUID
    ) -> ProductWritten:
        """Attach a credit entitlement (or change its attachment): its `credits_amount` is granted from the
        next cycle on, with the overrides given."""
        done = tally.catalogue.attach_entitlement(business, product_id, data.attachment(str(entitlement_id)))
        return written(tally, business, done)

    @delete(
        "/{product_id:uuid}/credit-entitlements/{entitlement_id:uuid}",
        operation_id="DetachCreditEntitlement",
        sync_to_thread=True,
        status_code=200,
    )
    def detach_entitlement(
        self, product_id: uuid.UUID, entitlement_id: uuid.UUID, tally: Tally, business: uuid.UUID
    ) -> ProductWritten:
        """Stop granting a credit entitlement from the next cycle on; credits granted stay until they end."""
        return written(tally, business, tally.catalogue.detach_entitlement(business, product_id, str(entitlement_id)))

    @post("/{product_id:uuid}/archive", operation_id="ArchiveProduct", sync_to_thread=True, status_code=200)
    def archive_product(self, product_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> ProductWritten:
        """Archive a product: no new subscriptions or price changes (409); running subscriptions keep billing."""
        return written(tally, business, tally.catalogue.archive_product(business, product_id))
