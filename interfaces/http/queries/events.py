"""Event queries, compatible with Dodo Payments' `GET /events`."""

from __future__ import annotations

import uuid
from datetime import datetime

from litestar import get

from application.tally import Tally
from domain.errors import NotFound
from domain.time_range import check_times
from interfaces.resources.events import as_stored
from interfaces.resources.freshness import Fresh
from interfaces.resources.paging import PageNumber, PageSize
from projections.reads.pages import PageOf
from projections.reads.queries import Queries
from projections.usage.event_queries import EventView


class EventQueries:
    """The queries half of a resource's controller (interfaces/http/controllers.py)."""

    @get(operation_id="ListEvents", sync_to_thread=True, opt={"problems": (404,)})
    def events(
        self,
        tally: Tally,
        queries: Queries,
        business: uuid.UUID,
        fresh: Fresh,
        customer_id: str | None = None,
        event_name: str | None = None,
        meter_id: uuid.UUID | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
        page_size: PageSize = 10,
        page_number: PageNumber = 0,
    ) -> PageOf[EventView]:
        """Usage events, newest first, filtered by customer, event name, time range [start, end), and by
        `meter_id`: the events that meter's event name and filter select."""
        check_times(start=start, end=end)
        meter = None if meter_id is None else tally.meters.get_meter(business, meter_id)
        return queries.events(
            business,
            customer_id=customer_id,
            event_name=event_name,
            start=start,
            end=end,
            meter=meter,
            page_number=page_number,
            page_size=page_size,
        )

    @get("/{event_id:str}", operation_id="GetEvent", sync_to_thread=True)
    def event(self, event_id: str, tally: Tally, queries: Queries, business: uuid.UUID, fresh: Fresh) -> EventView:
        """One usage event by its event_id: from the read model, or, if it has not caught up yet, from the event
        store, keyed by the same id; so an event can be read back as soon as its ingest answered."""
        try:
            return queries.event(business, event_id)
        except NotFound:
            recorded, position = tally.ingestion.recorded(business, event_id)
        return EventView(
            id=recorded.event_id,
            event_id=recorded.event_id,
            business_id=str(recorded.business_id),
            customer_id=recorded.customer_id,
            event_name=recorded.event_name,
            timestamp=recorded.occurred_at,
            metadata=as_stored(recorded.metadata),
            position=position,
        )
