"""Read-your-writes waits that hold no thread.

A request with `min_position` waits on the event loop. One poll at a time per
process reads how far the read models have got, at most once per `interval`,
and every waiting request shares its answer: sixty waiting requests cost what
one does, and never take the threads other businesses' reads run on."""
from __future__ import annotations

import time
from collections.abc import Callable

import anyio
import anyio.to_thread


class PositionWatch:
    def __init__(self, read_position: Callable[[], int], interval: float = 0.02) -> None:
        self._read_position = read_position
        self._interval = interval
        self._known = 0
        self._read_at = float("-inf")
        self._lock: anyio.Lock | None = None

    async def _position(self) -> int:
        # Created on first use, inside the event loop it serves.
        self._lock = self._lock or anyio.Lock()
        async with self._lock:
            if time.monotonic() - self._read_at >= self._interval:
                self._known = await anyio.to_thread.run_sync(self._read_position, abandon_on_cancel=True)
                self._read_at = time.monotonic()
            return self._known

    async def reached(self, position: int, timeout: float) -> bool:
        """True once the read models include `position`, False after `timeout` seconds."""
        with anyio.move_on_after(timeout):
            while await self._position() < position:
                await anyio.sleep(self._interval)
            return True
        return False
