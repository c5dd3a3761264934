"""Customer commands."""
from __future__ import annotations

import secrets
import uuid

from eventsourcing.persistence import IntegrityError

from application.written import Written
from domain.billing_details import BillingDetails
from domain.customer import Customer, customer_id
from domain.errors import Conflict, NotFound
from store.event_store import EventStore


class Customers:
    def __init__(self, store: EventStore) -> None:
        self.repository = store.repository
        self.save = store.save

    def create_customer(
        self, business: uuid.UUID, external_id: str | None, name: str | None, email: str | None
    ) -> Written[str]:
        external_id = external_id or f"cus_{secrets.token_hex(8)}"
        customer = Customer.register(business, external_id, name, email)
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
        self, business: uuid.UUID, external_id: str, name: str | None, email: str | None,
        billing_details: BillingDetails | None = None,
    ) -> Written[str]:
        """One save: a rule broken by any part changes nothing."""
        customer = self.get_customer(business, external_id)
        if billing_details is not None:
            customer.set_billing_details(billing_details)
        if billing_details is None or name is not None or email is not None:
            customer.update(name=name, email=email)
        return Written.by(external_id, self.save(customer))
