"""The events explorer: every usage event of the business, filtered and paged."""
from __future__ import annotations

import uuid
from typing import Any

from litestar import Request, get
from litestar.params import Parameter
from litestar.response import Template

from application.tally import Tally
from interfaces.dashboard.forms import blank_to_none, parse_time
from projections.event_queries import list_events

PAGE_SIZE = 50


@get("/events", sync_to_thread=True)
def events_page(request: Request[Any, Any, Any], tally: Tally, business: uuid.UUID,
                customer_id: str = "", event_name: str = "", start: str = "", end: str = "",
                page_number: int = Parameter(default=0, ge=0)) -> Template:
    """Events newest first; a row opens to show its metadata."""
    since, until = parse_time(start, "start"), parse_time(end, "end")
    page = list_events(tally.recorder.datastore, tally.schema, business, customer_id=blank_to_none(customer_id),
                       event_name=blank_to_none(event_name), start=since, end=until,
                       page_number=page_number, page_size=PAGE_SIZE)
    filters = {"customer_id": customer_id, "event_name": event_name, "start": start, "end": end}
    return Template("events.html", context={
        "page": page, "filters": filters, "filtered": any(filters.values()),
        "base_url": str(request.base_url).rstrip("/")})


HANDLERS = [events_page]
