"""Meter queries: definitions and usage."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from litestar import get
from litestar.params import Parameter

from application.tally import Tally
from interfaces.resources.freshness import Fresh
from interfaces.resources.meters import MAX_GROUP_KEYS, MeterUsage, read_usage
from interfaces.resources.paging import PageNumber, PageSize
from projections.reads.pages import PageOf
from projections.reads.queries import Queries
from projections.usage.meter_views import MeterView

GroupBy = Annotated[
    list[str] | None,
    Parameter(
        description=f"Metadata keys (repeat the parameter, at most {MAX_GROUP_KEYS}) to break the usage down by: a "
        "series per combination of their values, read from the raw events (docs/pricing.md)."
    ),
]


class MeterQueries:
    """The queries half of a resource's controller (interfaces/http/controllers.py)."""

    @get(operation_id="ListMeters", sync_to_thread=True)
    def meters(
        self,
        queries: Queries,
        business: uuid.UUID,
        fresh: Fresh,
        archived: bool = Parameter(default=False, description="true: archived meters only, as Dodo"),
        page_size: PageSize = 10,
        page_number: PageNumber = 0,
    ) -> PageOf[MeterView]:
        """Meters, newest first: active ones, or with `archived=true` the archived ones."""
        return queries.meters(business, archived, page_number, page_size)

    @get("/{meter_id:uuid}", operation_id="GetMeter", sync_to_thread=True)
    def meter(
        self,
        meter_id: uuid.UUID,
        tally: Tally,
        queries: Queries,
        business: uuid.UUID,
        fresh: Fresh,
    ) -> MeterView:
        """One meter with `skipped` (matching events without a numeric value) and back-fill progress."""
        return queries.meter(tally.meters.get_meter(business, meter_id))

    @get("/{meter_id:uuid}/usage", operation_id="GetMeterUsage", sync_to_thread=True)
    def meter_usage(
        self,
        meter_id: uuid.UUID,
        tally: Tally,
        queries: Queries,
        business: uuid.UUID,
        fresh: Fresh,
        start: datetime,
        end: datetime,
        customer_id: str | None = None,
        window: Literal["minute", "hour", "day", "month"] = "day",
        group_by: GroupBy = None,
    ) -> MeterUsage:
        """The meter's total over [start, end) and per UTC window (only windows with usage), for one customer or
        all. Computed from per-minute buckets, so start and end are truncated to the minute. Count, sum and
        unique_count total "0" without usage; max, min, avg and last null. With `group_by`, also `groups`: the
        same per combination of the keys' values."""
        return read_usage(tally, queries, business, meter_id, start, end, customer_id, window, tuple(group_by or ()))
