"""A business's discount codes: which discount each live code names, in the order they were created.

One aggregate per business (its id derives from the business), saved in the same transaction as the discount
it lists, so two discounts cannot take one code: the second save finds the catalogue moved on and is decided
again. It is also the list `GET /discounts` pages through (a catalogue of codes stays small; docs/discounts.md).
"""

from __future__ import annotations

import uuid

from eventsourcing.domain import Aggregate, event

from domain.errors import Conflict


def discount_codes_id(business_id: uuid.UUID) -> uuid.UUID:
    return uuid.uuid5(business_id, "discount-codes")


class DiscountCodes(Aggregate):
    class Opened(Aggregate.Created):
        business_id: uuid.UUID

    class Listed(Aggregate.Event):
        discount_id: uuid.UUID
        code: str

    class Recoded(Aggregate.Event):
        discount_id: uuid.UUID
        code: str

    class Unlisted(Aggregate.Event):
        discount_id: uuid.UUID

    @staticmethod
    def create_id(business_id: uuid.UUID) -> uuid.UUID:
        return discount_codes_id(business_id)

    @event(Opened)
    def __init__(self, business_id: uuid.UUID) -> None:
        self.business_id = business_id
        self.codes: dict[str, uuid.UUID] = {}
        self.ids: list[uuid.UUID] = []  # oldest first

    def _free(self, code: str, discount_id: uuid.UUID) -> None:
        holder = self.codes.get(code)
        if holder is not None and holder != discount_id:
            raise Conflict(f"discount code {code} is taken", "discount_code_taken")

    def list(self, discount_id: uuid.UUID, code: str) -> None:
        self._free(code, discount_id)
        self._listed(discount_id=discount_id, code=code)

    def recode(self, discount_id: uuid.UUID, code: str) -> None:
        self._free(code, discount_id)
        self._recoded(discount_id=discount_id, code=code)

    def unlist(self, discount_id: uuid.UUID) -> None:
        if discount_id in self.ids:
            self._unlisted(discount_id=discount_id)

    @event(Listed)
    def _listed(self, discount_id: uuid.UUID, code: str) -> None:
        self.codes[code] = discount_id
        self.ids.append(discount_id)

    @event(Recoded)
    def _recoded(self, discount_id: uuid.UUID, code: str) -> None:
        self.codes = {c: d for c, d in self.codes.items() if d != discount_id} | {code: discount_id}

    @event(Unlisted)
    def _unlisted(self, discount_id: uuid.UUID) -> None:
        self.codes = {c: d for c, d in self.codes.items() if d != discount_id}
        self.ids.remove(discount_id)
