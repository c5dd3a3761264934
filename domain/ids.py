"""Natural keys become ids: uuid5 of (scope, external key), so the event store's
primary key does the deduplicating."""
from __future__ import annotations

import uuid

NAMESPACE = uuid.UUID("5b0e6b8e-3c1d-4f0a-9a51-7a6c1f0d7e42")


def business_id(name: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"business:{name}")


def scoped_id(scope: uuid.UUID, kind: str, key: str) -> uuid.UUID:
    return uuid.uuid5(scope, f"{kind}:{key}")
