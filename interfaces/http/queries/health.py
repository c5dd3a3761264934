"""Liveness and how far each read model has got."""
from __future__ import annotations

import msgspec
from litestar import get

from application.tally import Tally
from projections.worker import positions


class Health(msgspec.Struct):
    status: str
    position: int
    projections: dict[str, int]


@get("/health", sync_to_thread=True, tags=["health"])
def health(tally: Tally) -> Health:
    """The log head and each projection's position; `status` is `ok` or `catching_up`."""
    head = tally.store.head()
    at = positions(tally.store)
    behind = any(p < head for p in at.values()) or not at
    return Health(status="catching_up" if behind and head else "ok", position=head, projections=at)


HANDLERS = [health]
