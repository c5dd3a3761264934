"""What /health answers."""

from __future__ import annotations

import msgspec


class Parked(msgspec.Struct):
    """A business's events parked in a projection from `position` on (`events` of them). Which business,
    and the error, are for `tally projections status`: /health answers without a key."""

    projection: str
    position: int
    events: int


class Health(msgspec.Struct):
    status: str
    position: int
    projections: dict[str, int]
    parked: list[Parked]
