"""Read-your-writes: one wait, on the datastore the reads then read.

`PositionWatch` reads the read models' positions through `Queries.positions`, where every query of the
API and the dashboard reads (the primary, or the replica TALLY_READ_DATABASE_URL names), so a read that
waited finds what it waited for there. A request waits on the event loop. One poll at a time per process
reads how far the read models have got, at most once per `interval`, and every waiting request shares its
answer: sixty waiting requests cost what one does, and never take the threads other businesses' reads
run on.

`Fresh` is what a read is given (the `fresh` dependency, interfaces/http/dependencies.py): before the
handler runs, the read models of its business include the caller's `min_position`, or without one the
log's head as the request found it (for at most DEFAULT_WAIT_S). `Fresh.include` waits, on the same
watch, for one aggregate's latest write: a balance is never answered older than its last movement."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Callable

import anyio
import anyio.to_thread

from domain.errors import NotReady
from projections.engine.partitions import required_position

# How long a read waits for a position it must include before it answers 503 `projections_behind`.
READ_WAIT_S = 5.0
# How long a read without min_position waits for writes that answered before it; past that it answers anyway,
# so a read model far behind (a bulk back-fill) slows reads by this much at most, never fails them.
DEFAULT_WAIT_S = 2.0


class PositionWatch:
    """`read_positions` answers every tracking position by name; `names` are the read models a request
    waits for unless it names its own. With the usage projection split, a business waits for its own
    partition only."""

    def __init__(self, read_positions: Callable[[], dict[str, int]], names: list[str], interval: float = 0.02) -> None:
        self._read_positions = read_positions
        self._names = names
        self._interval = interval
        self._known: dict[str, int] = {}
        self._read_at = float("-inf")
        self._lock: anyio.Lock | None = None

    async def _position(self, business: uuid.UUID | None, names: list[str]) -> int:
        # Created on first use, inside the event loop it serves.
        self._lock = self._lock or anyio.Lock()
        async with self._lock:
            if time.monotonic() - self._read_at >= self._interval:
                self._known = await anyio.to_thread.run_sync(self._read_positions, abandon_on_cancel=True)
                self._read_at = time.monotonic()
            return required_position(self._known, names, business)

    async def reached(
        self, position: int, timeout: float, business: uuid.UUID | None = None, names: list[str] | None = None
    ) -> bool:
        """True once the read models (`names`, else all; those of `business`, or every business's) include
        `position`, False after `timeout`."""
        with anyio.move_on_after(timeout):
            while await self._position(business, names or self._names) < position:
                await anyio.sleep(self._interval)
            return True
        return False


class Fresh:
    """A read's promise that it includes what was written before it (see the module's docstring)."""

    def __init__(self, watch: PositionWatch, business: uuid.UUID, loop: asyncio.AbstractEventLoop) -> None:
        self._watch = watch
        self._business = business
        self._loop = loop

    def include(self, position: int, names: list[str]) -> None:
        """Waits (at most READ_WAIT_S) until the named read models include `position`, else NotReady (503).
        Called from the handler's thread: the wait itself runs on the event loop, on the watch every request
        shares, and this thread only blocks on its answer."""
        waiting = self._watch.reached(position, READ_WAIT_S, self._business, names)
        if not asyncio.run_coroutine_threadsafe(waiting, self._loop).result():
            raise NotReady(f"the {', '.join(names)} read model is behind; retry", "projections_behind")
