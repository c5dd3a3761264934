"""Meter queries: definitions and usage."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Literal

import msgspec
from litestar import get

from application.tally import Tally
from domain.errors import Fault, Invalid, NotFound, NotReady
from domain.time_range import time_fault
from interfaces.http.paging import PageNumber, PageSize
from projections.meter_queries import usage_buckets, usage_total
from projections.meter_views import MeterView, list_meters, meter_view
from projections.pages import PageOf

MAX_BUCKETS = 10_000
WINDOW_LENGTH = {"minute": timedelta(minutes=1), "hour": timedelta(hours=1), "day": timedelta(days=1),
                 "month": timedelta(days=28)}


class UsageBucket(msgspec.Struct):
    start: datetime
    end: datetime
    value: Decimal | None


class MeterUsage(msgspec.Struct):
    meter_id: uuid.UUID
    total: Decimal | None
    buckets: list[UsageBucket]


@get("/meters", sync_to_thread=True, tags=["meters"])
def meters(tally: Tally, business: uuid.UUID, position_reached: int, archived: bool = False,
           page_size: PageSize = 10,
           page_number: PageNumber = 0) -> PageOf[MeterView]:
    """Meters, newest first; `archived=true` includes archived ones."""
    return list_meters(tally.store.datastore, tally.store.schema, business, archived, page_number, page_size)


@get("/meters/{meter_id:uuid}", sync_to_thread=True, tags=["meters"])
def meter(meter_id: uuid.UUID, tally: Tally, business: uuid.UUID, position_reached: int) -> MeterView:
    """One meter with `skipped` (matching events without a numeric value) and back-fill progress."""
    return meter_view(tally.store.datastore, tally.store.schema, tally.meters.get_meter(business, meter_id))


def _check_range(start: datetime, end: datetime, window: str) -> None:
    faults = time_fault("start", start) + time_fault("end", end)
    if not faults and end <= start:
        faults.append(Fault("end", "must be after start"))
    elif not faults and (end - start) / WINDOW_LENGTH[window] > MAX_BUCKETS:
        faults.append(Fault("window", f"the range holds more than {MAX_BUCKETS} {window} windows"))
    if faults:
        raise Invalid("invalid usage range", "invalid_range", faults)


@get("/meters/{meter_id:uuid}/usage", sync_to_thread=True, tags=["meters"])
def meter_usage(meter_id: uuid.UUID, tally: Tally, business: uuid.UUID, position_reached: int,
                start: datetime, end: datetime, customer_id: str | None = None,
                window: Literal["minute", "hour", "day", "month"] = "day") -> MeterUsage:
    """The meter's total over [start, end) and per UTC window (only windows with usage), for one customer or
    all. Computed from per-minute buckets, so start and end are truncated to the minute. Count and sum total
    "0" without usage; max and last null."""
    return read_usage(tally, business, meter_id, start, end, customer_id, window)


def read_usage(tally: Tally, business: uuid.UUID, meter_id: uuid.UUID, start: datetime, end: datetime,
               customer_id: str | None, window: str) -> MeterUsage:
    """The usage answer, for the API and the dashboard alike."""
    _check_range(start, end, window)
    tally.meters.get_meter(business, meter_id)
    try:
        with tally.store.datastore.transaction(commit=False) as cur:
            total = usage_total(cur, tally.store.schema, meter_id, customer_id, start, end)
            buckets = usage_buckets(cur, tally.store.schema, meter_id, customer_id, start, end, window)
    except NotFound:
        raise NotReady("the meter is not in the read model yet; retry with min_position", "projections_behind")
    return MeterUsage(meter_id, total, [UsageBucket(*b) for b in buckets])


HANDLERS = [meters, meter, meter_usage]
