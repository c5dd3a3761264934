"""The events explorer: every usage event of the business, filtered (by metadata too), counted, paged, and
exported as CSV."""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterator

from litestar import get
from litestar.response import Stream, Template

from application.tally import Tally
from domain.errors import Fault, Invalid
from interfaces.dashboard.forms import blank_to_none, parse_time
from interfaces.resources.paging import PageNumber
from projections.reads.queries import Queries
from projections.usage.event_queries import EventFilter, EventView

PAGE_SIZE = 50
ALL_METERS = 1000
COUNTED_UP_TO = 10_000
"""A count beyond this says only "more than": counting every one of millions of events is a full scan."""
EXPORTED_UP_TO = 100_000
"""The export's bound: a larger history is exported in date ranges (or through `GET /events`' pages)."""


def _meter_id(value: str) -> uuid.UUID:
    """The filter's meter: its select sends "" for any meter, which a uuid parameter would refuse."""
    try:
        return uuid.UUID(value.strip())
    except ValueError:
        raise Invalid(
            f"meter_id is not a meter id: {value!r}", "invalid_meter", [Fault("meter_id", "unknown meter")]
        ) from None


def _matching(
    tally: Tally,
    business: uuid.UUID,
    customer_id: str,
    event_name: str,
    meter_id: str,
    start: str,
    end: str,
    metadata_key: str,
    metadata_value: str,
) -> EventFilter:
    key = metadata_key.strip()
    return EventFilter(
        customer_id=blank_to_none(customer_id),
        event_name=blank_to_none(event_name),
        start=parse_time(start, "start"),
        end=parse_time(end, "end"),
        meter=tally.meters.get_meter(business, _meter_id(meter_id)) if meter_id.strip() else None,
        metadata=((key, metadata_value.strip()),) if key else (),
    )


@get("/events", sync_to_thread=True)
def events_page(
    tally: Tally,
    queries: Queries,
    business: uuid.UUID,
    customer_id: str = "",
    event_name: str = "",
    meter_id: str = "",
    start: str = "",
    end: str = "",
    metadata_key: str = "",
    metadata_value: str = "",
    page_number: PageNumber = 0,
) -> Template:
    """Events newest first with how many match; a row opens to show its metadata."""
    args = (customer_id, event_name, meter_id, start, end, metadata_key, metadata_value)
    matching = _matching(tally, business, *args)
    page = queries.events(
        business,
        customer_id=matching.customer_id,
        event_name=matching.event_name,
        start=matching.start,
        end=matching.end,
        meter=matching.meter,
        metadata=matching.metadata,
        page_number=page_number,
        page_size=PAGE_SIZE,
    )
    meters = queries.meters(business, archived=None, page_size=ALL_METERS)
    filters = {
        "customer_id": customer_id,
        "event_name": event_name,
        "meter_id": meter_id,
        "start": start,
        "end": end,
        "metadata_key": metadata_key,
        "metadata_value": metadata_value,
    }
    filtered = any(filters.values())
    return Template(
        "events.html",
        context={
            "page": page,
            "filters": filters,
            "filtered": filtered,
            "meters": meters.items,
            "count": queries.count_events(business, matching, COUNTED_UP_TO),
            "counted_up_to": COUNTED_UP_TO,
            "exported_up_to": EXPORTED_UP_TO,
        },
    )


def events_csv(events: Iterator[EventView]) -> Iterator[str]:
    """One row per event, the metadata as JSON; written as the rows are read."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["event_id", "customer_id", "event_name", "timestamp", "metadata"])
    for event in events:
        writer.writerow(
            [
                event.event_id,
                event.customer_id,
                event.event_name,
                event.timestamp.isoformat(),
                json.dumps(event.metadata),
            ]
        )
        yield out.getvalue()
        out.seek(0)
        out.truncate()
    yield out.getvalue()


@get("/events.csv", sync_to_thread=True, media_type="text/csv")
def events_export(
    tally: Tally,
    queries: Queries,
    business: uuid.UUID,
    customer_id: str = "",
    event_name: str = "",
    meter_id: str = "",
    start: str = "",
    end: str = "",
    metadata_key: str = "",
    metadata_value: str = "",
) -> Stream:
    """The explorer's filtered events as CSV, newest first, at most EXPORTED_UP_TO rows."""
    args = (customer_id, event_name, meter_id, start, end, metadata_key, metadata_value)
    matching = _matching(tally, business, *args)
    return Stream(
        events_csv(queries.stream_events(business, matching, EXPORTED_UP_TO)),
        media_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="events.csv"'},
    )


HANDLERS = [events_page, events_export]
