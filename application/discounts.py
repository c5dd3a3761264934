"""Discounts (Dodo's `/discounts`): create, read, update, delete, find by code; and the redemption of a code by
a subscription (docs/discounts.md)."""

from __future__ import annotations

import secrets
import string
import uuid
from datetime import datetime
from typing import Any

from eventsourcing.application import AggregateNotFoundError

from application.written import Written
from domain.adjustments import Applied
from domain.discount import Discount
from domain.discount_codes import DiscountCodes, discount_codes_id
from domain.errors import NotFound
from domain.product import Product
from store.event_store import EventStore

CODE_ALPHABET = string.ascii_uppercase + string.digits


class Discounts:
    def __init__(self, store: EventStore) -> None:
        self.repository = store.repository
        self.save = store.save
        self.owned = store.owned

    def codes(self, business: uuid.UUID) -> DiscountCodes:
        try:
            codes: DiscountCodes = self.repository.get(discount_codes_id(business))
        except AggregateNotFoundError:
            codes = DiscountCodes(business_id=business)
        return codes

    def create(self, business: uuid.UUID, terms: dict[str, Any]) -> Written[uuid.UUID]:
        """A code left out is 16 random letters and digits, as Dodo makes them."""
        if terms.get("code") is None:
            terms = {**terms, "code": "".join(secrets.choice(CODE_ALPHABET) for _ in range(16))}
        discount = Discount.create(business, terms)
        codes = self.codes(business)
        codes.list(discount.id, discount.code)
        return Written.by(discount.id, self.save(discount, codes))

    def get(self, business: uuid.UUID, discount_id: uuid.UUID) -> Discount:
        discount: Discount = self.owned(business, Discount, "discount", discount_id)
        if discount.deleted:
            raise NotFound("discount", discount_id)
        return discount

    def by_code(self, business: uuid.UUID, code: str) -> Discount:
        found = self.codes(business).codes.get(code.upper())
        if found is None:
            raise NotFound("discount", code)
        return self.get(business, found)

    def listed(self, business: uuid.UUID, offset: int, limit: int) -> list[Discount]:
        """`limit` live discounts from `offset`, newest first."""
        newest_first = list(reversed(self.codes(business).ids))
        return [self.get(business, i) for i in newest_first[offset : offset + limit]]

    def update(self, business: uuid.UUID, discount_id: uuid.UUID, changes: dict[str, Any]) -> Written[uuid.UUID]:
        discount = self.get(business, discount_id)
        before = discount.code
        discount.update(changes)
        codes = self.codes(business)
        if discount.code != before:
            codes.recode(discount.id, discount.code)
        return Written.by(discount.id, self.save(discount, codes))

    def delete(self, business: uuid.UUID, discount_id: uuid.UUID) -> Written[uuid.UUID]:
        """Its code is free again; subscriptions that redeemed it keep what they redeemed."""
        discount = self.get(business, discount_id)
        discount.delete()
        codes = self.codes(business)
        codes.unlist(discount.id)
        return Written.by(discount.id, self.save(discount, codes))

    def redeem(
        self,
        business: uuid.UUID,
        code: str,
        subscription_id: uuid.UUID,
        customer: str,
        product: Product,
        now: datetime,
    ) -> tuple[Discount, Applied]:
        """The discount a code names, with one more use counted (for the caller to save with the subscription:
        two redemptions racing for the last use cannot both be saved) and what the subscription keeps of it."""
        discount = self.by_code(business, code)
        return discount, discount.redeem(subscription_id, customer, product.id, product.currency, now)
