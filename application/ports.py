"""What the commands need to know from the read side, as ports the read models
implement (projections/read_side.py). The application never imports a read
model; `interfaces/bootstrap.py` plugs one in."""
from __future__ import annotations

import uuid
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Protocol

from domain.cycles import Cycle
from domain.meter import Meter
from domain.rating import Usage, UsagePrice


class OpenCharge(Protocol):
    """A subscription's open cycle as the read side holds it, with the product's terms of now."""

    @property
    def subscription_id(self) -> uuid.UUID: ...
    @property
    def product_id(self) -> uuid.UUID: ...
    @property
    def anchor(self) -> datetime: ...
    @property
    def cycle(self) -> Cycle: ...
    @property
    def late_after(self) -> int: ...
    @property
    def currency(self) -> str: ...
    @property
    def price(self) -> Decimal: ...
    @property
    def usage_prices(self) -> dict[str, UsagePrice]: ...


class UsageSnapshot(Protocol):
    """One consistent (repeatable-read) view of usage, charges and balances, and the `usage` position it
    stands at."""

    def usage_position(self) -> int: ...

    def usage_parked_at(self, business: uuid.UUID) -> int | None:
        """Where the business's usage is stuck at a parked event (its later events wait behind it)."""
        ...

    def measure(self, customer_id: str, prices: list[UsagePrice], meters: dict[str, Meter], cycle: Cycle,
                since: datetime, late_after: int, position: int) -> list[Usage]:
        """Each price's quantity in the cycle, then late lines: events recorded after `late_after` up to
        `position` whose timestamp falls between `since` and the cycle's start."""
        ...

    def balance_of(self, business: uuid.UUID, customer_id: str) -> Decimal: ...

    def open_charges(self, business: uuid.UUID, customer_id: str) -> Sequence[OpenCharge]: ...


class ReadSide(Protocol):
    def snapshot(self) -> AbstractContextManager[UsageSnapshot]: ...

    def usage_position(self) -> int: ...

    def backfills_pending(self) -> bool:
        """Whether some meter is still counting the events that were there before it was created."""
        ...

    def due_count(self, ended_by: datetime) -> int: ...

    def due_subscriptions(self, ended_by: datetime, limit: int,
                          after: uuid.UUID | None = None) -> list[tuple[uuid.UUID, uuid.UUID]]:
        """(business, subscription) of open cycles that ended by `ended_by`, in id order from `after`."""
        ...

    def wallets_expiring(self, now: datetime, cycle_grace: timedelta, limit: int) -> list[uuid.UUID]: ...

    def usage_positions(self, business: uuid.UUID, customer_id: str, upto: int) -> list[int] | None:
        """Log positions of the customer's usage events up to `upto`, oldest first; None when the usage read
        model cannot vouch for them (it has not reached `upto`, or the business is stuck at a parked event)."""
        ...

