"""Add-ons (Dodo's `/addons`, its SDK's addon_create_params, addon_update_params and AddonResponse): prices in
the currency's minor units, as Dodo says them; tally keeps no images (docs/subscriptions.md, Add-ons)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

import msgspec

from domain.addon import Addon
from domain.errors import Fault, Invalid
from domain.money import MINOR_UNITS, is_currency

TaxCategory = Literal["digital_products", "saas", "e_book", "edtech", "live_tutoring"]
Price = Annotated[int, msgspec.Meta(ge=0, le=10**15)]
Text = Annotated[str, msgspec.Meta(max_length=1000)]


def _amount(price: int, currency: str) -> Decimal:
    if not is_currency(currency):
        raise Invalid("unknown currency", "invalid_addon", [Fault("currency", "is not a known currency")])
    return Decimal(price).scaleb(-MINOR_UNITS[currency])


class AddonCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    currency: Annotated[str, msgspec.Meta(min_length=3, max_length=3)]
    name: Text
    price: Price
    tax_category: TaxCategory
    description: Text | None = None

    def amount(self) -> Decimal:
        return _amount(self.price, self.currency)


class AddonUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Fields left out (or null) keep their value; `currency` may only repeat the add-on's; `image_id` is
    refused (tally keeps no images)."""

    currency: Annotated[str, msgspec.Meta(min_length=3, max_length=3)] | None = None
    description: Text | None = None
    image_id: str | None = None
    name: Text | None = None
    price: Price | None = None
    tax_category: TaxCategory | None = None

    def changes(self, addon: Addon) -> dict[str, Any]:
        if self.image_id is not None:
            raise Invalid("tally keeps no images", "invalid_addon", [Fault("image_id", "is not supported")])
        given = {k: v for k, v in msgspec.structs.asdict(self).items() if v is not None and k != "image_id"}
        if self.price is not None:
            given["price"] = _amount(self.price, addon.currency)
        return given


class AddonAnswer(msgspec.Struct, kw_only=True):
    """Dodo's AddonResponse."""

    id: str
    business_id: str
    created_at: datetime
    currency: str
    name: str
    price: int
    tax_category: str
    updated_at: datetime
    description: str | None
    image: str | None = None


class AddonWritten(AddonAnswer, kw_only=True):
    position: int = 0


def addon_answer(addon: Addon) -> AddonAnswer:
    return AddonAnswer(
        id=str(addon.id),
        business_id=str(addon.business_id),
        created_at=addon.created_on,
        currency=addon.currency,
        name=addon.name,
        price=int(addon.price.scaleb(MINOR_UNITS[addon.currency])),
        tax_category=addon.tax_category,
        updated_at=addon.modified_on,
        description=addon.description,
    )
