"""Discounts (Dodo's `/discounts`, its SDK's discount_create_params, discount_update_params and Discount):
`amount` in basis points; a flat code's deduction, a percentage's cap and minimum subtotal per currency in
`currency_options` (minor units). A `customer_eligibility` other than `any` is refused with 422
(docs/discounts.md)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

import msgspec

from domain.discount import Discount
from domain.errors import Fault, Invalid

Count = Annotated[int, msgspec.Meta(ge=-(2**31), le=2**31 - 1)]
When = Annotated[datetime, msgspec.Meta(tz=True)]
Eligibility = Literal["any", "first_time", "existing", "specific"]


Minor = Annotated[int, msgspec.Meta(ge=-(2**53), le=2**53)]


class CurrencyOptionIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Dodo's CurrencyOption: the row applies when the invoice is in `currency` (tally converts no currency)."""

    currency: Annotated[str, msgspec.Meta(min_length=3, max_length=3)]
    is_default: bool = False
    max_amount_possible: Minor | None = None
    minimum_subtotal: Minor = 0


class CurrencyOptionView(msgspec.Struct, kw_only=True):
    currency: str
    is_default: bool
    minimum_subtotal: int
    max_amount_possible: int | None


def _options(options: list[CurrencyOptionIn] | None) -> list[dict[str, Any]]:
    return [msgspec.structs.asdict(o) | {"currency": o.currency.upper()} for o in options or []]


def _refusals(customer_eligibility: str | None) -> list[Fault]:
    if customer_eligibility not in (None, "any"):
        return [Fault("customer_eligibility", "only any is supported: tally keeps no eligibility lists")]
    return []


class DiscountCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    amount: Count
    type: Literal["percentage", "flat"]
    code: str | None = None
    name: str | None = None
    subscription_cycles: Count | None = None
    usage_limit: Count | None = None
    per_customer_usage_limit: Count | None = None
    restricted_to: list[str] | None = None
    starts_at: When | None = None
    expires_at: When | None = None
    preserve_on_plan_change: bool = False
    metadata: dict[str, Any] | None = None
    currency_options: list[CurrencyOptionIn] | None = None
    customer_eligibility: Eligibility | None = None

    def terms(self) -> dict[str, Any]:
        faults = _refusals(self.customer_eligibility)
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the discount", "invalid_discount", faults)
        terms = msgspec.structs.asdict(self)
        del terms["customer_eligibility"]
        return terms | {
            "restricted_to": self.restricted_to or [],
            "metadata": self.metadata or {},
            "currency_options": _options(self.currency_options),
        }


class DiscountUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Fields left out keep their value; `null` clears the optional limits and dates (Dodo's double options)."""

    amount: Count | None | msgspec.UnsetType = msgspec.UNSET
    type: Literal["percentage", "flat"] | None | msgspec.UnsetType = msgspec.UNSET
    code: str | None | msgspec.UnsetType = msgspec.UNSET
    name: str | None | msgspec.UnsetType = msgspec.UNSET
    subscription_cycles: Count | None | msgspec.UnsetType = msgspec.UNSET
    usage_limit: Count | None | msgspec.UnsetType = msgspec.UNSET
    per_customer_usage_limit: Count | None | msgspec.UnsetType = msgspec.UNSET
    restricted_to: list[str] | None | msgspec.UnsetType = msgspec.UNSET
    starts_at: When | None | msgspec.UnsetType = msgspec.UNSET
    expires_at: When | None | msgspec.UnsetType = msgspec.UNSET
    preserve_on_plan_change: bool | None | msgspec.UnsetType = msgspec.UNSET
    metadata: dict[str, Any] | None | msgspec.UnsetType = msgspec.UNSET
    currency_options: list[CurrencyOptionIn] | None | msgspec.UnsetType = msgspec.UNSET
    customer_eligibility: Eligibility | None | msgspec.UnsetType = msgspec.UNSET

    def changes(self) -> dict[str, Any]:
        eligibility = None if self.customer_eligibility is msgspec.UNSET else self.customer_eligibility
        faults = _refusals(eligibility)
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the discount", "invalid_discount", faults)
        given = {
            k: v
            for k, v in msgspec.structs.asdict(self).items()
            if v is not msgspec.UNSET and k != "customer_eligibility"
        }
        if self.currency_options is not msgspec.UNSET:  # replaces the set; null or [] empties it
            given["currency_options"] = _options(self.currency_options)
        # Required fields a null cannot clear keep their value; the lists and metadata a null empties.
        for kept in ("amount", "type", "code", "preserve_on_plan_change"):
            if kept in given and given[kept] is None:
                del given[kept]
        for emptied, empty in (("restricted_to", []), ("metadata", {})):
            if emptied in given and given[emptied] is None:
                given[emptied] = empty
        return given


class DiscountAnswer(msgspec.Struct, kw_only=True):
    """Dodo's Discount, with tally's `id` (the discount_id)."""

    id: str
    discount_id: str
    business_id: str
    amount: int
    code: str
    created_at: datetime
    customer_eligibility: str
    metadata: dict[str, Any]
    preserve_on_plan_change: bool
    restricted_to: list[str]
    times_used: int
    type: str
    currency_options: list[CurrencyOptionView]
    expires_at: datetime | None
    name: str | None
    per_customer_usage_limit: int | None
    starts_at: datetime | None
    subscription_cycles: int | None
    usage_limit: int | None


class DiscountWritten(DiscountAnswer, kw_only=True):
    position: int = 0


def discount_answer(discount: Discount) -> DiscountAnswer:
    t = discount.terms
    return DiscountAnswer(
        id=str(discount.id),
        discount_id=str(discount.id),
        business_id=str(discount.business_id),
        amount=t["amount"],
        code=t["code"],
        created_at=discount.created_on,
        customer_eligibility="any",
        metadata=t["metadata"],
        preserve_on_plan_change=t["preserve_on_plan_change"],
        restricted_to=list(t["restricted_to"]),
        times_used=discount.times_used,
        type=t["type"],
        currency_options=[CurrencyOptionView(**o) for o in t["currency_options"]],
        expires_at=t["expires_at"],
        name=t["name"],
        per_customer_usage_limit=t["per_customer_usage_limit"],
        starts_at=t["starts_at"],
        subscription_cycles=t["subscription_cycles"],
        usage_limit=t["usage_limit"],
    )
