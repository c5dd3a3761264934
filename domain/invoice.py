"""An invoice: one closed cycle of one subscription, as issued. It never changes;
a correction would be a new document."""
from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from eventsourcing.domain import Aggregate, event

from domain.rating import Line


def invoice_id(subscription_id: uuid.UUID, cycle_start: datetime) -> uuid.UUID:
    """Derived from the cycle, so two closes of one cycle cannot both be stored."""
    return uuid.uuid5(subscription_id, f"invoice:{cycle_start.isoformat()}")


class Invoice(Aggregate):
    class Issued(Aggregate.Created):
        business_id: uuid.UUID
        customer_id: str
        subscription_id: uuid.UUID
        product_id: uuid.UUID
        cycle_start: datetime
        cycle_end: datetime
        currency: str
        price: Decimal
        lines: list[dict[str, Any]]
        total: Decimal
        issued_at: datetime

    @staticmethod
    def create_id(subscription_id: uuid.UUID, cycle_start: datetime, **_: object) -> uuid.UUID:
        return invoice_id(subscription_id, cycle_start)

    @event(Issued)
    def __init__(self, business_id: uuid.UUID, customer_id: str, subscription_id: uuid.UUID, product_id: uuid.UUID,
                 cycle_start: datetime, cycle_end: datetime, currency: str, price: Decimal,
                 lines: list[dict[str, Any]], total: Decimal, issued_at: datetime) -> None:
        self.business_id = business_id
        self.customer_id = customer_id
        self.subscription_id = subscription_id
        self.product_id = product_id
        self.cycle_start = cycle_start
        self.cycle_end = cycle_end
        self.currency = currency
        self.price = price
        self.lines = [Line.from_terms(terms) for terms in lines]
        self.total = total
        self.issued_at = issued_at
