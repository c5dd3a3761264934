"""Product queries."""
from __future__ import annotations

import uuid

from litestar import get

from application.tally import Tally
from interfaces.http.paging import PageNumber, PageSize
from projections.billing_views import ProductView, product_view
from projections.charge_queries import list_products
from projections.pages import PageOf, paged


@get("/products", sync_to_thread=True, tags=["products"])
def products(tally: Tally, business: uuid.UUID, position_reached: int,
             page_size: PageSize = 10,
             page_number: PageNumber = 0) -> PageOf[ProductView]:
    """Products, newest first."""
    return products_of(tally, business, page_number, page_size)


def products_of(tally: Tally, business: uuid.UUID, page_number: int, page_size: int) -> PageOf[ProductView]:
    with tally.store.datastore.transaction(commit=False) as cur:
        rows = list_products(cur, tally.store.schema, business, page_number, page_size)
    views = [product_view(r["id"], r["name"], r["currency"], r["price"], r["billing_interval"],
                          r["interval_count"], r["usage_prices"], r["archived"], r["created_at"]) for r in rows]
    return paged(views, page_number, page_size)


@get("/products/{product_id:uuid}", sync_to_thread=True, tags=["products"])
def product(product_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> ProductView:
    """One product with its usage prices."""
    return product_of(tally, business, product_id)


def product_of(tally: Tally, business: uuid.UUID, product_id: uuid.UUID) -> ProductView:
    p = tally.catalogue.get_product(business, product_id)
    return product_view(p.id, p.name, p.currency, p.price, p.billing_interval, p.interval_count, p.usage_prices,
                        p.archived, p.created_on)


HANDLERS = [products, product]
