"""Product queries."""

from __future__ import annotations

import uuid

from litestar import get

from application.tally import Tally
from interfaces.resources.catalog.dodo_products import ProductAnswer, ProductListed, product_answer, product_listed
from interfaces.resources.catalog.price_versions import VersionView, versions_of
from interfaces.resources.freshness import Fresh
from interfaces.resources.paging import PageNumber, PageSize
from projections.reads.pages import PageOf, paged
from projections.reads.queries import Queries


class ProductQueries:
    """The queries half of a resource's controller (interfaces/http/controllers.py)."""

    @get(operation_id="ListProducts", sync_to_thread=True)
    def products(
        self,
        tally: Tally,
        queries: Queries,
        business: uuid.UUID,
        fresh: Fresh,
        page_size: PageSize = 10,
        page_number: PageNumber = 0,
    ) -> PageOf[ProductListed]:
        """Products, newest first, in Dodo's list shape (`price` in minor units, `price_detail`) beside tally's
        fields (`fixed_price`, `usage_prices`)."""
        rows = queries.products(business, page_number, page_size)
        products = [product_listed(tally.catalogue.get_product(business, r["id"])) for r in rows]
        return paged(products, page_number, page_size)

    @get("/{product_id:uuid}", operation_id="GetProduct", sync_to_thread=True)
    def product(self, product_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> ProductAnswer:
        """One product with its usage prices, and its price as Dodo's Price."""
        return product_answer(tally.catalogue.get_product(business, product_id))

    @get("/{product_id:uuid}/versions", operation_id="ListPriceVersions", sync_to_thread=True)
    def versions(self, product_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> PageOf[VersionView]:
        """The product's price versions, newest first: each with its usage prices; `latest` is the one new
        subscriptions start on (docs/price-versions.md)."""
        versions = versions_of(tally.catalogue.get_product(business, product_id))
        return paged(versions, 0, max(len(versions), 1))
