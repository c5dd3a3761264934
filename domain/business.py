"""A business: the tenant that owns customers, meters and products, and its API keys."""
from __future__ import annotations

import uuid

from eventsourcing.domain import Aggregate, event

from domain.ids import business_id


class Business(Aggregate):
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
