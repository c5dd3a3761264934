"""The business the key belongs to, as its invoices name it."""

from __future__ import annotations

import uuid

import msgspec
from litestar import get

from application.tally import Tally
from projections.customers.projection import BillingDetailsView, billing_details_view


class BusinessView(msgspec.Struct):
    id: uuid.UUID
    name: str
    billing_details: BillingDetailsView


def business_view(tally: Tally, business: uuid.UUID) -> BusinessView:
    found = tally.businesses.get(business)
    return BusinessView(found.id, found.name, billing_details_view(found.billing_details))


class BusinessQueries:
    """The queries half of a resource's controller (interfaces/http/controllers.py)."""

    @get(operation_id="GetBusiness", sync_to_thread=True)
    def get_business(self, tally: Tally, business: uuid.UUID) -> BusinessView:
        """The business the key belongs to: its name and the billing details its invoices show."""
        return business_view(tally, business)
