"""Dodo's products: the bodies that create and update one (its SDK's product_create_params and
product_update_params) and how they map onto tally's product, and products as the API answers them: Dodo's
Product (`price` a Price object) beside tally's fields, whose decimal fixed price is `fixed_price`; lists
answer Dodo's ProductListResponse (`price` in minor units, the object as `price_detail`). A
`usage_based_price` is the fixed price and a usage price per meter (`price_per_unit` in the currency's minor
units), a `recurring_price` a fixed price alone. What tally does not implement is refused with 422
(docs/subscriptions.md)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

import msgspec

from domain.cycles import Interval
from domain.errors import Fault, Invalid
from domain.money import MINOR_UNITS, is_currency
from domain.numbers import PLAIN_RULE, plain_decimal
from domain.product import Product
from domain.rating import UsagePrice
from interfaces.resources.catalog.products import AttachmentIn, Name, product_view_of
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
    usage_thresholds: list[Any]
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
    minimum_amount: str | None = None  # the least a cycle's invoice costs (docs/discounts.md)
    price_version: int = 1  # the price version new subscriptions start on (docs/price-versions.md)


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
        "minimum_amount": None if product.minimum_amount is None else str(product.minimum_amount),
        "price_version": product.price_version,
        "entitlements": [feature_entitlement(g) for g in product.features],
    }


def feature_entitlement(grant: dict[str, Any]) -> dict[str, Any]:
    """A feature the product grants, as Dodo's ProductEntitlementSummary of a `feature_flag` entitlement (Dodo's
    feature_type is boolean only; tally's metered and static features say theirs), with the value granted."""
    return {
        "id": grant["feature_id"],
        "name": grant.get("name") or grant["feature_id"],
        "description": None,
        "integration_type": "feature_flag",
        "integration_config": {
            "feature_id": grant.get("key") or grant["feature_id"],
            "feature_type": grant.get("type") or "boolean",
        },
        "value": number(grant["value"]) if isinstance(grant.get("value"), Decimal) else grant.get("value"),
    }


def product_answer(product: Product) -> ProductAnswer:
    return ProductAnswer(**_fields(product), price=price_of(product))


def product_listed(product: Product) -> ProductListed:
    detail = price_of(product)
    amount = detail.fixed_price if isinstance(detail, UsageBasedPrice) else detail.price
    return ProductListed(**_fields(product), price=amount, price_detail=detail)


Int = Annotated[int, msgspec.Meta(ge=-(2**31), le=2**31 - 1)]
DodoInterval = Literal["Day", "Week", "Month", "Year"]
INTERVALS: dict[str, Interval] = {"Day": "day", "Week": "week", "Month": "month", "Year": "year"}


class MeterPriceIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    meter_id: str
    price_per_unit: str | None = None
    free_threshold: Int | None = None
    credit_entitlement_id: str | None = None
    meter_units_per_credit: str | None = None
    description: str | None = None
    measurement_unit: str | None = None
    name: str | None = None


class PriceIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Dodo's Price, every kind's fields (the kind is `type`)."""

    type: Literal["usage_based_price", "recurring_price", "one_time_price"]
    currency: str
    payment_frequency_count: Int | None = None
    payment_frequency_interval: DodoInterval | None = None
    subscription_period_count: Int | None = None
    subscription_period_interval: DodoInterval | None = None
    fixed_price: Int | None = None
    price: Int | None = None
    meters: list[MeterPriceIn] | None = None
    trial_period_days: Int | None = None
    tax_inclusive: bool | None = None
    discount: Int | None = None
    discount_bps: Int | None = None
    purchasing_power_parity: bool | None = None
    trial_amount: Int | None = None
    trial_apply_discounts: bool | None = None
    trial_payment_method_optional: bool | None = None
    zero_amount_payment_method_optional: bool | None = None
    pay_what_you_want: bool | None = None
    suggested_price: Int | None = None

    def faults(self) -> list[Fault]:
        faults = []
        if self.type == "one_time_price":
            faults.append(Fault("price.type", "tally bills subscriptions: usage_based_price or recurring_price"))
        if not is_currency(self.currency.upper()):
            faults.append(Fault("price.currency", f"must be one of {', '.join(sorted(MINOR_UNITS))}"))
        if self.payment_frequency_count is None or self.payment_frequency_interval is None:
            faults.append(Fault("price.payment_frequency_interval", "is required with payment_frequency_count"))
        if (self.subscription_period_count, self.subscription_period_interval) not in (UNTIL_CANCELLED, (None, None)):
            faults.append(
                Fault("price.subscription_period_count", "tally's subscriptions renew until cancelled: 20 Year")
            )
        unsupported = {
            "tax_inclusive": self.tax_inclusive,
            "discount": self.discount,
            "discount_bps": self.discount_bps,
            "purchasing_power_parity": self.purchasing_power_parity,
            "trial_amount": self.trial_amount,
            "trial_apply_discounts": self.trial_apply_discounts,
            "trial_payment_method_optional": self.trial_payment_method_optional,
            "zero_amount_payment_method_optional": self.zero_amount_payment_method_optional,
            "pay_what_you_want": self.pay_what_you_want,
            "suggested_price": self.suggested_price,
        }
        faults += [
            Fault(f"price.{k}", "is not supported: tally computes no tax, discount or payment")
            for k, v in unsupported.items()
            if v
        ]
        if self.type == "recurring_price" and self.meters:
            faults.append(Fault("price.meters", "only a usage_based_price prices meters"))
        if self.type == "usage_based_price" and self.trial_period_days:
            faults.append(
                Fault("price.trial_period_days", "Dodo's usage_based_price has no trial; give it to the subscription")
            )
        return faults

    def fixed(self) -> Decimal:
        amount = (self.fixed_price if self.type == "usage_based_price" else self.price) or 0
        return Decimal(amount).scaleb(-MINOR_UNITS[self.currency.upper()])

    def usage_prices(self) -> list[UsagePrice]:
        places = MINOR_UNITS.get(self.currency.upper(), 2)
        prices = []
        for i, m in enumerate(self.meters or []):
            shown = [k for k in ("name", "description", "measurement_unit") if getattr(m, k) is not None]
            if shown:
                # Refused rather than stored and ignored: a priced meter shows the meter's own text.
                raise Invalid(
                    "invalid price",
                    "invalid_product",
                    [
                        Fault(f"price.meters.{k}", "is not supported: the meter's own is shown (PATCH /meters/{id})", i)
                        for k in shown
                    ],
                )
            if m.price_per_unit is None:
                raise Invalid(
                    "invalid price", "invalid_product", [Fault("price.meters.price_per_unit", "is required", i)]
                )
            unit = plain_decimal(m.price_per_unit)
            per_credit = plain_decimal(m.meter_units_per_credit) if m.meter_units_per_credit is not None else None
            if unit is None or (m.meter_units_per_credit is not None and per_credit is None):
                field = "price_per_unit" if unit is None else "meter_units_per_credit"
                raise Invalid(
                    "invalid price", "invalid_request", [Fault(f"price.meters.{field}", f"must be {PLAIN_RULE}", i)]
                )
            prices.append(
                UsagePrice(
                    m.meter_id,
                    unit.scaleb(-places),
                    Decimal(m.free_threshold or 0),
                    credit_entitlement_id=m.credit_entitlement_id,
                    meter_units_per_credit=per_credit,
                )
            )
        return prices


class DodoProductCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    name: Name
    price: PriceIn
    tax_category: Literal["digital_products", "saas", "e_book", "edtech", "live_tutoring"]
    description: str | None = None
    metadata: dict[str, Any] | None = None
    credit_entitlements: list[AttachmentIn] | None = None
    addons: list[str] | None = None
    brand_id: str | None = None
    entitlements: list[Any] | None = None
    license_key_enabled: bool | None = None
    license_key_activation_message: str | None = None
    license_key_activations_limit: Int | None = None
    license_key_duration: Any = None
    digital_product_delivery: Any = None
    pricing_mode: Any = None

    def faults(self) -> list[Fault]:
        faults = self.price.faults()
        unsupported = {
            "addons": self.addons,
            "brand_id": self.brand_id,
            "entitlements": self.entitlements,
            "license_key_enabled": self.license_key_enabled,
            "license_key_activation_message": self.license_key_activation_message,
            "license_key_activations_limit": self.license_key_activations_limit,
            "license_key_duration": self.license_key_duration,
            "digital_product_delivery": self.digital_product_delivery,
            "pricing_mode": self.pricing_mode,
        }
        return faults + [Fault(k, "is not supported yet") for k, v in unsupported.items() if v]

    def details(self) -> dict[str, Any]:
        return {
            "description": self.description,
            "tax_category": self.tax_category,
            "metadata": self.metadata or {},
            "trial_period_days": self.price.trial_period_days or 0,
        }


class DodoProductUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """The fields of Dodo's update tally implements: how the product shows. Prices change with
    `PUT /products/{id}/usage-prices/{meter_id}` (tally's), never here."""

    name: Name | msgspec.UnsetType = msgspec.UNSET
    description: str | None | msgspec.UnsetType = msgspec.UNSET
    tax_category: (
        Literal["digital_products", "saas", "e_book", "edtech", "live_tutoring"] | None | msgspec.UnsetType
    ) = msgspec.UNSET
    metadata: dict[str, Any] | None | msgspec.UnsetType = msgspec.UNSET

    def changes(self) -> dict[str, Any]:
        changes = {f: getattr(self, f) for f in self.__struct_fields__ if getattr(self, f) is not msgspec.UNSET}
        if "metadata" in changes and changes["metadata"] is None:
            changes["metadata"] = {}
        return changes
