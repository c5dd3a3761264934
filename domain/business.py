"""A business: the tenant that owns customers, meters and products, and its API keys.

Only a key's SHA-256 is recorded. A key is named by an id derived from that hash
(`key_id`), so keys issued before ids existed have one too, and the id shows nothing
of the key or of its stored hash."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from eventsourcing.domain import Aggregate, event

from domain.billing_details import BillingDetails
from domain.errors import Fault, Invalid, NotFound
from domain.ids import business_id
from domain.portal import PortalSettings
from domain.text import line_faults, printable

MAX_NAME_LENGTH = 200


def _check_name(name: str) -> None:
    faults = line_faults({"name": name})
    if not name.strip() or len(name) > MAX_NAME_LENGTH:
        faults.append(Fault("name", f"must be 1 to {MAX_NAME_LENGTH} characters"))
    if faults:
        raise Invalid(f"invalid business name {printable(name)!r}", "invalid_business", faults)


KEY_ID_PREFIX = "key"


def key_id(business: uuid.UUID, key_hash: str) -> str:
    """`key_<business hex>_<12 hex>`: the business in the id lets `tally keys revoke KEY_ID` find it."""
    return f"{KEY_ID_PREFIX}_{business.hex}_{hashlib.sha256(b'tally key id:' + key_hash.encode()).hexdigest()[:12]}"


def business_of_key_id(key: str) -> uuid.UUID:
    prefix, _, rest = key.partition("_")
    try:
        if prefix != KEY_ID_PREFIX:
            raise ValueError(key)
        return uuid.UUID(hex=rest.partition("_")[0])
    except ValueError:
        raise NotFound("api_key", key) from None


@dataclass(frozen=True)
class ApiKey:
    id: str
    key_hash: str
    created_at: datetime
    revoked_at: datetime | None = None


class Business(Aggregate):
    @classmethod
    def register(cls, name: str) -> Business:
        """A business name is stored and shown like any other text: one line."""
        _check_name(name)
        return cls(name=name)

    @staticmethod
    def create_id(name: str, **_: object) -> uuid.UUID:
        return business_id(name)

    @event("Registered")
    def __init__(self, name: str) -> None:
        self.name = name
        self.keys: dict[str, ApiKey] = {}
        # Who the business's invoices say they are from, beside its name: legal name, email, tax id, address.
        self.billing_details = BillingDetails()
        self.portal = PortalSettings()

    def set_billing_details(self, change: BillingDetails) -> None:
        """Replaces the fields the change gives; the others stay. Unlike a customer's, they are not copied onto
        each invoice: a document shows the business as it is when rendered (docs/invoices.md)."""
        details = self.billing_details.merged(change.check())
        if details != self.billing_details:
            self._billing_details_set(details=details.terms())

    @event("BillingDetailsSet")
    def _billing_details_set(self, details: dict[str, Any]) -> None:
        self.billing_details = BillingDetails.from_terms(details)

    def set_portal(self, change: PortalSettings) -> None:
        """Replaces the portal settings the change gives; the others stay (docs/portal.md)."""
        settings = self.portal.merged(change.check())
        if settings != self.portal:
            self._portal_set(settings=settings.terms())

    @event("PortalSet")
    def _portal_set(self, settings: dict[str, Any]) -> None:
        self.portal = PortalSettings.from_terms(settings)

    class ApiKeyIssued(Aggregate.Event):
        """Its own `apply`, not an `@event` method: a key's creation time is the event's timestamp."""

        key_hash: str

        def apply(self, aggregate: Aggregate) -> None:
            assert isinstance(aggregate, Business)
            issued = ApiKey(key_id(aggregate.id, self.key_hash), self.key_hash, self.timestamp)
            aggregate.keys[issued.id] = issued

    class ApiKeyRevoked(Aggregate.Event):
        key_hash: str

        def apply(self, aggregate: Aggregate) -> None:
            assert isinstance(aggregate, Business)
            revoked = aggregate.keys[key_id(aggregate.id, self.key_hash)]
            aggregate.keys[revoked.id] = replace(revoked, revoked_at=self.timestamp)

    @property
    def active_key_hashes(self) -> list[str]:
        return [k.key_hash for k in self.keys.values() if k.revoked_at is None]

    def issue_key(self, key_hash: str) -> None:
        if key_id(self.id, key_hash) not in self.keys:
            self.trigger_event(self.ApiKeyIssued, key_hash=key_hash)

    def revoke_key(self, key: str) -> None:
        """Revoking a revoked key changes nothing; an id this business never issued is not found."""
        if key not in self.keys:
            raise NotFound("api_key", key)
        if self.keys[key].revoked_at is None:
            self.trigger_event(self.ApiKeyRevoked, key_hash=self.keys[key].key_hash)
