"""Customer commands."""

from __future__ import annotations

import uuid

import msgspec
from litestar import patch, post

from application.tally import Tally
from interfaces.resources.customers import (
    BillingDetailsUpdate,
    CustomerCreate,
    CustomerUpdate,
    CustomerWritten,
    metadata,
)
from projections.customers.projection import CustomerView, customer_view


def _written(view: CustomerView, position: int) -> CustomerWritten:
    return CustomerWritten(**msgspec.structs.asdict(view), position=position)


class CustomerCommands:
    """The commands half of a resource's controller (interfaces/http/controllers.py)."""

    @post(operation_id="CreateCustomer", sync_to_thread=True, opt={"problems": (409,)})
    def create_customer(self, data: CustomerCreate, tally: Tally, business: uuid.UUID) -> CustomerWritten:
        """Create a customer. `customer_id` is the external id your usage events carry; one is generated if
        absent. It may not contain `/` or be `.` or `..`, so that it can be fetched back by id."""
        done = tally.customers.create_customer(
            business, data.customer_id, data.name, data.email, data.phone_number, metadata(data.metadata)
        )
        return _written(customer_view(tally.customers.get_customer(business, done.id)), done.position)

    @patch("/{customer_id:str}", operation_id="UpdateCustomer", sync_to_thread=True)
    def update_customer(
        self, customer_id: str, data: CustomerUpdate, tally: Tally, business: uuid.UUID
    ) -> CustomerWritten:
        """Change a customer's details (only the fields sent change, and null clears one), or the billing
        details its invoices are issued to (copied onto each invoice when issued: later changes leave issued
        invoices as they are)."""
        details = data.billing_details.details() if isinstance(data.billing_details, BillingDetailsUpdate) else None
        done = tally.customers.update_customer(business, customer_id, data.changes(), details)
        return _written(customer_view(tally.customers.get_customer(business, done.id)), done.position)
