"""Customers: Dodo's bodies (its SDK's customer_create_params / customer_update_params), what a command
answers, and the list's search parameter."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

import msgspec
from litestar.params import Parameter

from domain.billing_details import Address, BillingDetails
from domain.metadata import MetadataValue
from projections.customers.projection import CustomerView

ExternalId = Annotated[str, msgspec.Meta(min_length=1, max_length=255)]
Name = Annotated[str, msgspec.Meta(max_length=500)]
Metadata = dict[str, str | int | float | bool]


def metadata(given: Metadata | None) -> dict[str, MetadataValue] | None:
    """JSON numbers as Decimal (the domain refuses floats): through their shortest text, as sent."""
    if given is None:
        return None
    return {k: Decimal(repr(v)) if isinstance(v, float) else v for k, v in given.items()}


class CustomerCreate(msgspec.Struct, forbid_unknown_fields=True):
    customer_id: ExternalId | None = None
    name: Name | None = None
    email: Name | None = None
    phone_number: Name | None = None
    metadata: Metadata | None = None


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
        return BillingDetails(
            self.legal_name,
            self.email,
            self.tax_id,
            Address(a.country, a.street, a.city, a.state, a.zipcode) if a else None,
        )


class CustomerUpdate(msgspec.Struct, forbid_unknown_fields=True):
    """Only the fields sent change; null clears one. A detail added to the customer is one more field here
    (named as in domain/customer.py CHANGEABLE)."""

    name: Name | None | msgspec.UnsetType = msgspec.UNSET
    email: Name | None | msgspec.UnsetType = msgspec.UNSET
    phone_number: Name | None | msgspec.UnsetType = msgspec.UNSET
    metadata: Metadata | None | msgspec.UnsetType = msgspec.UNSET
    # tally's own: who invoices are issued to, kept by its own event (domain/billing_details.py).
    billing_details: BillingDetailsUpdate | msgspec.UnsetType = msgspec.UNSET

    def changes(self) -> dict[str, Any]:
        given = {
            f: getattr(self, f)
            for f in self.__struct_fields__
            if getattr(self, f) is not msgspec.UNSET and f != "billing_details"
        }
        if "metadata" in given:
            given["metadata"] = metadata(given["metadata"])
        return given


class CustomerWritten(CustomerView):
    position: int = 0


Search = Annotated[
    str | None, Parameter(max_length=200, description="Text the customer's id, name or email contains, in any case")
]
