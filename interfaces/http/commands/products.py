"""Product commands: create a product, set or remove a usage price, attach credit entitlements."""

from __future__ import annotations

import uuid

import msgspec
from litestar import delete, post, put

from application.tally import Tally
from application.written import Written
from interfaces.resources.dodo_products import ProductWritten, product_answer
from interfaces.resources.prices import UsagePriceIn, usage_price
from interfaces.resources.products import AttachmentTerms, ThresholdsSet


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

    @put("/{product_id:uuid}/usage-thresholds", operation_id="SetUsageThresholds", sync_to_thread=True)
    def set_usage_thresholds(
        self, product_id: uuid.UUID, data: ThresholdsSet, tally: Tally, business: uuid.UUID
    ) -> ProductWritten:
        """Replace the product's usage thresholds (threshold invoices, docs/thresholds.md); an empty list ends
        them. The open cycles' next threshold invoices follow the new ones."""
        done = tally.catalogue.set_usage_thresholds(
            business, product_id, [t.threshold() for t in data.usage_thresholds]
        )
        return written(tally, business, done)

    @post("/{product_id:uuid}/archive", operation_id="ArchiveProduct", sync_to_thread=True, status_code=200)
    def archive_product(self, product_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> ProductWritten:
        """Archive a product: no new subscriptions or price changes (409); running subscriptions keep billing."""
        return written(tally, business, tally.catalogue.archive_product(business, product_id))
