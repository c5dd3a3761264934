"""Customer commands."""

from __future__ import annotations

import secrets
import uuid
from typing import Any

from eventsourcing.persistence import IntegrityError

from application.written import Written
from domain.billing_details import BillingDetails
from domain.customer import Customer, customer_id
from domain.errors import Conflict, NotFound
from domain.metadata import MetadataValue
from store.event_store import EventStore


class Customers:
    def __init__(self, store: EventStore) -> None:
        self.repository = store.repository
        self.save = store.save

    def create_customer(
        self,
        business: uuid.UUID,
        external_id: str | None,
        name: str | None,
        email: str | None,
        phone_number: str | None = None,
        metadata: dict[str, MetadataValue] | None = None,
    ) -> Written[str]:
        external_id = external_id or f"cus_{secrets.token_hex(8)}"
        customer = Customer.register(business, external_id, name, email, phone_number, metadata)
        try:
            recordings = self.save(customer)
        except IntegrityError:
            raise Conflict(f"customer {external_id} already exists", "customer_exists") from None
        return Written.by(external_id, recordings)

    def get_customer(self, business: uuid.UUID, external_id: str) -> Customer:
        cid = customer_id(business, external_id)
        if cid not in self.repository:
            raise NotFound("customer", external_id)
        return self.repository.get(cid)

    def update_customer(
        self,
        business: uuid.UUID,
        external_id: str,
        changes: dict[str, Any],
        billing_details: BillingDetails | None = None,
    ) -> Written[str]:
        """`changes` names the details to set (domain/customer.py CHANGEABLE); the rest keep their values.
        One save: a rule broken by any part changes nothing."""
        customer = self.get_customer(business, external_id)
        if billing_details is not None:
            customer.set_billing_details(billing_details)
        customer.update(changes)
        return Written.by(external_id, self.save(customer))
