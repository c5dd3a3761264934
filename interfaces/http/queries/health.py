"""Liveness, readiness, how far each read model has got, and where one is stuck.

`/health/live` and `/health/ready` are for load balancers and orchestrators: live means the process
answers (restart it if not); ready means it can serve what it is asked (send it traffic): the database
answers, a projection worker is alive, and the read models are within TALLY_READY_LAG_S seconds of the
log's head (default 30)."""

from __future__ import annotations

import logging
import os
import uuid
from collections import Counter

from litestar import Response, get
from litestar.datastructures import State

from application.tally import Tally
from interfaces.resources.health import Health, Liveness, Parked, Readiness, Rebuild
from projections.engine.registry import PROJECTIONS
from projections.engine.tracking import positions
from projections.reads.queries import Queries

log = logging.getLogger("tally.health")

READY_LAG_ENV = "TALLY_READY_LAG_S"
DEFAULT_READY_LAG_S = 30.0
# A worker beats every 2 s (projections/engine/beats.py): five missed beats is not a slow transaction.
WORKER_SILENT_MAX_S = 10.0


def ready_lag_s(env: dict[str, str] | os._Environ[str] = os.environ) -> float:
    text = env.get(READY_LAG_ENV, "").strip()
    try:
        return float(text) if text else DEFAULT_READY_LAG_S
    except ValueError:
        raise SystemExit(f"{READY_LAG_ENV} must be a number of seconds, not {text!r}") from None


def readiness(queries: Queries, lag_max_s: float) -> Readiness:
    try:
        vitals = queries.vitals()
    except Exception as exc:
        log.warning("readiness: the database did not answer: %s", type(exc).__name__)
        return Readiness("not_ready", False, False, 0.0, lag_max_s, ["the database does not answer"])
    reasons = []
    worker = vitals.worker_silent_s is not None and vitals.worker_silent_s <= WORKER_SILENT_MAX_S
    if not worker:
        reasons.append(
            "no projection worker has ever run"
            if vitals.worker_silent_s is None
            else f"no projection worker was heard from for {vitals.worker_silent_s:.0f} s"
        )
    lag = vitals.worst_behind_s
    if vitals.head and not vitals.read_models:
        reasons.append("no read model has applied any of the log yet")
    elif lag > lag_max_s:
        reasons.append(f"a read model is {lag:.0f} s behind the log (at most {lag_max_s:.0f} s)")
    return Readiness("not_ready" if reasons else "ready", True, worker, round(lag, 3), lag_max_s, reasons)


class HealthQueries:
    """The queries half of a resource's controller (interfaces/http/controllers.py)."""

    @get(operation_id="GetHealth", sync_to_thread=True, opt={"optional_key": True})
    def health(self, tally: Tally, queries: Queries, caller: uuid.UUID | None) -> Health:
        """The log head and each projection's position. `status` is `degraded` when a projection has parked
        events it could not apply, else `catching_up` or `ok`. `parked` without a key: how many events each
        projection has parked, over all businesses; with a key: the key's business's own, with the position
        each is stuck at. `rebuilding`: the read models an upgrade (or `tally projections rebuild`) is rebuilding
        while the ones shown serve, each with its new generation's position and the head it catches up to."""
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
        rebuilding = {r.name: Rebuild(r.done, r.total) for r in queries.rebuilding(head)}
        return Health(status=status, position=head, projections=at, parked=parked, rebuilding=rebuilding)

    @get("/live", operation_id="GetLiveness")
    async def live(self) -> Liveness:
        """200 while the process answers; nothing else is asked (no database)."""
        return Liveness("alive")

    @get("/ready", operation_id="GetReadiness", sync_to_thread=True)
    def ready(self, queries: Queries, state: State) -> Response[Readiness]:
        """200 `ready` when the database answers, a projection worker is alive and every read model served is
        within TALLY_READY_LAG_S seconds of the log's head; else 503 `not_ready` with the reasons."""
        answer = readiness(queries, state.ready_lag_s)
        return Response(answer, status_code=200 if answer.status == "ready" else 503)
