"""Usage events, compatible with Dodo Payments' `POST /events/ingest` and `GET /events`: the batch body decoded
event by event, what ingesting answers, and an event's metadata as the read model answers it."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any

import msgspec

from domain.errors import Fault, Invalid, Malformed
from domain.usage_event import MAX_BATCH, IncomingEvent


class EventIn(msgspec.Struct, forbid_unknown_fields=True):
    event_id: str
    customer_id: str
    event_name: str
    timestamp: datetime | None = None
    metadata: dict[str, Any] | None = None


class IngestRequest(msgspec.Struct):
    events: list[msgspec.Raw]


class EventBody(msgspec.Struct):
    event_id: str
    customer_id: str
    event_name: str
    timestamp: datetime | None = None
    metadata: dict[str, str | int | float | bool] | None = None


class IngestBody(msgspec.Struct):
    """What the route reads, for the OpenAPI document: `parse` decodes it event by event to name every fault."""

    events: Annotated[list[EventBody], msgspec.Meta(min_length=1, max_length=MAX_BATCH)]


_body = msgspec.json.Decoder(IngestRequest)
_event = msgspec.json.Decoder(EventIn, float_hook=Decimal)


def parse(body: bytes) -> list[IncomingEvent]:
    """Decodes every event on its own, so one reply can name every faulty event."""
    try:
        request = _body.decode(body)
    except msgspec.ValidationError as exc:
        raise Invalid(
            f'the body must be {{"events": [...]}}: {exc}', "invalid_request", [Fault("events", str(exc))]
        ) from None
    except msgspec.DecodeError as exc:
        raise Malformed(f"the body is not valid JSON: {exc}") from None
    events, faults = [], []
    for index, raw in enumerate(request.events):
        try:
            e = _event.decode(raw)
        except msgspec.ValidationError as exc:
            field = str(exc).rpartition("`$.")[2].rstrip("`") if "`$." in str(exc) else "event"
            faults.append(Fault(field, str(exc).split(" - at ")[0], index))
            continue
        events.append(IncomingEvent(e.event_id, e.customer_id, e.event_name, e.timestamp, e.metadata or {}))
    if faults:
        raise Invalid(f"{len(faults)} fault(s) in the batch; nothing was stored", "invalid_events", faults)
    return events


class IngestResponse(msgspec.Struct):
    ingested_count: int
    duplicate_count: int
    position: int


_numbers = msgspec.json.Encoder(decimal_format="number")


def as_stored(metadata: dict[str, Any]) -> dict[str, Any]:
    """Metadata as the read model answers it (numbers as JSON numbers, not decimal strings), so an event reads
    the same whichever side answered."""
    return msgspec.json.decode(_numbers.encode(metadata))
