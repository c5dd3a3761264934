"""A business: the tenant that owns customers, meters and products, and its API keys."""
from __future__ import annotations

import uuid

from eventsourcing.domain import Aggregate, event

from domain.errors import Fault, Invalid
from domain.ids import business_id
from domain.text import line_faults, printable

MAX_NAME_LENGTH = 200


def _check_name(name: str) -> None:
    faults = line_faults({"name": name})
    if not name.strip() or len(name) > MAX_NAME_LENGTH:
        faults.append(Fault("name", f"must be 1 to {MAX_NAME_LENGTH} characters"))
    if faults:
        raise Invalid(f"invalid business name {printable(name)!r}", "invalid_business", faults)


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
        self.key_hashes: list[str] = []

    def issue_key(self, key_hash: str) -> None:
        if key_hash not in self.key_hashes:
            self._key_issued(key_hash=key_hash)

    @event("ApiKeyIssued")
    def _key_issued(self, key_hash: str) -> None:
        self.key_hashes.append(key_hash)

    def revoke_key(self, key_hash: str) -> None:
        if key_hash in self.key_hashes:
            self._key_revoked(key_hash=key_hash)

    @event("ApiKeyRevoked")
    def _key_revoked(self, key_hash: str) -> None:
        self.key_hashes.remove(key_hash)
