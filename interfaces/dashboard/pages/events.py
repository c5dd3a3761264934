"""The events explorer: every usage event of the business, filtered and paged."""

from __future__ import annotations

import uuid

from litestar import get
from litestar.response import Template

from application.tally import Tally
from interfaces.dashboard.forms import blank_to_none, parse_time
from interfaces.resources.paging import PageNumber
from projections.reads.queries import Queries

PAGE_SIZE = 50
ALL_METERS = 1000


@get("/events", sync_to_thread=True)
def events_page(
    tally: Tally,
    queries: Queries,
    business: uuid.UUID,
    customer_id: str = "",
    event_name: str = "",
    meter_id: uuid.UUID | None = None,
    start: str = "",
    end: str = "",
    page_number: PageNumber = 0,
) -> Template:
    """Events newest first; a row opens to show its metadata."""
    since, until = parse_time(start, "start"), parse_time(end, "end")
    meter = None if meter_id is None else tally.meters.get_meter(business, meter_id)
    page = queries.events(
        business,
        customer_id=blank_to_none(customer_id),
        event_name=blank_to_none(event_name),
        start=since,
        end=until,
        meter=meter,
        page_number=page_number,
        page_size=PAGE_SIZE,
    )
    meters = queries.meters(business, archived=None, page_size=ALL_METERS)
    filters = {
        "customer_id": customer_id,
        "event_name": event_name,
        "meter_id": str(meter_id or ""),
        "start": start,
        "end": end,
    }
    return Template(
        "events.html",
        context={"page": page, "filters": filters, "filtered": any(filters.values()), "meters": meters.items},
    )


HANDLERS = [events_page]
