"""An invoice: one closed cycle of one subscription, as issued. It never changes;
a correction would be a new document."""
from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from eventsourcing.domain import Aggregate, event

from domain.rating import Rated



def invoice_id(subscription_id: uuid.UUID, cycle_start: datetime) -> uuid.UUID:
    """Derived from the cycle, so two closes of one cycle cannot both be stored."""
    return uuid.uuid5(subscription_id, f"invoice:{cycle_start.isoformat()}")


def line_terms(rated: Rated) -> list[dict[str, Any]]:
    return [
        {"meter_id": line.meter_id, "meter_name": line.meter_name, "quantity": line.quantity, "free": line.free,
         "credited": line.credited, "credits_used": line.credits_used, "billable": line.billable,
         "unit_price": line.unit_price, "amount": line.amount, "late": line.late}
        for line in rated.lines
    ]


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
        self.lines = lines
        self.total = total
        self.issued_at = issued_at
