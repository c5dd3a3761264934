"""What handlers are given: the application, the caller's business, and a
read-your-writes wait on the log position the caller last saw."""
from __future__ import annotations

import uuid

from litestar import Request
from litestar.datastructures import State
from litestar.di import Provide
from litestar.params import Parameter

from application.tally import Tally
from domain.errors import NotReady
from projections.worker import wait_for

READ_WAIT_S = 5.0


def provide_tally(state: State) -> Tally:
    return state.tally


def provide_business(request: Request, tally: Tally) -> uuid.UUID:
    header = request.headers.get("authorization", "")
    scheme, _, key = header.partition(" ")
    return tally.businesses.authenticate(key.strip() if scheme.lower() == "bearer" else None)


def provide_position(
    tally: Tally, state: State,
    min_position: int = Parameter(default=0, ge=0, description="Wait until read models include this log position"),
) -> int:
    if min_position and not wait_for(tally.store, state.projection_names, min_position, READ_WAIT_S):
        raise NotReady(f"read models have not reached position {min_position} within {READ_WAIT_S:.0f}s; retry",
                       "projections_behind")
    return min_position


DEPENDENCIES = {
    "tally": Provide(provide_tally, sync_to_thread=False),
    "business": Provide(provide_business, sync_to_thread=True),
    "position_reached": Provide(provide_position, sync_to_thread=True),
}
