"""Product commands: create a product, set or remove a usage price, attach credit entitlements."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

import msgspec
from litestar import delete, post, put

from application.tally import Tally
from application.written import Written
from interfaces.resources.catalog.dodo_products import ProductWritten, product_answer
from interfaces.resources.catalog.price_versions import (
    MigrationAnswer,
    MigrationIn,
    migration_answer,
    product_subscriptions,
)
from interfaces.resources.catalog.prices import UsagePriceChange, usage_price
from interfaces.resources.catalog.products import AttachmentTerms, ThresholdsSet
from projections.reads.queries import Queries


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
        self, product_id: uuid.UUID, meter_id: str, data: UsagePriceChange, tally: Tally, business: uuid.UUID
    ) -> ProductWritten:
        """Set or change the price of a meter. `apply_to: open_cycles` (the default): open cycles of the latest
        price version's subscriptions are re-rated at once. `new_subscriptions`: a new price version that only
        subscriptions started from now on are on (`GET /products/{id}/versions`). Issued invoices never change."""
        price = usage_price(meter_id, data)
        at = datetime.now(timezone.utc) if data.apply_to == "new_subscriptions" else None
        return written(tally, business, tally.catalogue.set_usage_price(business, product_id, price, at))

    @post(
        "/{product_id:uuid}/migrations",
        operation_id="MigratePriceVersion",
        sync_to_thread=True,
        status_code=200,
        opt={"problems": (409,)},
    )
    def migrate(
        self, product_id: uuid.UUID, data: MigrationIn, tally: Tally, queries: Queries, business: uuid.UUID
    ) -> MigrationAnswer:
        """Move subscriptions (`subscription_ids`, or every one of the product on `from_version`) to the price
        version `to_version` from their next cycle. Each subscription's last closed cycle(s) are compared: what
        was issued and what the target version would have cost (the simulation's rows). `dry_run: true` changes
        nothing; a real run is idempotent (a subscription already moved is left as it is) and each move is an
        event of the subscription. 404 for an unknown version."""
        chosen = data.subscription_ids is not None
        ids = (
            data.subscription_ids
            if data.subscription_ids is not None
            else product_subscriptions(queries, business, product_id)
        )
        done = tally.migrations.migrate(
            business, product_id, data.from_version, data.to_version, ids, data.dry_run, data.cycles, chosen
        )
        return migration_answer(done)

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
