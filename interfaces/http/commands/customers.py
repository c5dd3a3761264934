"""Customer commands."""
from __future__ import annotations

import uuid
from typing import Annotated

import msgspec
from litestar import patch, post

from application.tally import Tally
from domain.billing_details import Address, BillingDetails
from interfaces.http.schemas.customers import CustomerWritten
from projections.customers import CustomerView, customer_view

ExternalId = Annotated[str, msgspec.Meta(min_length=1, max_length=255)]
Name = Annotated[str, msgspec.Meta(max_length=500)]


class CustomerCreate(msgspec.Struct, forbid_unknown_fields=True):
    customer_id: ExternalId | None = None
    name: Name | None = None
    email: Name | None = None


class AddressUpdate(msgspec.Struct, forbid_unknown_fields=True):
    country: Annotated[str, msgspec.Meta(min_length=2, max_length=2)]
    street: Name | None = None
    city: Name | None = None
    state: Name | None = None
    zipcode: Name | None = None


class BillingDetailsUpdate(msgspec.Struct, forbid_unknown_fields=True):
    """Who invoices are addressed to; each given field replaces the stored one (the address whole)."""

    legal_name: Name | None = None
    email: Name | None = None
    tax_id: Name | None = None
    address: AddressUpdate | None = None

    def details(self) -> BillingDetails:
        a = self.address
        return BillingDetails(self.legal_name, self.email, self.tax_id,
                              Address(a.country, a.street, a.city, a.state, a.zipcode) if a else None)


class CustomerUpdate(msgspec.Struct, forbid_unknown_fields=True):
    name: Name | None = None
    email: Name | None = None
    billing_details: BillingDetailsUpdate | None = None


def _written(view: CustomerView, position: int) -> CustomerWritten:
    return CustomerWritten(**msgspec.structs.asdict(view), position=position)


class CustomerCommands:
    """The commands half of a resource's controller (interfaces/http/controllers.py)."""

    @post(operation_id="CreateCustomer", sync_to_thread=True)
    def create_customer(self, data: CustomerCreate, tally: Tally, business: uuid.UUID) -> CustomerWritten:
        """Create a customer. `customer_id` is the external id your usage events carry; one is generated if
        absent."""
        done = tally.customers.create_customer(business, data.customer_id, data.name, data.email)
        return _written(customer_view(tally.customers.get_customer(business, done.id)), done.position)

    @patch("/{customer_id:str}", operation_id="UpdateCustomer", sync_to_thread=True)
    def update_customer(self, customer_id: str, data: CustomerUpdate, tally: Tally,
                        business: uuid.UUID) -> CustomerWritten:
        """Change a customer's name or email, or the billing details its invoices are issued to (copied onto
        each invoice when issued: later changes leave issued invoices as they are)."""
        done = tally.customers.update_customer(business, customer_id, data.name, data.email,
                                               data.billing_details.details() if data.billing_details else None)
        return _written(customer_view(tally.customers.get_customer(business, done.id)), done.position)
