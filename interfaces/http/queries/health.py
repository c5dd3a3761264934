"""Liveness, how far each read model has got, and where one is stuck."""
from __future__ import annotations

import msgspec
from litestar import get

from application.tally import Tally
from projections import parking
from projections.registry import PROJECTIONS
from projections.worker import positions


class Parked(msgspec.Struct):
    """A business's events parked in a projection from `position` on (`events` of them). Which business,
    and the error, are for `tally projections status`: /health answers without a key."""

    projection: str
    position: int
    events: int


class Health(msgspec.Struct):
    status: str
    position: int
    projections: dict[str, int]
    parked: list[Parked]


@get("/health", sync_to_thread=True, tags=["health"])
def health(tally: Tally) -> Health:
    """The log head and each projection's position. `status` is `degraded` when a projection has parked
    events it could not apply (listed in `parked`), else `catching_up` or `ok`."""
    head = tally.store.head()
    at = positions(tally.store)
    with tally.store.datastore.transaction(commit=False) as cur:
        stuck = parking.stuck(cur, tally.store.schema, list(PROJECTIONS))
    behind = any(p < head for p in at.values()) or not at
    status = "degraded" if stuck else "catching_up" if behind and head else "ok"
    return Health(status=status, position=head, projections=at,
                  parked=[Parked(s.projection, s.position, s.events) for s in stuck])


HANDLERS = [health]
