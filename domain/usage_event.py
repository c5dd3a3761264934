"""One usage event as a client sent it. Recorded once, never changed: its id is
derived from (business, event_id), so a resend is the same aggregate."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from eventsourcing.domain import Aggregate, event

from domain.errors import Fault
from domain.ids import scoped_id
from domain.text import printable, text_fault
from domain.time_range import time_fault

MetadataValue = str | int | Decimal | bool

MAX_BATCH = 1000
MAX_METADATA_KEYS = 50
MAX_KEY_LENGTH = 100
MAX_VALUE_LENGTH = 500
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
    faults += time_fault("timestamp", incoming.timestamp, index)
    if not faults and incoming.timestamp is not None and incoming.timestamp > now + FUTURE_TOLERANCE:
        faults.append(Fault("timestamp", "must not be more than 5 minutes in the future", index))
    if len(incoming.metadata) > MAX_METADATA_KEYS:
        faults.append(Fault("metadata", f"must have at most {MAX_METADATA_KEYS} keys", index))
    for key, value in incoming.metadata.items():
        path = f"metadata.{printable(key[:MAX_KEY_LENGTH])}"
        if isinstance(value, float) or not isinstance(value, str | int | Decimal):
            faults.append(Fault(path, "values must be strings, numbers or booleans", index))
        elif not key or len(key) > MAX_KEY_LENGTH:
            faults.append(Fault(path, f"keys must be 1 to {MAX_KEY_LENGTH} characters", index))
        elif isinstance(value, str) and len(value) > MAX_VALUE_LENGTH:
            faults.append(Fault(path, f"values must be at most {MAX_VALUE_LENGTH} characters", index))
        elif isinstance(value, Decimal) and not value.is_finite():
            faults.append(Fault(path, "numbers must be finite", index))
        else:
            faults += text_fault(path, key, index=index) or text_fault(path, value, prose=True, index=index)
    return faults


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
