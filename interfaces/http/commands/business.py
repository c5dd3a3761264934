"""The business's own details: who its invoices say they are from."""

from __future__ import annotations

import uuid

import msgspec
from litestar import patch

from application.tally import Tally
from application.written import Written
from domain.portal import PortalSettings
from interfaces.http.queries.business import BusinessView, business_view
from interfaces.resources.customers import BillingDetailsUpdate


class PortalUpdate(msgspec.Struct, forbid_unknown_fields=True):
    """The customer portal's settings (docs/portal.md); each given field replaces the stored one."""

    display_name: str | None = None
    logo_url: str | None = None
    accent_color: str | None = None
    return_url: str | None = None
    allow_cancel: bool | None = None

    def settings(self) -> PortalSettings:
        return PortalSettings(**msgspec.structs.asdict(self))


class BusinessUpdate(msgspec.Struct, forbid_unknown_fields=True):
    """Each given field of the billing details replaces the stored one (the address whole); so does each given
    portal setting."""

    billing_details: BillingDetailsUpdate | None = None
    portal: PortalUpdate | None = None


class BusinessWritten(BusinessView):
    position: int


class BusinessCommands:
    """The commands half of a resource's controller (interfaces/http/controllers.py)."""

    @patch(operation_id="UpdateBusiness", sync_to_thread=True)
    def update_business(self, data: BusinessUpdate, tally: Tally, business: uuid.UUID) -> BusinessWritten:
        """Set the billing details the business's invoices show under "From" (legal name, email, tax id,
        address), on the page and in the PDF, beside the business's name; and the customer portal's settings
        (`portal`: display name, logo, accent colour, return URL, whether customers may cancel there)."""
        done = Written.by(business, [])
        if data.billing_details is not None:
            done = tally.businesses.set_billing_details(business, data.billing_details.details())
        if data.portal is not None:
            done = tally.businesses.set_portal(business, data.portal.settings())
        shown = business_view(tally, business)
        return BusinessWritten(**msgspec.structs.asdict(shown), position=done.position)
