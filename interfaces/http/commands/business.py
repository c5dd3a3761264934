"""The business's own details: who its invoices say they are from."""

from __future__ import annotations

import uuid

import msgspec
from litestar import patch

from application.tally import Tally
from interfaces.http.queries.business import BusinessView, business_view
from interfaces.resources.customers import BillingDetailsUpdate


class BusinessUpdate(msgspec.Struct, forbid_unknown_fields=True):
    """Each given field of the billing details replaces the stored one (the address whole)."""

    billing_details: BillingDetailsUpdate


class BusinessWritten(BusinessView):
    position: int


class BusinessCommands:
    """The commands half of a resource's controller (interfaces/http/controllers.py)."""

    @patch(operation_id="UpdateBusiness", sync_to_thread=True)
    def update_business(self, data: BusinessUpdate, tally: Tally, business: uuid.UUID) -> BusinessWritten:
        """Set the billing details the business's invoices show under "From" (legal name, email, tax id,
        address), on the page and in the PDF, beside the business's name."""
        done = tally.businesses.set_billing_details(business, data.billing_details.details())
        shown = business_view(tally, business)
        return BusinessWritten(**msgspec.structs.asdict(shown), position=done.position)
