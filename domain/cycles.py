"""Billing cycles by calendar arithmetic from the anchor.

Cycle k ends at anchor + (k + 1) intervals, each boundary computed from the
anchor itself (never by chaining), with the day clamped to the month's end:
a monthly anchor on Jan 31 gives Feb 28 (29), then Mar 31.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal, get_args

Interval = Literal["day", "week", "month", "year"]
INTERVALS: tuple[Interval, ...] = get_args(Interval)


@dataclass(frozen=True)
class Cycle:
    index: int
    start: datetime
    end: datetime


@dataclass(frozen=True)
class LateWindow:
    """The events a close bills late: recorded after the previous close priced (after < position <= upto)
    with a timestamp in a cycle that had already closed (since <= timestamp < before)."""

    after: int
    upto: int
    since: datetime
    before: datetime

    @property
    def empty(self) -> bool:
        return self.after >= self.upto or self.since >= self.before

    def holds(self, position: int, at: datetime) -> bool:
        return self.after < position <= self.upto and self.since <= at < self.before


def _add_months(moment: datetime, months: int) -> datetime:
    total = moment.year * 12 + moment.month - 1 + months
    year, month = divmod(total, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def boundary(anchor: datetime, interval: Interval, count: int, k: int) -> datetime:
    """The start of cycle k (k = 0 is the anchor)."""
    steps = count * k
    if interval == "day":
        return anchor + timedelta(days=steps)
    if interval == "week":
        return anchor + timedelta(weeks=steps)
    if interval == "month":
        return _add_months(anchor, steps)
    if interval == "year":
        return _add_months(anchor, 12 * steps)
    raise ValueError(f"unknown interval {interval}")


def cycle(anchor: datetime, interval: Interval, count: int, k: int) -> Cycle:
    return Cycle(k, boundary(anchor, interval, count, k), boundary(anchor, interval, count, k + 1))


def cycle_until(anchor: datetime, interval: Interval, count: int, k: int, ends_at: datetime | None) -> Cycle | None:
    """Cycle k cut short by an end (a cancellation); None if the end comes before it starts."""
    c = cycle(anchor, interval, count, k)
    if ends_at is None:
        return c
    if c.start >= ends_at:
        return None
    return Cycle(k, c.start, min(c.end, ends_at))


def cycles_ended(anchor: datetime, interval: Interval, count: int, now: datetime, limit: int) -> int:
    """How many cycles have ended by `now`, counting no further than limit + 1. Only a boundary that
    follows one already passed is computed, so no boundary lies more than one cycle beyond `now`."""
    k = 0
    while k <= limit and boundary(anchor, interval, count, k + 1) <= now:
        k += 1
    return k


def whole_minute(moment: datetime) -> datetime:
    """Meter buckets are per minute, so cycle boundaries fall on whole minutes."""
    return moment.replace(second=0, microsecond=0)
