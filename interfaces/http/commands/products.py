"""Product commands: create a product, set or remove a usage price."""
from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Annotated, Literal

import msgspec
from litestar import delete, post, put

from application.tally import Tally
from application.written import Written
from domain.product import MAX_USAGE_PRICES
from domain.rating import CreditTerms, UsagePrice
from interfaces.http.schemas.products import ProductWritten, product_view_of

Name = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
MeterId = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]


class CreditTermsIn(msgspec.Struct, forbid_unknown_fields=True):
    per_cycle: Decimal
    per_unit: Decimal = Decimal(1)
    rollover: Literal["none", "all"] = "none"
    expires_after_days: int | None = None


class UsagePriceIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    unit_price: Decimal
    free_threshold: Decimal = Decimal(0)
    credits: CreditTermsIn | None = None


class UsagePriceCreate(UsagePriceIn, forbid_unknown_fields=True, kw_only=True):
    meter_id: MeterId


class ProductCreate(msgspec.Struct, forbid_unknown_fields=True):
    name: Name
    currency: Annotated[str, msgspec.Meta(min_length=3, max_length=3)]
    billing_interval: Literal["day", "week", "month", "year"]
    price: Decimal = Decimal(0)
    interval_count: int = 1
    usage_prices: Annotated[list[UsagePriceCreate], msgspec.Meta(max_length=MAX_USAGE_PRICES)] = []


def usage_price(meter_id: str, body: UsagePriceIn) -> UsagePrice:
    c = body.credits
    credits = CreditTerms(c.per_cycle, c.per_unit, c.rollover, c.expires_after_days) if c else None
    return UsagePrice(meter_id, body.unit_price, body.free_threshold, credits)


def written(tally: Tally, business: uuid.UUID, done: Written[uuid.UUID]) -> ProductWritten:
    product = tally.catalogue.get_product(business, done.id)
    return ProductWritten(**msgspec.structs.asdict(product_view_of(product)), position=done.position)


class ProductCommands:
    """The commands half of a resource's controller (interfaces/http/controllers.py)."""

    @post(operation_id="CreateProduct", sync_to_thread=True, opt={"problems": (404,)})
    def create_product(self, data: ProductCreate, tally: Tally, business: uuid.UUID) -> ProductWritten:
        """Create a product: a fixed price per cycle, a billing interval, and usage prices per meter
        (unit price up to 12 decimal places, free threshold, optional credits)."""
        done = tally.catalogue.create_product(
            business, data.name, data.currency, data.price, data.billing_interval, data.interval_count,
            [usage_price(p.meter_id, p) for p in data.usage_prices])
        return written(tally, business, done)

    @put("/{product_id:uuid}/usage-prices/{meter_id:str}", operation_id="SetUsagePrice", sync_to_thread=True,
         opt={"problems": (409,)})
    def set_usage_price(self, product_id: uuid.UUID, meter_id: str, data: UsagePriceIn, tally: Tally,
                        business: uuid.UUID) -> ProductWritten:
        """Set or change the price of a meter. Open cycles are re-rated at once; issued invoices never change."""
        return written(tally, business, tally.catalogue.set_usage_price(business, product_id, usage_price(meter_id, data)))

    @delete("/{product_id:uuid}/usage-prices/{meter_id:str}", operation_id="RemoveUsagePrice", sync_to_thread=True,
            status_code=200, opt={"problems": (409,)})
    def remove_usage_price(self, product_id: uuid.UUID, meter_id: str, tally: Tally,
                           business: uuid.UUID) -> ProductWritten:
        """Stop charging for a meter from the open cycle on."""
        return written(tally, business, tally.catalogue.remove_usage_price(business, product_id, meter_id))

    @post("/{product_id:uuid}/archive", operation_id="ArchiveProduct", sync_to_thread=True, status_code=200)
    def archive_product(self, product_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> ProductWritten:
        """Archive a product: no new subscriptions or price changes (409); running subscriptions keep billing."""
        return written(tally, business, tally.catalogue.archive_product(business, product_id))
