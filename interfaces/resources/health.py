"""What /health answers."""

from __future__ import annotations

import msgspec


class Parked(msgspec.Struct):
    """Events parked in a projection. Without a key: one total per projection, over every business. With a
    key: that business's own, from `position` on (an event whose business is unknown holds back every
    business, so it shows to every key). Which business, and the error, are for `tally projections status`."""

    projection: str
    events: int
    position: int | msgspec.UnsetType = msgspec.UNSET


class Health(msgspec.Struct):
    status: str
    position: int
    projections: dict[str, int]
    parked: list[Parked]
