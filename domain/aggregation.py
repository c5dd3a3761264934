"""What a meter adds up, in one place: which events a meter looks at and the
number each one carries (`MeterRule`), and how those numbers fold into one
quantity (`Bucket`). The read model keeps one Bucket per (meter, customer,
minute) and merges them; billing, the audit's re-derivation and the tests fold
raw events with the same code. The SQL that merges stored buckets
(projections/meter_usage.py, meter_queries.py) is a translation of `Bucket`,
held equal to it by property tests."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from domain import meter_filter
from domain.numbers import number

KINDS = ("count", "sum", "max", "last")

@dataclass
class Bucket:
    """Everything any aggregation needs of a set of values: count, sum, max, and the last value by
    (timestamp, log position). Buckets merge in any order to the same result."""

    count: int
    sum: Decimal
    max: Decimal
    last_value: Decimal
    last_at: datetime
    last_position: int

    @classmethod
    def of(cls, value: Decimal, at: datetime, position: int) -> Bucket:
        return cls(1, value, value, value, at, position)

    def add(self, value: Decimal, at: datetime, position: int) -> None:
        self.count += 1
        self.sum += value
        self.max = max(self.max, value)
        if (at, position) > (self.last_at, self.last_position):
            self.last_value, self.last_at, self.last_position = value, at, position

    def quantity(self, kind: str) -> Decimal:
        if kind == "count":
            return Decimal(self.count)
        if kind == "sum":
            return self.sum
        if kind == "max":
            return self.max
        if kind == "last":
            return self.last_value
        raise ValueError(f"unknown aggregation {kind}")


def fold(kind: str, items: Iterable[tuple[datetime, int, Decimal]]) -> Decimal | None:
    """One quantity from (timestamp, log position, value) items. Count and sum are 0 when empty,
    max and last None. Last is the value of the latest timestamp, ties broken by the higher position."""
    bucket: Bucket | None = None
    for at, position, value in items:
        if bucket is None:
            bucket = Bucket.of(value, at, position)
        else:
            bucket.add(value, at, position)
    if bucket is not None:
        return bucket.quantity(kind)
    if kind in ("count", "sum"):
        return Decimal(0)
    if kind in KINDS:
        return None
    raise ValueError(f"unknown aggregation {kind}")


@dataclass(frozen=True)
class MeterRule:
    """Which events a meter counts and what each adds: the one evaluator for the read model, billing and
    the audit."""

    event_name: str
    kind: str
    key: str | None
    filter: dict[str, Any] | None

    def counts(self, event_name: str, metadata: dict[str, Any]) -> bool:
        """Whether an event is one this meter looks at (its value may still be skipped)."""
        return event_name == self.event_name and meter_filter.matches(self.filter, metadata)

    def value(self, metadata: dict[str, Any]) -> Decimal | None:
        """What a counted event adds: 1 for count; the key's number otherwise, None (the event is skipped)
        when the key is missing or not numeric."""
        if self.kind == "count":
            return Decimal(1)
        return number(metadata.get(self.key)) if self.key is not None else None

    def measure(self, events: Iterable[tuple[int, datetime, str, dict[str, Any]]]) -> tuple[int, Decimal | None]:
        """How many of these (position, timestamp, event name, metadata) events count, and what they add up to."""
        items = [(at, position, value) for position, at, name, metadata in events
                 if self.counts(name, metadata) and (value := self.value(metadata)) is not None]
        return len(items), fold(self.kind, items)
