"""Creating a product in tally's shape or Dodo's, and Dodo's update and archive (the rest of the product
commands are in commands/products.py)."""

from __future__ import annotations

import uuid
from decimal import Decimal

import msgspec
from litestar import delete, patch, post

from application.tally import Tally
from domain.errors import Fault, Invalid, Malformed
from interfaces.http.commands.products import written
from interfaces.http.plain_decimals import check_decimals
from interfaces.resources.catalog.dodo_products import INTERVALS, DodoProductCreate, DodoProductUpdate, ProductWritten
from interfaces.resources.catalog.products import ProductCreate
from interfaces.resources.catalog.products import create_product as create_own_product

_own = msgspec.json.Decoder(ProductCreate, float_hook=Decimal)
_dodo = msgspec.json.Decoder(DodoProductCreate)


def decode_create(body: bytes) -> ProductCreate | DodoProductCreate:
    """Dodo's shape when `price` is an object (Dodo's Price), tally's own otherwise."""
    try:
        shape = msgspec.json.decode(body)
    except msgspec.DecodeError as exc:
        raise Malformed(f"the body is not valid JSON: {exc}") from None
    dodo = isinstance(shape, dict) and isinstance(shape.get("price"), dict)
    if not dodo:
        check_decimals(ProductCreate, shape)
    try:
        decoded: ProductCreate | DodoProductCreate = (_dodo if dodo else _own).decode(body)
    except msgspec.ValidationError as exc:
        where = str(exc).rsplit("at `$.", 1)[-1].rstrip("`") if "at `$." in str(exc) else "body"
        raise Invalid(str(exc), "invalid_request", [Fault(where, str(exc))]) from None
    return decoded


class ProductCreation:
    """Part of the commands half of the products controller (interfaces/http/controllers.py)."""

    @post(
        operation_id="CreateProduct",
        sync_to_thread=True,
        opt={"problems": (404,), "body": ProductCreate, "decimals": False},
    )
    def create_product(self, body: bytes, tally: Tally, business: uuid.UUID) -> ProductWritten:
        """Create a product, in tally's shape (a fixed `price` per cycle, a billing interval, usage prices per
        meter: a model (per_unit, graduated, volume or package), free threshold, optional credits, optional
        per-value prices by a metadata key) or Dodo's (`price: {type: usage_based_price | recurring_price, ...}`,
        `tax_category`; docs/subscriptions.md)."""
        data = decode_create(body)
        if isinstance(data, DodoProductCreate):
            faults = data.faults()
            if faults:
                raise Invalid(f"{len(faults)} fault(s) in the product", "invalid_product", faults)
            price = data.price
            done = tally.catalogue.create_product(
                business,
                data.name,
                price.currency,
                price.fixed(),
                INTERVALS[price.payment_frequency_interval or "Month"],
                price.payment_frequency_count or 1,
                price.usage_prices(),
                [a.attachment(a.credit_entitlement_id) for a in data.credit_entitlements or []],
                data.details(),
            )
            return written(tally, business, done)
        done = create_own_product(tally, business, data)
        return written(tally, business, done)

    @patch("/{product_id:uuid}", operation_id="UpdateProduct", sync_to_thread=True, opt={"problems": (409,)})
    def update_product(
        self, product_id: uuid.UUID, data: DodoProductUpdate, tally: Tally, business: uuid.UUID
    ) -> ProductWritten:
        """Dodo's update: name, description, tax category, metadata (prices change through usage-prices)."""
        return written(tally, business, tally.catalogue.update_details(business, product_id, data.changes()))

    @delete("/{product_id:uuid}", operation_id="DeleteProduct", sync_to_thread=True, status_code=200)
    def delete_product(self, product_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> ProductWritten:
        """Dodo's archive: the product is archived, never deleted (as `POST /products/{id}/archive`)."""
        return written(tally, business, tally.catalogue.archive_product(business, product_id))
