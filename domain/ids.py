"""Natural keys become ids: uuid5 of (scope, external key), so the event store's
primary key does the deduplicating."""

from __future__ import annotations

import uuid
from hashlib import sha1

NAMESPACE = uuid.UUID("5b0e6b8e-3c1d-4f0a-9a51-7a6c1f0d7e42")


def business_id(name: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"business:{name}")


# uuid.uuid5's bits, set on the integer directly: ingestion derives one id per event, and the stdlib's
# checks in UUID.__init__ were half of that cost.
_VERSION_CLEAR = ~((0xF000 << 64) | (0xC000 << 48))
_VERSION_5 = (5 << 76) | (0x8000 << 48)
_new = object.__new__
_set = object.__setattr__


def scoped_id(scope: uuid.UUID, kind: str, key: str) -> uuid.UUID:
    """uuid.uuid5(scope, f"{kind}:{key}"), the same value (property-tested)."""
    digest = sha1(scope.bytes + f"{kind}:{key}".encode(), usedforsecurity=False).digest()
    made = _new(uuid.UUID)
    _set(made, "int", (int.from_bytes(digest[:16]) & _VERSION_CLEAR) | _VERSION_5)
    _set(made, "is_safe", uuid.SafeUUID.unknown)
    return made
