"""Customer commands."""
from __future__ import annotations

import uuid
from typing import Annotated

import msgspec
from litestar import patch, post

from application.tally import Tally
from interfaces.http.schemas.customers import CustomerWritten
from projections.customers import CustomerView, customer_view

ExternalId = Annotated[str, msgspec.Meta(min_length=1, max_length=255)]
Name = Annotated[str, msgspec.Meta(max_length=500)]


class CustomerCreate(msgspec.Struct, forbid_unknown_fields=True):
    customer_id: ExternalId | None = None
    name: Name | None = None
    email: Name | None = None


class CustomerUpdate(msgspec.Struct, forbid_unknown_fields=True):
    name: Name | None = None
    email: Name | None = None


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
        """Change a customer's name or email."""
        done = tally.customers.update_customer(business, customer_id, data.name, data.email)
        return _written(customer_view(tally.customers.get_customer(business, done.id)), done.position)
