"""Meter queries: definitions and usage."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Annotated, Literal

from litestar import get
from litestar.params import Parameter

from application.tally import Tally
from domain.errors import Fault, Invalid, NotFound, NotReady
from domain.meter_filter import MAX_KEY_LENGTH
from domain.text import text_fault
from domain.time_range import time_fault
from interfaces.http.paging import PageNumber, PageSize
from interfaces.http.schemas.meters import MeterUsage, UsageBucket, UsageGroup
from projections.reads.pages import PageOf
from projections.reads.queries import Queries
from projections.usage.meter_views import MeterView

MAX_BUCKETS = 10_000
MAX_GROUP_KEYS = 5
GroupBy = Annotated[
    list[str] | None,
    Parameter(
        description=f"Metadata keys (repeat the parameter, at most {MAX_GROUP_KEYS}) to break the usage down by: a "
        "series per combination of their values, read from the raw events (docs/pricing.md)."
    ),
]
WINDOW_LENGTH = {
    "minute": timedelta(minutes=1),
    "hour": timedelta(hours=1),
    "day": timedelta(days=1),
    "month": timedelta(days=28),
}


class MeterQueries:
    """The queries half of a resource's controller (interfaces/http/controllers.py)."""

    @get(operation_id="ListMeters", sync_to_thread=True)
    def meters(
        self,
        queries: Queries,
        business: uuid.UUID,
        position_reached: int,
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
        position_reached: int,
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
        position_reached: int,
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


def _check_range(start: datetime, end: datetime, window: str, keys: tuple[str, ...] = ()) -> None:
    faults = time_fault("start", start) + time_fault("end", end)
    if len(keys) > MAX_GROUP_KEYS or len(set(keys)) < len(keys):
        faults.append(Fault("group_by", f"at most {MAX_GROUP_KEYS} different keys"))
    for key in keys:
        faults += (
            [Fault("group_by", f"must be a metadata key of 1 to {MAX_KEY_LENGTH} characters")]
            if not 1 <= len(key) <= MAX_KEY_LENGTH
            else text_fault("group_by", key)
        )
    if not faults and end <= start:
        faults.append(Fault("end", "must be after start"))
    elif not faults and (end - start) / WINDOW_LENGTH[window] > MAX_BUCKETS:
        faults.append(Fault("window", f"the range holds more than {MAX_BUCKETS} {window} windows"))
    if faults:
        raise Invalid("invalid usage range", "invalid_range", faults)


def read_usage(
    tally: Tally,
    queries: Queries,
    business: uuid.UUID,
    meter_id: uuid.UUID,
    start: datetime,
    end: datetime,
    customer_id: str | None,
    window: str,
    group_by: tuple[str, ...] = (),
) -> MeterUsage:
    """The usage answer, for the API and the dashboard alike."""
    _check_range(start, end, window, group_by)
    tally.meters.get_meter(business, meter_id)
    try:
        total, buckets = queries.meter_usage(meter_id, customer_id, start, end, window)
        groups = (
            [
                UsageGroup(dict(zip(group_by, g.values)), g.total, [UsageBucket(*b) for b in g.buckets])
                for g in queries.meter_usage_groups(meter_id, customer_id, start, end, window, group_by)
            ]
            if group_by
            else None
        )
    except NotFound:
        raise NotReady(
            "the meter is not in the read model yet; retry with min_position", "projections_behind"
        ) from None
    return MeterUsage(meter_id, total, [UsageBucket(*b) for b in buckets], groups)
