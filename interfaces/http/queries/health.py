"""Liveness, how far each read model has got, and where one is stuck."""

from __future__ import annotations

import uuid
from collections import Counter

from litestar import get

from application.tally import Tally
from interfaces.resources.health import Health, Parked
from projections.engine.registry import PROJECTIONS
from projections.engine.tracking import positions
from projections.reads.queries import Queries


class HealthQueries:
    """The queries half of a resource's controller (interfaces/http/controllers.py)."""

    @get(operation_id="GetHealth", sync_to_thread=True, opt={"optional_key": True})
    def health(self, tally: Tally, queries: Queries, caller: uuid.UUID | None) -> Health:
        """The log head and each projection's position. `status` is `degraded` when a projection has parked
        events it could not apply, else `catching_up` or `ok`. `parked` without a key: how many events each
        projection has parked, over all businesses; with a key: the key's business's own, with the position
        each is stuck at."""
        head = tally.store.head()
        at = positions(tally.store)
        stuck = queries.stuck(list(PROJECTIONS))
        behind = any(p < head for p in at.values()) or not at
        status = "degraded" if stuck else "catching_up" if behind and head else "ok"
        if caller is None:
            totals: Counter[str] = Counter()
            for s in stuck:
                totals[s.projection] += s.events
            parked = [Parked(name, events) for name, events in totals.items()]
        else:
            parked = [Parked(s.projection, s.events, s.position) for s in stuck if s.business_id in (caller, None)]
        return Health(status=status, position=head, projections=at, parked=parked)
