"""What /health, /health/live and /health/ready answer."""

from __future__ import annotations

import msgspec


class Parked(msgspec.Struct):
    """Events parked in a projection. Without a key: one total per projection, over every business. With a
    key: that business's own, from `position` on (an event whose business is unknown holds back every
    business, so it shows to every key). Which business, and the error, are for `tally projections status`."""

    projection: str
    events: int
    position: int | msgspec.UnsetType = msgspec.UNSET


class Rebuild(msgspec.Struct):
    """A read model an upgrade rebuilds (or `tally projections rebuild`): the position its new generation has
    reached (0 while it waits for its turn) and the log's head it is catching up to."""

    done: int
    total: int


class Health(msgspec.Struct):
    status: str
    position: int
    projections: dict[str, int]
    parked: list[Parked]
    # By tracking name; empty when no read model is being rebuilt.
    rebuilding: dict[str, Rebuild] = msgspec.field(default_factory=dict)


class Liveness(msgspec.Struct):
    status: str


class Readiness(msgspec.Struct):
    """`ready` (200) when the database answers, a projection worker beat within `worker_silent_max_s`, and
    no read model being served is more than `lag_max_s` behind; else `not_ready` (503) with the reasons."""

    status: str
    database: bool
    worker: bool
    lag_s: float
    lag_max_s: float
    reasons: list[str]
