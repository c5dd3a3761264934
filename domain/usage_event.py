"""One usage event as a client sent it. Recorded once, never changed: its id is
derived from (business, event_id), so a resend is the same aggregate."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from eventsourcing.domain import Aggregate, event

from domain.errors import Fault
from domain.ids import scoped_id
from domain.metadata import MetadataValue, metadata_faults, metadata_shape_ok
from domain.numbers import any_long_numeric
from domain.text import all_clean, id_fault, text_fault
from domain.time_range import time_fault

MAX_BATCH = 1000
MAX_ID_LENGTH = 255
FUTURE_TOLERANCE = timedelta(minutes=5)


def usage_event_id(business: uuid.UUID, event_id: str) -> uuid.UUID:
    return scoped_id(business, "usage_event", event_id)


@dataclass(frozen=True)
class IncomingEvent:
    """An event as received, before it is checked against the rules."""

    event_id: str
    customer_id: str
    event_name: str
    timestamp: datetime | None = None
    metadata: dict[str, MetadataValue] = field(default_factory=dict)


def faults_of(incoming: IncomingEvent, index: int, now: datetime) -> list[Fault]:
    """Every rule the event breaks on its own (the batch-level rules live with ingestion)."""
    faults = []
    for name in ("event_id", "customer_id", "event_name"):
        value = getattr(incoming, name)
        if not value.strip():
            faults.append(Fault(name, "must not be empty", index))
        elif len(value) > MAX_ID_LENGTH:
            faults.append(Fault(name, f"must be at most {MAX_ID_LENGTH} characters", index))
        else:
            faults += text_fault(name, value, index=index)
            if name == "event_id":
                faults += id_fault(name, value, index=index)
    faults += time_fault("timestamp", incoming.timestamp, index)
    if not faults and incoming.timestamp is not None and incoming.timestamp > now + FUTURE_TOLERANCE:
        faults.append(Fault("timestamp", "must not be more than 5 minutes in the future", index))
    faults += metadata_faults(incoming.metadata, index)
    return faults


def batch_faults(batch: list[IncomingEvent], now: datetime) -> list[Fault]:
    """`faults_of` every event of a batch. The rules are first checked on the batch whole, without building
    a message (a tenth of ingestion's time went to messages nobody read); an event is checked on its own
    only when the batch fails that, to name each of its faults."""
    lines: list[str] = []
    prose: list[str] = []
    if all(_shape_ok(e, now, lines, prose) for e in batch) and all_clean(lines, prose):
        if not any_long_numeric(prose):  # prose holds no NUL once clean
            return []
    return [f for index, e in enumerate(batch) for f in faults_of(e, index, now)]


def _shape_ok(e: IncomingEvent, now: datetime, lines: list[str], prose: list[str]) -> bool:
    """True when `faults_of` can only find a refused character or a numeric string past the bound, and then
    only in the text now in `lines` or `prose`."""
    for value in (e.event_id, e.customer_id, e.event_name):
        if len(value) > MAX_ID_LENGTH or not value.strip():
            return False
        lines.append(value)
    if id_fault("event_id", e.event_id) or time_fault("timestamp", e.timestamp):
        return False
    if e.timestamp is not None and e.timestamp > now + FUTURE_TOLERANCE:
        return False
    return metadata_shape_ok(e.metadata, lines, prose)


class UsageEvent(Aggregate):
    class Recorded(Aggregate.Created):
        business_id: uuid.UUID
        event_id: str
        customer_id: str
        event_name: str
        occurred_at: datetime
        metadata: dict[str, MetadataValue]

    @staticmethod
    def create_id(business_id: uuid.UUID, event_id: str, **_: object) -> uuid.UUID:
        return usage_event_id(business_id, event_id)

    @event(Recorded)
    def __init__(
        self,
        business_id: uuid.UUID,
        event_id: str,
        customer_id: str,
        event_name: str,
        occurred_at: datetime,
        metadata: dict[str, MetadataValue],
    ) -> None:
        self.business_id = business_id
        self.event_id = event_id
        self.customer_id = customer_id
        self.event_name = event_name
        self.occurred_at = occurred_at
        self.metadata = metadata
