"""Product queries."""

from __future__ import annotations

import uuid

from litestar import get

from application.tally import Tally
from interfaces.resources.freshness import Fresh
from interfaces.resources.paging import PageNumber, PageSize
from interfaces.resources.products import ProductView, product_of, products_of
from projections.reads.pages import PageOf
from projections.reads.queries import Queries


class ProductQueries:
    """The queries half of a resource's controller (interfaces/http/controllers.py)."""

    @get(operation_id="ListProducts", sync_to_thread=True)
    def products(
        self,
        queries: Queries,
        business: uuid.UUID,
        fresh: Fresh,
        page_size: PageSize = 10,
        page_number: PageNumber = 0,
    ) -> PageOf[ProductView]:
        """Products, newest first."""
        return products_of(queries, business, page_number, page_size)

    @get("/{product_id:uuid}", operation_id="GetProduct", sync_to_thread=True)
    def product(self, product_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> ProductView:
        """One product with its usage prices."""
        return product_of(tally, business, product_id)
