"""A customer of a business, known to it by an external id used in usage events."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from eventsourcing.domain import Aggregate, event

from domain.billing_details import BillingDetails
from domain.errors import Fault, Invalid
from domain.ids import scoped_id
from domain.metadata import MetadataValue, metadata_faults
from domain.text import id_fault, line_faults

# What a change (PATCH /customers/{id}) may set. A new detail is one more name here, a field of the
# aggregate, a rule in `_faults` if it is not a line of text, and a column of the customers read model.
CHANGEABLE = ("name", "email", "phone_number", "metadata")


def customer_id(business: uuid.UUID, external_id: str) -> uuid.UUID:
    return scoped_id(business, "customer", external_id)


def _faults(fields: dict[str, Any]) -> list[Fault]:
    faults = line_faults({k: v for k, v in fields.items() if k != "metadata"})
    if fields.get("metadata") is not None:
        faults += metadata_faults(fields["metadata"])
    return faults


def _check(fields: dict[str, Any]) -> None:
    faults = _faults(fields)
    if faults:
        raise Invalid(f"{len(faults)} fault(s) in the customer", "invalid_customer", faults)


class Customer(Aggregate):
    class Created(Aggregate.Created):
        class_version = 2
        business_id: uuid.UUID
        external_id: str
        name: str | None
        email: str | None
        phone_number: str | None
        metadata: dict[str, MetadataValue]

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["phone_number"] = None
            state["metadata"] = {}

    class Updated(Aggregate.Event):
        """The details a change set, by name (see CHANGEABLE); a detail it does not name kept its value."""

        class_version = 2
        changes: dict[str, Any]

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            # Version 1 held name and email, None meaning "unchanged".
            old = {k: state.pop(k, None) for k in ("name", "email")}
            state["changes"] = {k: v for k, v in old.items() if v is not None}

    class BillingDetailsSet(Aggregate.Event):
        """The whole billing details after the change (docs/invoices.md)."""

        details: dict[str, Any]

    class PortalSessionsRevoked(Aggregate.Event):
        """Every portal link and session issued before `revoked_at` stops working (docs/portal.md)."""

        revoked_at: datetime

    @classmethod
    def register(
        cls,
        business_id: uuid.UUID,
        external_id: str,
        name: str | None,
        email: str | None,
        phone_number: str | None = None,
        metadata: dict[str, MetadataValue] | None = None,
    ) -> Customer:
        fields = {
            "customer_id": external_id,
            "name": name,
            "email": email,
            "phone_number": phone_number,
            "metadata": metadata,
        }
        faults = _faults(fields) + id_fault("customer_id", external_id)
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the customer", "invalid_customer", faults)
        return cls(
            business_id=business_id,
            external_id=external_id,
            name=name,
            email=email,
            phone_number=phone_number,
            metadata=metadata or {},
        )

    @staticmethod
    def create_id(business_id: uuid.UUID, external_id: str, **_: object) -> uuid.UUID:
        return customer_id(business_id, external_id)

    @event(Created)
    def __init__(
        self,
        business_id: uuid.UUID,
        external_id: str,
        name: str | None,
        email: str | None,
        phone_number: str | None,
        metadata: dict[str, MetadataValue],
    ) -> None:
        self.business_id = business_id
        self.external_id = external_id
        self.name = name
        self.email = email
        self.phone_number = phone_number
        self.metadata = metadata
        self.billing_details = BillingDetails()
        self.portal_revoked_at: datetime | None = None

    def update(self, changes: dict[str, Any]) -> None:
        """Sets the details named (null clears one; metadata null is no metadata); nothing named, no event."""
        unknown = [Fault(k, "cannot be changed") for k in changes if k not in CHANGEABLE]
        if unknown:
            raise Invalid("unknown customer detail", "invalid_customer", unknown)
        _check(changes)
        if "metadata" in changes and changes["metadata"] is None:
            changes = {**changes, "metadata": {}}
        if changes:
            self._updated(changes=changes)

    @event(Updated)
    def _updated(self, changes: dict[str, Any]) -> None:
        for name, value in changes.items():
            setattr(self, name, value)

    def set_billing_details(self, change: BillingDetails) -> None:
        """Replaces the fields the change gives; the others stay."""
        details = self.billing_details.merged(change.check())
        if details != self.billing_details:
            self._billing_details_set(details=details.terms())

    @event(BillingDetailsSet)
    def _billing_details_set(self, details: dict[str, Any]) -> None:
        self.billing_details = BillingDetails.from_terms(details)

    def revoke_portal_sessions(self, now: datetime) -> None:
        self._portal_sessions_revoked(revoked_at=now)

    def portal_session_valid(self, issued_at: datetime) -> bool:
        """A portal session issued at `issued_at` is not revoked."""
        return self.portal_revoked_at is None or issued_at > self.portal_revoked_at

    @event(PortalSessionsRevoked)
    def _portal_sessions_revoked(self, revoked_at: datetime) -> None:
        self.portal_revoked_at = revoked_at
