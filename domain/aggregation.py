"""What a meter adds up, in one place: which events a meter looks at and the
number each one carries (`MeterRule`), and how those numbers fold into one
quantity (`Bucket`). The read model keeps one Bucket per (meter, customer,
minute) and merges them; billing, the audit's re-derivation and the tests fold
raw events with the same code. The SQL that merges stored buckets
(projections/usage/meter_usage.py, meter_queries.py) is a translation of `Bucket`,
held equal to it by property tests."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal, get_args

from domain import meter_filter
from domain.numbers import MAX_PLACES, number

# A usage event as measuring reads it: (log position, timestamp, event name, metadata).
Row = tuple[int, datetime, str, dict[str, Any]]

# count: events; sum, max, min, avg, last: of a numeric metadata key; unique_count: distinct values of a key
Kind = Literal["count", "sum", "max", "min", "avg", "last", "unique_count"]
KINDS: tuple[Kind, ...] = get_args(Kind)
ZERO_WHEN_EMPTY: tuple[Kind, ...] = ("count", "sum", "unique_count")
AVERAGE_PLACES = MAX_PLACES

# (timestamp, log position, value) or (..., label): the label is the key's text, for unique_count
Item = tuple[datetime, int, Decimal] | tuple[datetime, int, Decimal, str | None]


def average(total: Decimal, count: int) -> Decimal:
    """The mean, half-up to 12 places, so the read model and a fold of raw events agree to the digit."""
    return (total / count).quantize(Decimal(1).scaleb(-AVERAGE_PLACES), rounding=ROUND_HALF_UP)


def label(value: Any) -> str | None:
    """A metadata value as text, as PostgreSQL's `metadata ->> key` writes it: what a value is grouped and
    counted unique by (the string "7" and the number 7 are one value)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value.copy_abs() if value.is_zero() else value, "f")  # PostgreSQL has no -0
    return str(value)


@dataclass
class Bucket:
    """Everything any aggregation needs of a set of values: count, sum, max, min, the last value by
    (timestamp, log position) and the distinct labels. Buckets merge in any order to the same result."""

    count: int
    sum: Decimal
    max: Decimal
    last_value: Decimal
    last_at: datetime
    last_position: int
    min: Decimal
    uniques: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, value: Decimal, at: datetime, position: int, label: str | None = None) -> Bucket:
        return cls(1, value, value, value, at, position, value, set() if label is None else {label})

    def add(self, value: Decimal, at: datetime, position: int, label: str | None = None) -> None:
        self.count += 1
        self.sum += value
        self.max = max(self.max, value)
        self.min = min(self.min, value)
        if label is not None:
            self.uniques.add(label)
        if (at, position) > (self.last_at, self.last_position):
            self.last_value, self.last_at, self.last_position = value, at, position

    def quantity(self, kind: Kind) -> Decimal:
        if kind == "count":
            return Decimal(self.count)
        if kind == "sum":
            return self.sum
        if kind == "max":
            return self.max
        if kind == "min":
            return self.min
        if kind == "avg":
            return average(self.sum, self.count)
        if kind == "last":
            return self.last_value
        if kind == "unique_count":
            return Decimal(len(self.uniques))
        raise ValueError(f"unknown aggregation {kind}")


def fold(kind: Kind, items: Iterable[Item]) -> Decimal | None:
    """One quantity from (timestamp, log position, value[, label]) items. Count, sum and unique_count are
    0 when empty, the others None. Last is the value of the latest timestamp, ties broken by the higher
    position."""
    bucket: Bucket | None = None
    for item in items:
        at, position, value = item[0], item[1], item[2]
        text = item[3] if len(item) > 3 else None
        if bucket is None:
            bucket = Bucket.of(value, at, position, text)
        else:
            bucket.add(value, at, position, text)
    if bucket is not None:
        return bucket.quantity(kind)
    if kind in ZERO_WHEN_EMPTY:
        return Decimal(0)
    if kind in KINDS:
        return None
    raise ValueError(f"unknown aggregation {kind}")


@dataclass(frozen=True)
class MeterRule:
    """Which events a meter counts and what each adds: the one evaluator for the read model, billing and
    the audit."""

    event_name: str
    kind: Kind
    key: str | None
    filter: dict[str, Any] | None

    def counts(self, event_name: str, metadata: dict[str, Any]) -> bool:
        """Whether an event is one this meter looks at (its value may still be skipped)."""
        return event_name == self.event_name and meter_filter.matches(self.filter, metadata)

    def value(self, metadata: dict[str, Any]) -> Decimal | None:
        """What a counted event adds: 1 for count, and for unique_count when the key is present; the key's
        number otherwise. None (the event is skipped) when the key is missing or not numeric."""
        if self.kind == "count":
            return Decimal(1)
        if self.key is None:
            return None
        if self.kind == "unique_count":
            return None if metadata.get(self.key) is None else Decimal(1)
        return number(metadata.get(self.key))

    def label(self, metadata: dict[str, Any]) -> str | None:
        """What a unique_count tells apart: the key's value as text (None for the other aggregations)."""
        return label(metadata.get(self.key)) if self.kind == "unique_count" and self.key is not None else None

    def measure(self, events: Iterable[tuple[int, datetime, str, dict[str, Any]]]) -> tuple[int, Decimal | None]:
        """How many of these (position, timestamp, event name, metadata) events count, and what they add up to."""
        items: list[Item] = [
            (at, position, value, self.label(metadata))
            for position, at, name, metadata in events
            if self.counts(name, metadata) and (value := self.value(metadata)) is not None
        ]
        return len(items), fold(self.kind, items)

    def measure_groups(
        self, events: Iterable[tuple[int, datetime, str, dict[str, Any]]], keys: tuple[str, ...]
    ) -> dict[tuple[str | None, ...], tuple[int, Decimal | None]]:
        """`measure` per combination of the keys' values (None: the event lacks the key), values seen only."""
        groups: dict[tuple[str | None, ...], list[tuple[int, datetime, str, dict[str, Any]]]] = {}
        for event in events:
            if self.counts(event[2], event[3]):
                groups.setdefault(tuple(label(event[3].get(k)) for k in keys), []).append(event)
        measured = {g: self.measure(evs) for g, evs in groups.items()}
        return {g: m for g, m in measured.items() if m[0]}
