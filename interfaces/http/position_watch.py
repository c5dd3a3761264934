"""Read-your-writes waits that hold no thread.

A request with `min_position` waits on the event loop. One poll at a time per
process reads how far the read models have got, at most once per `interval`,
and every waiting request shares its answer: sixty waiting requests cost what
one does, and never take the threads other businesses' reads run on."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable

import anyio
import anyio.to_thread

from projections.engine.partitions import required_position


class PositionWatch:
    """`read_positions` answers every tracking position by name; `names` are the read models a request
    waits for. With the usage projection split, a business waits for its own partition only."""

    def __init__(self, read_positions: Callable[[], dict[str, int]], names: list[str], interval: float = 0.02) -> None:
        self._read_positions = read_positions
        self._names = names
        self._interval = interval
        self._known: dict[str, int] = {}
        self._read_at = float("-inf")
        self._lock: anyio.Lock | None = None

    async def _position(self, business: uuid.UUID | None) -> int:
        # Created on first use, inside the event loop it serves.
        self._lock = self._lock or anyio.Lock()
        async with self._lock:
            if time.monotonic() - self._read_at >= self._interval:
                self._known = await anyio.to_thread.run_sync(self._read_positions, abandon_on_cancel=True)
                self._read_at = time.monotonic()
            return required_position(self._known, self._names, business)

    async def reached(self, position: int, timeout: float, business: uuid.UUID | None = None) -> bool:
        """True once the read models (those of `business`, or all) include `position`, False after `timeout`."""
        with anyio.move_on_after(timeout):
            while await self._position(business) < position:
                await anyio.sleep(self._interval)
            return True
        return False
