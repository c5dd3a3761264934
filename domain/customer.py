"""A customer of a business, known to it by an external id used in usage events."""
from __future__ import annotations

import uuid
from typing import Any

from eventsourcing.domain import Aggregate, event

from domain.billing_details import BillingDetails
from domain.errors import Invalid
from domain.ids import scoped_id
from domain.text import line_faults


def customer_id(business: uuid.UUID, external_id: str) -> uuid.UUID:
    return scoped_id(business, "customer", external_id)


def _check(fields: dict[str, str | None]) -> None:
    faults = line_faults(fields)
    if faults:
        raise Invalid(f"{len(faults)} fault(s) in the customer", "invalid_customer", faults)


class Customer(Aggregate):
    class Created(Aggregate.Created):
        business_id: uuid.UUID
        external_id: str
        name: str | None
        email: str | None

    class Updated(Aggregate.Event):
        name: str | None
        email: str | None

    class BillingDetailsSet(Aggregate.Event):
        """The whole billing details after the change (docs/invoices.md)."""

        details: dict[str, Any]

    @classmethod
    def register(cls, business_id: uuid.UUID, external_id: str, name: str | None, email: str | None) -> Customer:
        _check({"customer_id": external_id, "name": name, "email": email})
        return cls(business_id=business_id, external_id=external_id, name=name, email=email)

    @staticmethod
    def create_id(business_id: uuid.UUID, external_id: str, **_: object) -> uuid.UUID:
        return customer_id(business_id, external_id)

    @event(Created)
    def __init__(self, business_id: uuid.UUID, external_id: str, name: str | None, email: str | None) -> None:
        self.business_id = business_id
        self.external_id = external_id
        self.name = name
        self.email = email
        self.billing_details = BillingDetails()

    def update(self, name: str | None, email: str | None) -> None:
        _check({"name": name, "email": email})
        self._updated(name=name, email=email)

    @event(Updated)
    def _updated(self, name: str | None, email: str | None) -> None:
        if name is not None:
            self.name = name
        if email is not None:
            self.email = email

    def set_billing_details(self, change: BillingDetails) -> None:
        """Replaces the fields the change gives; the others stay."""
        details = self.billing_details.merged(change.check())
        if details != self.billing_details:
            self._billing_details_set(details=details.terms())

    @event(BillingDetailsSet)
    def _billing_details_set(self, details: dict[str, Any]) -> None:
        self.billing_details = BillingDetails.from_terms(details)
