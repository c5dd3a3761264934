"""Discount commands (Dodo's `POST /discounts`, `PATCH /discounts/{id}`, `DELETE /discounts/{id}`)."""

from __future__ import annotations

import uuid

import msgspec
from litestar import delete, patch, post

from application.tally import Tally
from application.written import Written
from interfaces.resources.catalog.discounts import DiscountCreate, DiscountUpdate, DiscountWritten, discount_answer


def _written(tally: Tally, business: uuid.UUID, done: Written[uuid.UUID]) -> DiscountWritten:
    answer = discount_answer(tally.discounts.get(business, done.id))
    return DiscountWritten(**msgspec.structs.asdict(answer), position=done.position)


class DiscountCommands:
    """The commands half of a resource's controller (interfaces/http/controllers.py)."""

    @post(operation_id="CreateDiscount", sync_to_thread=True, opt={"problems": (409,)})
    def create_discount(self, data: DiscountCreate, tally: Tally, business: uuid.UUID) -> DiscountWritten:
        """Create a percentage discount code (`amount` in basis points, 1 to 10000; `code` uppercased, 16 random
        characters when left out), redeemed by `discount_code` when a subscription starts or later
        (`PATCH /subscriptions/{id}`). 409 when the code is taken."""
        return _written(tally, business, tally.discounts.create(business, data.terms()))

    @patch("/{discount_id:uuid}", operation_id="UpdateDiscount", sync_to_thread=True, opt={"problems": (409,)})
    def update_discount(
        self, discount_id: uuid.UUID, data: DiscountUpdate, tally: Tally, business: uuid.UUID
    ) -> DiscountWritten:
        """Change a discount; subscriptions that redeemed it keep the terms they redeemed."""
        return _written(tally, business, tally.discounts.update(business, discount_id, data.changes()))

    @delete("/{discount_id:uuid}", operation_id="DeleteDiscount", sync_to_thread=True, status_code=204)
    def delete_discount(self, discount_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> None:
        """Delete a discount: its code can no longer be redeemed (and may be used again); subscriptions that
        redeemed it keep it."""
        tally.discounts.delete(business, discount_id)
