"""Customer portal sessions (docs/portal.md): who may open one, their revocation, and whether a session a
signed token carries still holds. Signing the tokens is the interface's (interfaces/portal/tokens.py): the
application only knows the customer and when the session was issued."""

from __future__ import annotations

import uuid
from datetime import datetime

from application.customers import Customers
from application.written import Written
from domain.customer import Customer
from domain.errors import NotFound, Unauthorized


class PortalDenied(Unauthorized):
    """A portal session that no longer holds: `reason` is "revoked", "expired" or "invalid"."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


class PortalSessions:
    def __init__(self, customers: Customers) -> None:
        self.customer = customers.get_customer
        self.save = customers.save

    def revoke(self, business: uuid.UUID, external_id: str, now: datetime) -> Written[str]:
        """Every session and link issued for the customer until now stops working."""
        customer = self.customer(business, external_id)
        customer.revoke_portal_sessions(now)
        return Written.by(external_id, self.save(customer))

    def holder(self, business: uuid.UUID, external_id: str, issued_at: datetime) -> Customer:
        """The customer a session issued at `issued_at` holds, unless revoked since (or the customer is gone)."""
        try:
            customer = self.customer(business, external_id)
        except NotFound:
            raise PortalDenied("invalid", "this portal link is not valid") from None
        if not customer.portal_session_valid(issued_at):
            raise PortalDenied("revoked", "this portal link was revoked: ask for a new one")
        return customer
