"""Liveness, how far each read model has got, and where one is stuck."""

from __future__ import annotations

from litestar import get

from application.tally import Tally
from interfaces.resources.health import Health, Parked
from projections.engine.registry import PROJECTIONS
from projections.engine.tracking import positions
from projections.reads.queries import Queries


class HealthQueries:
    """The queries half of a resource's controller (interfaces/http/controllers.py)."""

    @get(operation_id="GetHealth", sync_to_thread=True, opt={"public": True})
    def health(self, tally: Tally, queries: Queries) -> Health:
        """The log head and each projection's position. `status` is `degraded` when a projection has parked
        events it could not apply (listed in `parked`), else `catching_up` or `ok`."""
        head = tally.store.head()
        at = positions(tally.store)
        stuck = queries.stuck(list(PROJECTIONS))
        behind = any(p < head for p in at.values()) or not at
        status = "degraded" if stuck else "catching_up" if behind and head else "ok"
        return Health(
            status=status,
            position=head,
            projections=at,
            parked=[Parked(s.projection, s.position, s.events) for s in stuck],
        )
