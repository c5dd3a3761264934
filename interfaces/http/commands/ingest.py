"""Usage ingestion, compatible with Dodo Payments' `POST /events/ingest`."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from decimal import Decimal
from typing import Annotated, Any

import msgspec
from anyio import to_thread
from litestar import Request, post

from application.tally import Tally
from domain.errors import Fault, Invalid, Malformed
from domain.usage_event import MAX_BATCH, IncomingEvent
from interfaces.http.schemas.events import IngestResponse
from interfaces.observability import metrics, tracing


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


class IngestCommands:
    """The commands half of a resource's controller (interfaces/http/controllers.py)."""

    @post("/ingest", operation_id="IngestEvents", status_code=200, opt={"body": IngestBody})
    async def ingest(self, request: Request[Any, Any, Any], tally: Tally, business: uuid.UUID) -> IngestResponse:
        """Ingest 1 to 1000 usage events in one transaction.

        Body: `{"events": [{"event_id", "customer_id", "event_name", "timestamp"?, "metadata"?}]}`.
        Events whose event_id is already stored are skipped (`duplicate_count`). Any invalid event, unknown
        customer, repeated event_id or timestamp over 5 minutes ahead rejects the whole request (422).
        """
        # The one async command, the hot path: the batch is decoded on the event loop and a worker thread is
        # held only for the write.
        batch = parse(await request.body())
        with tracing.from_env().span("ingest", {"tally.events": len(batch)}) as span:
            done = await to_thread.run_sync(tally.ingestion.ingest, business, batch, datetime.now(timezone.utc))
            span.attributes({"tally.ingested": done.ingested_count, "tally.duplicates": done.duplicate_count})
        metrics.instruments().ingest(done.ingested_count, done.duplicate_count)
        return IngestResponse(done.ingested_count, done.duplicate_count, done.position)
