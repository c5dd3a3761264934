"""A customer of a business, known to it by an external id used in usage events."""
from __future__ import annotations

import uuid

from eventsourcing.domain import Aggregate, event

from domain.ids import scoped_id


def customer_id(business: uuid.UUID, external_id: str) -> uuid.UUID:
    return scoped_id(business, "customer", external_id)


class Customer(Aggregate):
    class Created(Aggregate.Created):
        business_id: uuid.UUID
        external_id: str
        name: str | None
        email: str | None

    class Updated(Aggregate.Event):
        name: str | None
        email: str | None

    @staticmethod
    def create_id(business_id: uuid.UUID, external_id: str, **_: object) -> uuid.UUID:
        return customer_id(business_id, external_id)

    @event(Created)
    def __init__(self, business_id: uuid.UUID, external_id: str, name: str | None, email: str | None) -> None:
        self.business_id = business_id
        self.external_id = external_id
        self.name = name
        self.email = email

    @event(Updated)
    def update(self, name: str | None, email: str | None) -> None:
        if name is not None:
            self.name = name
        if email is not None:
            self.email = email
