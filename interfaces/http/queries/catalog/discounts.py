"""Discount queries (Dodo's `GET /discounts`, `GET /discounts/{id}`, `GET /discounts/code/{code}`)."""

from __future__ import annotations

import uuid

from litestar import get

from application.tally import Tally
from interfaces.resources.catalog.discounts import DiscountAnswer, discount_answer
from interfaces.resources.paging import PageNumber, PageSize
from projections.reads.pages import PageOf, paged


class DiscountQueries:
    """The queries half of a resource's controller (interfaces/http/controllers.py)."""

    @get(operation_id="ListDiscounts", sync_to_thread=True)
    def discounts(
        self, tally: Tally, business: uuid.UUID, page_size: PageSize = 10, page_number: PageNumber = 0
    ) -> PageOf[DiscountAnswer]:
        """Discounts, newest first (read from the business's code catalogue: docs/discounts.md)."""
        listed = tally.discounts.listed(business, page_number * page_size, page_size + 1)
        return paged([discount_answer(d) for d in listed], page_number, page_size)

    @get("/{discount_id:uuid}", operation_id="GetDiscount", sync_to_thread=True)
    def discount(self, discount_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> DiscountAnswer:
        """One discount, with how often it was redeemed (`times_used`)."""
        return discount_answer(tally.discounts.get(business, discount_id))

    @get("/code/{code:str}", operation_id="GetDiscountByCode", sync_to_thread=True)
    def discount_by_code(self, code: str, tally: Tally, business: uuid.UUID) -> DiscountAnswer:
        """The live discount with this code (case-insensitive); 404 when none."""
        return discount_answer(tally.discounts.by_code(business, code))
