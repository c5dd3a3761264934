"""Event queries, compatible with Dodo Payments' `GET /events`."""
from __future__ import annotations

import uuid
from datetime import datetime

from litestar import get

from application.tally import Tally
from domain.time_range import check_times
from interfaces.http.paging import PageNumber, PageSize
from projections.event_queries import EventView, get_event, list_events
from projections.meter_filter_sql import meter_events_sql
from projections.pages import PageOf


@get("/events", sync_to_thread=True, tags=["events"])
def events(tally: Tally, business: uuid.UUID, position_reached: int,
         customer_id: str | None = None, event_name: str | None = None, meter_id: uuid.UUID | None = None,
         start: datetime | None = None, end: datetime | None = None,
         page_size: PageSize = 10,
         page_number: PageNumber = 0) -> PageOf[EventView]:
    """Usage events, newest first, filtered by customer, event name, time range [start, end), and by
    `meter_id`: the events that meter's event name and filter select."""
    check_times(start=start, end=end)
    extra = None if meter_id is None else meter_events_sql(tally.meters.get_meter(business, meter_id))
    return list_events(tally.store.datastore, tally.store.schema, business, customer_id=customer_id,
                       event_name=event_name, start=start, end=end, extra=extra, page_number=page_number,
                       page_size=page_size)

@get("/events/{event_id:str}", sync_to_thread=True, tags=["events"])
def event(event_id: str, tally: Tally, business: uuid.UUID, position_reached: int) -> EventView:
    """One usage event by its event_id."""
    return get_event(tally.store.datastore, tally.store.schema, business, event_id)


HANDLERS = [events, event]
