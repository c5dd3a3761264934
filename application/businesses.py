"""Businesses and their API keys. A key names its business, so checking one is a
single aggregate read with no read model in between.

A key that checks out is cached per process for KEY_CACHE_SECONDS: a revocation made
in this process ends it at once, one made elsewhere (`tally keys revoke` next to a
running `tally serve`) once that cache entry expires."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError

from application.written import Written
from domain.billing_details import BillingDetails
from domain.business import Business, business_of_key_id
from domain.errors import NotFound, Unauthorized
from domain.ids import business_id
from domain.portal import PortalSettings
from store.event_store import EventStore

KEY_PREFIX = "tally"
KEY_CACHE_SECONDS = 5.0
# Compared against when the key's business does not exist, so that costs what a wrong key does.
_NO_SUCH_HASH = hashlib.sha256(b"no business holds this key").hexdigest()


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True)
class KeyListing:
    """What may be shown about a key: never the key, never its hash."""

    id: str
    created_at: datetime
    revoked_at: datetime | None


class Businesses:
    def __init__(
        self,
        store: EventStore,
        key_cache_seconds: float = KEY_CACHE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.repository = store.repository
        self.save = store.save
        self.key_cache_seconds = key_cache_seconds
        self.clock = clock
        self._key_cache: dict[str, tuple[uuid.UUID, float]] = {}

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
        return self.issue_key(self.register_business(name))

    def issue_key(self, bid: uuid.UUID) -> str:
        """A new key of an existing business; only its hash is kept, so this is the one time it is seen."""
        business = self._business(bid)
        if business is None:
            raise NotFound("business", bid)
        key = f"{KEY_PREFIX}_{bid.hex}_{secrets.token_urlsafe(24)}"
        business.issue_key(hash_key(key))
        self.save(business)
        return key

    def business_named(self, name: str) -> uuid.UUID:
        bid = business_id(name)
        if self._business(bid) is None:
            raise NotFound("business", name)
        return bid

    def list_keys(self, business: uuid.UUID) -> list[KeyListing]:
        """The business's keys, newest first, revoked ones included."""
        found = self._business(business)
        if found is None:
            raise NotFound("business", business)
        keys = sorted(found.keys.values(), key=lambda k: k.created_at, reverse=True)
        return [KeyListing(k.id, k.created_at, k.revoked_at) for k in keys]

    def revoke_key(self, key_id: str, business: uuid.UUID | None = None) -> None:
        """Revokes the key; `business` None is the operator's view (CLI), else only that business's keys."""
        owner = business_of_key_id(key_id)
        found = self._business(owner)
        if business not in (None, owner) or found is None:
            raise NotFound("api_key", key_id)
        found.revoke_key(key_id)
        self.save(found)
        cache = self._key_cache
        for key in [k for k, (bid, _) in cache.items() if bid == owner]:
            del cache[key]  # the others of this business are checked again on their next use

    def authenticate(self, key: str | None) -> uuid.UUID:
        """The business a key belongs to; Unauthorized for anything else."""
        if not key:
            raise Unauthorized()
        cache = self._key_cache
        hit = cache.get(key)
        now = self.clock()
        if hit and hit[1] > now:
            return hit[0]
        parts = key.split("_", 2)
        if len(parts) != 3 or parts[0] != KEY_PREFIX:
            raise Unauthorized("the API key is not valid")
        try:
            bid = uuid.UUID(hex=parts[1])
        except ValueError:
            raise Unauthorized("the API key is not valid") from None
        if not self._holds_key(bid, hash_key(key)):
            raise Unauthorized("the API key is not valid")
        cache[key] = (bid, now + self.key_cache_seconds)
        return bid

    def _holds_key(self, business: uuid.UUID, key_hash: str) -> bool:
        """The same work whether the business exists or not: one read, then constant-time comparisons."""
        found = self._business(business)
        hashes = found.active_key_hashes if found else []
        matched = False
        for stored in hashes or [_NO_SUCH_HASH]:
            matched |= hmac.compare_digest(stored, key_hash)
        return matched

    def name_of(self, business: uuid.UUID) -> str:
        return self.get(business).name

    def get(self, business: uuid.UUID) -> Business:
        found = self._business(business)
        if found is None:
            raise NotFound("business", business)
        return found

    def set_billing_details(self, business: uuid.UUID, details: BillingDetails) -> Written[uuid.UUID]:
        found = self.get(business)
        found.set_billing_details(details)
        return Written.by(found.id, self.save(found))

    def set_portal(self, business: uuid.UUID, settings: PortalSettings) -> Written[uuid.UUID]:
        found = self.get(business)
        found.set_portal(settings)
        return Written.by(found.id, self.save(found))

    def _business(self, bid: uuid.UUID) -> Business | None:
        """The business with this id; None when there is none (or the id is another aggregate's)."""
        try:
            found: object = self.repository.get(bid)
        except AggregateNotFoundError:
            return None
        return found if isinstance(found, Business) else None
