"""Businesses and their API keys. A key names its business, so checking one is a
single aggregate read with no read model in between."""
from __future__ import annotations

import hashlib
import secrets
import time
import uuid
from typing import Any

from eventsourcing.persistence import IntegrityError

from domain.business import Business
from domain.errors import Unauthorized
from domain.ids import business_id

KEY_PREFIX = "tally"
KEY_CACHE_SECONDS = 5.0


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class BusinessCommands:
    repository: Any
    save: Any

    _key_cache: dict[str, tuple[uuid.UUID, float]]

    def register_business(self, name: str) -> uuid.UUID:
        """Registers the business if it is new; either way returns its id."""
        bid = business_id(name)
        if bid not in self.repository:
            try:
                self.save(Business.register(name))
            except IntegrityError:
                pass  # registered concurrently: same id, same name
        return bid

    def create_key(self, name: str) -> str:
        bid = self.register_business(name)
        key = f"{KEY_PREFIX}_{bid.hex}_{secrets.token_urlsafe(24)}"
        business = self.repository.get(bid)
        business.issue_key(hash_key(key))
        self.save(business)
        return key

    def authenticate(self, key: str | None) -> uuid.UUID:
        """The business a key belongs to; Unauthorized for anything else."""
        if not key:
            raise Unauthorized()
        cache = self.__dict__.setdefault("_key_cache", {})
        hit = cache.get(key)
        now = time.monotonic()
        if hit and hit[1] > now:
            return hit[0]
        parts = key.split("_", 2)
        if len(parts) != 3 or parts[0] != KEY_PREFIX:
            raise Unauthorized("the API key is not valid")
        try:
            bid = uuid.UUID(hex=parts[1])
        except ValueError:
            raise Unauthorized("the API key is not valid") from None
        if bid not in self.repository or hash_key(key) not in self.repository.get(bid).key_hashes:
            raise Unauthorized("the API key is not valid")
        cache[key] = (bid, now + KEY_CACHE_SECONDS)
        return bid
