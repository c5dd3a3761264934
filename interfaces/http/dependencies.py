"""What handlers are given: the application (commands), the read models' queries,
the caller's business, and `fresh`: reads that include the caller's writes
(interfaces/resources/freshness.py)."""

from __future__ import annotations

import asyncio
import uuid

import anyio.to_thread
from litestar import Request
from litestar.datastructures import State
from litestar.di import Provide
from litestar.params import Parameter

from application.tally import Tally
from domain.errors import Fault, Invalid, NotReady
from interfaces.observability.requests import note_business
from interfaces.resources import freshness
from interfaces.resources.freshness import Fresh, PositionWatch
from projections.reads.queries import Queries


def provide_tally(state: State) -> Tally:
    return state.tally


def provide_queries(state: State) -> Queries:
    return state.queries


def presented_key(request: Request) -> str | None:
    scheme, _, key = request.headers.get("authorization", "").partition(" ")
    return (key.strip() or None) if scheme.lower() == "bearer" else None


def authenticate(request: Request, tally: Tally, key: str | None) -> uuid.UUID:
    """The business of `key`, within the limit on wrong keys from the request's address
    (interfaces/http/key_guessing.py)."""
    if not key:
        return tally.businesses.authenticate(None)  # no key is no guess: 401, uncounted
    address = request.client.host if request.client else ""
    business: uuid.UUID = request.app.state.key_guessing.authenticate(address, key, tally.businesses.authenticate)
    note_business(request.scope, business)
    return business


def provide_business(request: Request, tally: Tally) -> uuid.UUID:
    return authenticate(request, tally, presented_key(request))


def provide_caller(request: Request, tally: Tally) -> uuid.UUID | None:
    """For routes that answer without a key and say more with one: None without a key, 401 for a wrong one."""
    key = presented_key(request)
    return None if key is None else authenticate(request, tally, key)


async def provide_fresh(
    tally: Tally,
    state: State,
    business: uuid.UUID,
    min_position: int = Parameter(default=0, ge=0, description="Wait until read models include this log position"),
) -> Fresh:
    """Waits on the event loop, not a thread, for the read models that hold the caller's business (its
    usage partition, when the projection is split), where the queries read them. `business` is asked for
    first, so the key is checked before anything else.

    Without `min_position` a read still sees every write that answered before it was asked (Dodo's SDK has
    no positions): it waits up to DEFAULT_WAIT_S for the read models to reach the log's head as it was when
    the read arrived, then answers what they hold (docs/dodo.md)."""
    watch: PositionWatch = state.position_watch
    fresh = Fresh(watch, business, asyncio.get_running_loop())
    if not min_position:
        head = await anyio.to_thread.run_sync(tally.store.head, abandon_on_cancel=True)
        await watch.reached(head, freshness.DEFAULT_WAIT_S, business)
        return fresh
    if min_position > await anyio.to_thread.run_sync(tally.store.head, abandon_on_cancel=True):
        # Nothing was ever written there: waiting could not help.
        raise Invalid(
            "min_position is past the head of the log; use a position a command answered",
            "position_beyond_head",
            [Fault("min_position", "is past the head of the log")],
        )
    if not await watch.reached(min_position, freshness.READ_WAIT_S, business):
        raise NotReady(
            f"read models have not reached position {min_position} within {freshness.READ_WAIT_S:.0f}s; retry",
            "projections_behind",
        )
    return fresh


async def visible(state: State, position: int, names: list[str] | None = None) -> bool:
    """Waits (at most READ_WAIT_S) until the read models (`names`, else all) include a command's write, for
    the commands whose callers read right after them (closing and invoice transitions: docs/invoices.md; a
    ledger entry). Late is not an error here: the write stands, and the answer carries its position for
    `min_position`."""
    watch: PositionWatch = state.position_watch
    return await watch.reached(position, freshness.READ_WAIT_S, names=names)


DEPENDENCIES = {
    "tally": Provide(provide_tally, sync_to_thread=False),
    "queries": Provide(provide_queries, sync_to_thread=False),
    "business": Provide(provide_business, sync_to_thread=True),
    "caller": Provide(provide_caller, sync_to_thread=True),
    "fresh": Provide(provide_fresh),
}
