"""The business the key belongs to, as its invoices name it."""

from __future__ import annotations

import uuid

import msgspec
from litestar import get

from application.tally import Tally
from projections.customers.projection import BillingDetailsView, billing_details_view


class PortalView(msgspec.Struct):
    display_name: str | None
    logo_url: str | None
    accent_color: str | None
    return_url: str | None
    allow_cancel: bool


class BusinessView(msgspec.Struct):
    id: uuid.UUID
    name: str
    billing_details: BillingDetailsView
    portal: PortalView


def business_view(tally: Tally, business: uuid.UUID) -> BusinessView:
    found = tally.businesses.get(business)
    p = found.portal
    portal = PortalView(p.display_name, p.logo_url, p.accent_color, p.return_url, bool(p.allow_cancel))
    return BusinessView(found.id, found.name, billing_details_view(found.billing_details), portal)


class BusinessQueries:
    """The queries half of a resource's controller (interfaces/http/controllers.py)."""

    @get(operation_id="GetBusiness", sync_to_thread=True)
    def get_business(self, tally: Tally, business: uuid.UUID) -> BusinessView:
        """The business the key belongs to: its name, the billing details its invoices show, and its customer
        portal's settings."""
        return business_view(tally, business)
