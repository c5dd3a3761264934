"""A subscription as a timeline: which cycles it runs and which plan is in effect when (docs/subscriptions.md).

Cycles are calendar arithmetic from an anchor (domain/cycles.py) inside an epoch. A new epoch starts when the
cycles change: after a trial (the trial is cycle 0), when a change starts a new cycle (`full_immediately`),
and when a change moves to a product of another interval (from the next cycle on). A cycle ends where the
next one starts; an end (a cancellation) cuts the cycle it falls in and removes those after it.

The aggregate (domain/subscription.py) and the `charges` read model hold a timeline as its terms, plain
values, and read it back with `from_terms`, so both answer the same cycles and segments.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from domain.cycles import Cycle, Interval, boundary
from domain.proration import Change, Plan, Segment, addon_terms, addons_from_terms, segments


def _time(value: datetime | str) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


@dataclass(frozen=True)
class Epoch:
    """From cycle `first` on, cycles run every `count` `interval`s from `anchor`. `moved`: the epoch moved the
    end of the cycle before it (a new next billing date), which is then whole as it now runs; any other epoch
    that ends a cycle early cut it short (docs/subscriptions.md)."""

    first: int
    anchor: datetime
    interval: Interval
    count: int
    moved: bool = False

    def terms(self) -> dict[str, Any]:
        terms = {"first": self.first, "anchor": self.anchor, "interval": self.interval, "count": self.count}
        return terms | {"moved": True} if self.moved else terms

    @classmethod
    def from_terms(cls, terms: dict[str, Any]) -> Epoch:
        return cls(
            int(terms["first"]),
            _time(terms["anchor"]),
            terms["interval"],
            int(terms["count"]),
            bool(terms.get("moved", False)),
        )


def change_terms(c: Change) -> dict[str, Any]:
    terms = {"at": c.at, "product_id": str(c.plan.product_id), "quantity": c.plan.quantity, "mode": c.mode}
    return terms | {"addons": addon_terms(c.plan.addons)} if c.plan.addons else terms


def change_from_terms(terms: dict[str, Any]) -> Change:
    plan = Plan(uuid.UUID(str(terms["product_id"])), int(terms["quantity"]), addons_from_terms(terms.get("addons")))
    return Change(_time(terms["at"]), plan, terms["mode"])


@dataclass(frozen=True)
class Timeline:
    epochs: tuple[Epoch, ...]
    changes: tuple[Change, ...]  # in time order; the first is the plan the subscription started on
    trial_ends_at: datetime | None = None
    ends_at: datetime | None = None

    @classmethod
    def started(cls, anchor: datetime, plan: Plan, interval: Interval, count: int, trial_days: int = 0) -> Timeline:
        first = Change(anchor, plan, "do_not_bill")
        if not trial_days:
            return cls((Epoch(0, anchor, interval, count),), (first,))
        ends = anchor + timedelta(days=trial_days)
        return cls((Epoch(0, anchor, "day", trial_days), Epoch(1, ends, interval, count)), (first,), ends)

    def _epoch(self, k: int) -> Epoch:
        return [e for e in self.epochs if e.first <= k][-1]

    def _start(self, k: int) -> datetime:
        e = self._epoch(k)
        return boundary(e.anchor, e.interval, e.count, k - e.first)

    def cycle(self, k: int) -> Cycle | None:
        """Cycle k, cut short by the end; None once the subscription has ended before it."""
        start, end = self._start(k), self._start(k + 1)
        if self.ends_at is None:
            return Cycle(k, start, end)
        if start >= self.ends_at:
            return None
        return Cycle(k, start, min(end, self.ends_at))

    def plan_at(self, at: datetime) -> Plan:
        return [c for c in self.changes if c.at <= at][-1].plan

    @property
    def plan(self) -> Plan:
        return self.changes[-1].plan

    def in_trial(self, c: Cycle) -> bool:
        return self.trial_ends_at is not None and c.end <= self.trial_ends_at

    def segments(self, c: Cycle, since: datetime | None = None) -> list[Segment]:
        """The segments of cycle c from `since` (default: its start). Shares are of the cycle as its epoch
        runs it (cut by the end only), so a cycle a `full_immediately` change cut short keeps the shares it
        had before the change; a cycle whose end was moved is whole as moved."""
        e = self._epoch(c.index)
        whole = boundary(e.anchor, e.interval, e.count, c.index + 1 - e.first)
        moves = [n for n in self.epochs if n.first == c.index + 1 and n.moved]
        if moves:  # a change may cut the moved cycle short later: its shares stay of the moved cycle
            whole = moves[-1].anchor
        if self.ends_at is not None:
            whole = min(whole, self.ends_at)
        parts = segments(c.start, whole, self.plan_at(c.start), list(self.changes), self.in_trial(c))
        return [s for s in parts if (since or c.start) <= s.start < c.end]

    def changed(self, change: Change, epoch: Epoch | None = None) -> Timeline:
        return replace(self, changes=(*self.changes, change), epochs=(*self.epochs, epoch) if epoch else self.epochs)

    def moved(self, index: int, at: datetime, interval: Interval, count: int) -> Timeline:
        """Cycle `index` ends at `at`, the cycles after it run from there."""
        return replace(self, epochs=(*self.epochs, Epoch(index + 1, at, interval, count, moved=True)))

    def ending(self, at: datetime | None) -> Timeline:
        return replace(self, ends_at=at)

    def terms(self) -> dict[str, Any]:
        """Plain values, as snapshots and read models store them (the end is kept apart)."""
        return {
            "epochs": [e.terms() for e in self.epochs],
            "changes": [change_terms(c) for c in self.changes],
            "trial_ends_at": self.trial_ends_at,
        }

    @classmethod
    def from_terms(cls, terms: dict[str, Any], ends_at: datetime | None = None) -> Timeline:
        trial = terms.get("trial_ends_at")
        return cls(
            tuple(Epoch.from_terms(e) for e in terms["epochs"]),
            tuple(change_from_terms(c) for c in terms["changes"]),
            _time(trial) if trial is not None else None,
            ends_at,
        )
