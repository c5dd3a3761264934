"""A customer's subscription to a product: its cycles and which of them are closed.

Each CycleClosed carries the `usage` read model's position the cycle was priced
at; events recorded after that position with a timestamp in a closed cycle are
billed late, in the next cycle (see docs/billing.md).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from eventsourcing.domain import Aggregate, event

from domain.cycles import Cycle, Interval, cycle, cycle_until, cycles_ended, whole_minute
from domain.errors import Conflict, Fault, Invalid
from domain.time_range import END, time_fault

# The closing job catches up at most this many cycles for a start in the past (docs/input.md).
MAX_PAST_CYCLES = 1000


def start_faults(start: datetime, billing_interval: Interval, interval_count: int, now: datetime) -> list[Fault]:
    """A start in the supported time range, at most MAX_PAST_CYCLES cycles ago, whose first cycle ends
    inside the range. A cycle lasts at most 1,000 years (product.MAX_INTERVAL_COUNT), so from a start
    before 9000 its end is still a datetime."""
    faults = time_fault("start", start)
    if faults:
        return faults
    anchor = whole_minute(start)
    if cycles_ended(anchor, billing_interval, interval_count, now, MAX_PAST_CYCLES) > MAX_PAST_CYCLES:
        return [Fault("start", f"must be at most {MAX_PAST_CYCLES} cycles in the past")]
    if cycle(anchor, billing_interval, interval_count, 0).end >= END:
        return [Fault("start", f"the first cycle must end before {END.isoformat()}")]
    return []


class Subscription(Aggregate):
    class Started(Aggregate.Created):
        business_id: uuid.UUID
        customer_id: str
        product_id: uuid.UUID
        anchor: datetime
        billing_interval: Interval
        interval_count: int

    class CycleClosed(Aggregate.Event):
        index: int
        cycle_start: datetime
        cycle_end: datetime
        invoice_id: uuid.UUID
        usage_position: int

    class Cancelled(Aggregate.Event):
        ends_at: datetime

    @event(Started)
    def __init__(
        self,
        business_id: uuid.UUID,
        customer_id: str,
        product_id: uuid.UUID,
        anchor: datetime,
        billing_interval: Interval,
        interval_count: int,
    ) -> None:
        self.business_id = business_id
        self.customer_id = customer_id
        self.product_id = product_id
        self.anchor = anchor
        self.billing_interval = billing_interval
        self.interval_count = interval_count
        self.closed = 0
        self.usage_positions: list[int] = []
        self.invoice_ids: list[uuid.UUID] = []
        self.ends_at: datetime | None = None

    @classmethod
    def start(
        cls,
        business_id: uuid.UUID,
        customer_id: str,
        product_id: uuid.UUID,
        start: datetime,
        billing_interval: Interval,
        interval_count: int,
        now: datetime,
    ) -> Subscription:
        faults = start_faults(start, billing_interval, interval_count, now)
        if faults:
            raise Invalid(f"cannot start a subscription at {start.isoformat()}", "invalid_subscription", faults)
        return cls(
            business_id=business_id,
            customer_id=customer_id,
            product_id=product_id,
            anchor=whole_minute(start),
            billing_interval=billing_interval,
            interval_count=interval_count,
        )

    def cycle(self, k: int) -> Cycle | None:
        """Cycle k, cut short by a cancellation; None once the subscription has ended before it."""
        return cycle_until(self.anchor, self.billing_interval, self.interval_count, k, self.ends_at)

    @property
    def open_cycle(self) -> Cycle | None:
        return self.cycle(self.closed)

    @property
    def last_position(self) -> int:
        """The usage position the last closed cycle was priced at (0 before any)."""
        return self.usage_positions[-1] if self.usage_positions else 0

    def due_cycles(self, now: datetime, limit: int | None = None) -> list[Cycle]:
        """The cycles that ended by `now` and are still open, oldest first; the oldest `limit` of them."""
        due: list[Cycle] = []
        k = self.closed
        while (limit is None or len(due) < limit) and (c := self.cycle(k)) is not None and c.end <= now:
            due.append(c)
            k += 1
        return due

    def close_cycle(self, c: Cycle, invoice_id: uuid.UUID, usage_position: int) -> None:
        if c.index != self.closed:
            raise Conflict(f"cycle {c.index} is not the open cycle ({self.closed})", "cycle_not_open")
        self._cycle_closed(
            index=c.index,
            cycle_start=c.start,
            cycle_end=c.end,
            invoice_id=invoice_id,
            usage_position=max(usage_position, self.last_position),
        )

    def cancel(self, now: datetime) -> None:
        if self.ends_at is None:
            self._cancelled(ends_at=whole_minute(now))

    @event(CycleClosed)
    def _cycle_closed(
        self, index: int, cycle_start: datetime, cycle_end: datetime, invoice_id: uuid.UUID, usage_position: int
    ) -> None:
        self.closed = index + 1
        self.usage_positions.append(usage_position)
        self.invoice_ids.append(invoice_id)

    @event(Cancelled)
    def _cancelled(self, ends_at: datetime) -> None:
        self.ends_at = ends_at
