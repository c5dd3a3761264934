"""Customer portal sessions in Dodo's shape: a link that opens the portal as one customer, and revoking them
all (docs/portal.md)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import msgspec
from litestar import Request, delete, post

from application.tally import Tally
from domain.errors import Fault, Invalid
from domain.portal import url_faults
from interfaces.portal.tokens import issue


class PortalSession(msgspec.Struct):
    """Dodo's CustomerPortalSession."""

    link: str


class PortalSessionCommands:
    """Part of the customers controller (interfaces/http/controllers.py)."""

    @post(
        "/{customer_id:str}/customer-portal/session",
        operation_id="CreateCustomerPortalSession",
        sync_to_thread=True,
        status_code=200,
    )
    def create_portal_session(
        self,
        request: Request[Any, Any, Any],
        customer_id: str,
        tally: Tally,
        business: uuid.UUID,
        send_email: bool | None = None,
        return_url: str | None = None,
    ) -> PortalSession:
        """A link that opens the customer portal signed in as this customer only, for `TALLY_PORTAL_TTL_S`
        (24 h by default) or until revoked. `return_url` overrides the business's portal `return_url` for this
        session. tally sends no email: `send_email=true` is refused (422); send the link yourself."""
        faults = url_faults("return_url", return_url)
        if send_email:
            faults.append(Fault("send_email", "tally sends no email: ask with send_email=false and send the link"))
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the portal session", "invalid_portal_session", faults)
        tally.portal_sessions.customer(business, customer_id)
        token = issue(request.app.state.portal_key, business, customer_id, return_url, datetime.now(UTC))
        return PortalSession(f"{str(request.base_url).rstrip('/')}/portal/open?token={token}")

    @delete(
        "/{customer_id:str}/customer-portal/sessions", operation_id="RevokeCustomerPortalSessions", sync_to_thread=True
    )
    def revoke_portal_sessions(self, customer_id: str, tally: Tally, business: uuid.UUID) -> None:
        """Every portal link and session of this customer issued until now stops working (401 on its next use)."""
        tally.portal_sessions.revoke(business, customer_id, datetime.now(UTC))
