"""Products: the bodies that create one and attach credit entitlements, and products as both interfaces
show them (prices as exact decimal strings, usage prices by meter)."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

import msgspec

from application.tally import Tally
from application.written import Written
from domain.credit_rules import Attachment, ProrationBehavior
from domain.errors import Fault, Invalid
from domain.feature import MAX_FEATURES
from domain.product import MAX_USAGE_PRICES, Product, prices_of
from domain.rating import CreditTerms, UsagePrice
from domain.usage_threshold import MAX_THRESHOLDS, UsageThreshold
from interfaces.resources.catalog.prices import (
    CreditTermsView,
    UsagePriceCreate,
    UsagePriceView,
    pricing_view,
    usage_price,
)
from projections.reads.billing_views import number
from projections.reads.pages import PageOf, paged
from projections.reads.queries import Queries

Name = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
Count = Annotated[int, msgspec.Meta(ge=-(2**31), le=2**31 - 1)]


TRIAL_FIELDS = ("trial_credits", "trial_credits_expire_after_trial")
TRIAL_REFUSED = (
    "is not supported: tally grants no trial credits; omit it, and grant credits by hand with a ledger entry "
    "(POST /credit-entitlements/{id}/balances/{customer_id}/ledger-entries) if a trial should have some"
)


class AttachmentTerms(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Dodo's AttachCreditEntitlementParam without the entitlement's id: credits granted each cycle, and
    per-product overrides of the entitlement's terms, and what a plan change onto the product grants for the rest
    of the cycle (`proration_behavior`, docs/subscriptions.md). The trial fields are refused (422): tally grants
    no trial credits (docs/credit-entitlements.md)."""

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
    proration_behavior: ProrationBehavior | None = None
    rollover_enabled: bool | None = None
    rollover_percentage: Count | None = None
    rollover_timeframe_count: Count | None = None
    rollover_timeframe_interval: Literal["Day", "Week", "Month", "Year"] | None = None
    trial_credits: Decimal | None = None
    trial_credits_expire_after_trial: bool | None = None

    def attachment(self, entitlement_id: str) -> Attachment:
        trial = [k for k in TRIAL_FIELDS if getattr(self, k) is not None]
        if trial:
            raise Invalid(
                "trial credits are not supported",
                "invalid_product",
                [Fault(f"credit_entitlements.{k}", TRIAL_REFUSED) for k in trial],
            )
        unused = ("credit_entitlement_id", "credits_amount", "proration_behavior", *TRIAL_FIELDS)
        overrides = {k: v for k, v in msgspec.structs.asdict(self).items() if v is not None and k not in unused}
        return Attachment(entitlement_id, self.credits_amount, overrides, self.proration_behavior or "prorate")


class AttachmentIn(AttachmentTerms, forbid_unknown_fields=True, kw_only=True):
    """Dodo's AttachCreditEntitlementParam."""

    credit_entitlement_id: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]


class ThresholdIn(msgspec.Struct, forbid_unknown_fields=True):
    """A usage threshold: a threshold invoice when the cycle's amount so far reaches `amount` (again each time
    another `amount` accrues, when `recurring`; docs/thresholds.md)."""

    amount: Decimal
    recurring: bool = False

    def threshold(self) -> UsageThreshold:
        return UsageThreshold(self.amount, self.recurring)


Thresholds = Annotated[list[ThresholdIn], msgspec.Meta(max_length=MAX_THRESHOLDS)]


class ThresholdsSet(msgspec.Struct, forbid_unknown_fields=True):
    usage_thresholds: Thresholds


class ThresholdView(msgspec.Struct):
    amount: str
    recurring: bool


class FeatureGrantIn(msgspec.Struct, forbid_unknown_fields=True):
    """A feature a product grants (docs/access.md): a metered feature's `value` is its limit per cycle (none:
    unlimited)."""

    feature_id: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
    value: str | int | bool | None = None


class ProductCreate(msgspec.Struct, forbid_unknown_fields=True):
    name: Name
    currency: Annotated[str, msgspec.Meta(min_length=3, max_length=3)]
    billing_interval: Literal["day", "week", "month", "year"]
    price: Decimal = Decimal(0)
    interval_count: int = 1
    usage_prices: Annotated[list[UsagePriceCreate], msgspec.Meta(max_length=MAX_USAGE_PRICES)] = []
    credit_entitlements: Annotated[list[AttachmentIn], msgspec.Meta(max_length=MAX_USAGE_PRICES)] = []
    usage_thresholds: Thresholds = []
    minimum_amount: Decimal | None = None
    features: Annotated[list[FeatureGrantIn], msgspec.Meta(max_length=MAX_FEATURES)] = []


def create_product(tally: Tally, business: uuid.UUID, data: ProductCreate) -> Written[uuid.UUID]:
    """A product in tally's own shape, as `POST /products` and the dashboard's form create it."""
    return tally.catalogue.create_product(
        business,
        data.name,
        data.currency,
        data.price,
        data.billing_interval,
        data.interval_count,
        [usage_price(p.meter_id, p, i) for i, p in enumerate(data.usage_prices)],
        [a.attachment(a.credit_entitlement_id) for a in data.credit_entitlements],
        thresholds=[t.threshold() for t in data.usage_thresholds],
        minimum_amount=data.minimum_amount,
        features=[(f.feature_id, f.value) for f in data.features],
    )


class AttachmentView(msgspec.Struct):
    """Dodo's AttachCreditEntitlementParam as the product holds it: the credits each cycle and overrides."""

    credit_entitlement_id: str
    credits_amount: str
    overrides: dict[str, Any]
    proration_behavior: str = "prorate"


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
    usage_thresholds: list[ThresholdView] = []


class ProductWritten(ProductView):
    position: int = 0


def usage_price_views(prices: list[UsagePrice]) -> list[UsagePriceView]:
    def credits(c: CreditTerms | None) -> CreditTermsView | None:
        return CreditTermsView(number(c.per_cycle), number(c.per_unit), c.rollover, c.expires_after_days) if c else None

    return [
        UsagePriceView(
            **msgspec.structs.asdict(pricing_view(p.pricing)),
            meter_id=p.meter_id,
            free_threshold=number(p.free_threshold),
            credits=credits(p.credits),
            group_by=p.group_by,
            group_prices={v: pricing_view(g) for v, g in p.group_prices.items()} if p.group_by else None,
            credit_entitlement_id=p.credit_entitlement_id,
            meter_units_per_credit=number(p.meter_units_per_credit) if p.meter_units_per_credit is not None else None,
            usage_limit=number(p.usage_limit) if p.usage_limit is not None else None,
            limit_behavior=p.limit_behavior,
        )
        for p in prices
    ]


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
    thresholds: list[UsageThreshold] | None = None,
) -> ProductView:
    prices = usage_price_views(prices_of(usage_prices))
    attached = [
        AttachmentView(
            a.credit_entitlement_id,
            number(a.credits_amount),
            {k: number(v) if isinstance(v, Decimal) else v for k, v in a.overrides.items()},
            a.proration_behavior,
        )
        for a in attachments or []
    ]
    return ProductView(
        str(id),
        name,
        currency,
        str(price),
        billing_interval,
        interval_count,
        prices,
        archived,
        created_at,
        attached,
        [ThresholdView(str(t.amount), t.recurring) for t in thresholds or []],
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
        p.usage_thresholds,
    )


def products_of(queries: Queries, business: uuid.UUID, page_number: int, page_size: int) -> PageOf[ProductView]:
    rows = queries.products(business, page_number, page_size)
    views = [
        product_view(
            r["id"],
            r["name"],
            r["currency"],
            r["price"],
            r["billing_interval"],
            r["interval_count"],
            r["usage_prices"],
            r["archived"],
            r["created_at"],
            r["credit_entitlements"],
            [UsageThreshold.from_terms(t) for t in r["usage_thresholds"] or []],
        )
        for r in rows
    ]
    return paged(views, page_number, page_size)


def product_of(tally: Tally, business: uuid.UUID, product_id: uuid.UUID) -> ProductView:
    return product_view_of(tally.catalogue.get_product(business, product_id))
