"""Meters: the list with a create form, each meter's usage chart and latest events."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any

import msgspec
from litestar import Response, get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body
from litestar.response import Redirect, Template

from application.tally import Tally
from domain.aggregation import KINDS
from domain.errors import Fault, Invalid
from interfaces.dashboard.chart_range import PRESETS, ChartRange, chart_range, slots
from interfaces.dashboard.forms import blank_to_none
from interfaces.dashboard.meter_form import OPERATORS, clauses_of, meter_body
from interfaces.resources.freshness import Fresh
from interfaces.resources.meters import MeterUsage, UsageBucket, UsageGroup, read_usage
from interfaces.resources.paging import PageNumber
from projections.reads.queries import Queries
from projections.usage.meter_queries import WINDOWS

Form = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.URL_ENCODED)]
PAGE_SIZE = 50
LATEST_EVENTS = 20
CYCLES = 1000


def _list(
    queries: Queries,
    business: uuid.UUID,
    form: dict[str, Any],
    errors: list[str],
    status_code: int = 200,
    page_number: int = 0,
) -> Template:
    page = queries.meters(business, archived=None, page_number=page_number, page_size=PAGE_SIZE)
    counted = queries.events_counted([m.id for m in page.items])
    return Template(
        "meters.html",
        status_code=status_code,
        context={
            "page": page,
            "meters": page.items,
            "counted": counted,
            "form": form,
            "errors": errors,
            "clauses": clauses_of(form),
            "operators": OPERATORS,
            "aggregations": KINDS,
            "query": {},
        },
    )


@get("/meters", sync_to_thread=True)
def meters_page(queries: Queries, business: uuid.UUID, page_number: PageNumber = 0) -> Template:
    """Meters newest first, archived ones marked, and the create-meter form."""
    return _list(queries, business, {}, [], page_number=page_number)


@post("/meters", sync_to_thread=True, status_code=303)
def add_meter(tally: Tally, queries: Queries, business: uuid.UUID, data: Form) -> Template | Redirect:
    """Creates a meter with the API's rules; a rejected form comes back with each fault."""
    body = meter_body(data)
    try:
        done = tally.meters.create_meter(
            business,
            body["name"],
            body["event_name"],
            body["aggregation"],
            body.get("filter"),
            body.get("measurement_unit"),
            body.get("description"),
        )
    except Invalid as exc:
        errors = [f"{f.field}: {f.reason}" for f in exc.errors] or [exc.detail]
        return _list(queries, business, data, errors, status_code=422)
    return Redirect(f"/dashboard/meters/{done.id}?min_position={done.position}", status_code=303)


def _cycle_start(queries: Queries, business: uuid.UUID, customer_id: str | None) -> datetime | None:
    """Where "this cycle" begins: the earliest open cycle (of the customer, when one is chosen)."""
    return min((r["cycle_start"] for r in queries.open_cycles(business, CYCLES, customer_id)), default=None)


def _chart(
    queries: Queries, business: uuid.UUID, preset: str, start: str, end: str, window: str, customer_id: str
) -> ChartRange:
    if window and window not in WINDOWS:
        raise Invalid(
            f"window must be one of {', '.join(WINDOWS)}",
            "invalid_window",
            [Fault("window", f"must be one of {', '.join(WINDOWS)} or blank (fits the range)")],
        )
    cycle = _cycle_start(queries, business, blank_to_none(customer_id)) if preset == "cycle" else None
    return chart_range(preset, start, end, window, cycle)


@get("/meters/{meter_id:uuid}", sync_to_thread=True)
def meter_page(
    meter_id: uuid.UUID,
    tally: Tally,
    queries: Queries,
    business: uuid.UUID,
    fresh: Fresh,
    window: str = "",
    customer_id: str = "",
    start: str = "",
    end: str = "",
    preset: str = "",
    group_by: str = "",
) -> Template:
    """The meter's definition, its usage chart (stacked by a metadata key when one is chosen) and the latest
    events it selects."""
    meter = tally.meters.get_meter(business, meter_id)
    span, usage = _chart_usage(tally, queries, business, meter_id, preset, start, end, window, customer_id, group_by)
    latest = queries.events(
        business,
        customer_id=blank_to_none(customer_id),
        start=span.start,
        end=span.end,
        meter=meter,
        page_size=LATEST_EVENTS,
    )
    query = {
        "window": span.window,
        "customer_id": customer_id,
        "start": span.start.strftime("%Y-%m-%dT%H:%M"),
        "end": span.end.strftime("%Y-%m-%dT%H:%M"),
        "group_by": group_by,
    }
    # The chart asks again with what the person asked for: without an end it follows the clock, so an event
    # that arrives after the page's last minute still shows.
    asked = {
        k: v
        for k, v in {
            "window": window,
            "customer_id": customer_id,
            "preset": preset,
            "start": start,
            "end": end,
            "group_by": group_by,
        }.items()
        if v
    }
    keys = sorted({k for e in latest.items for k in e.metadata})  # suggestions for the stack-by key
    return Template(
        "meter.html",
        context={
            "meter": queries.meter(meter),
            "usage": usage,
            "events": latest,
            "keys": keys,
            "windows": WINDOWS,
            "query": query,
            "asked": asked,
            "presets": PRESETS,
            "preset": span.preset,
            "span": (int(span.start.timestamp()), int(span.end.timestamp())),
        },
    )


def _chart_usage(
    tally: Tally,
    queries: Queries,
    business: uuid.UUID,
    meter_id: uuid.UUID,
    preset: str,
    start: str,
    end: str,
    window: str,
    customer_id: str,
    group_by: str,
) -> tuple[ChartRange, MeterUsage]:
    """The span the chart's fields ask for and the meter's usage over it (the page and its redraws alike)."""
    span = _chart(queries, business, preset, start, end, window, customer_id)
    keys = (group_by,) if group_by.strip() else ()
    usage = read_usage(
        tally, queries, business, meter_id, span.start, span.end, blank_to_none(customer_id), span.window, keys
    )
    return span, usage


class ChartUsage(msgspec.Struct):
    """`GET /meters/{id}/usage`'s answer, with the span it covers (epoch seconds) for the chart's x axis and
    the start of every window in it (`slots`), those without usage included."""

    total: Decimal | None
    buckets: list[UsageBucket]
    start: int
    end: int
    window: str
    slots: list[int]
    groups: list[UsageGroup] | None = None  # a stacked series per value of the chosen key


class ChartError(msgspec.Struct):
    """Why the API refused the range, in its words, for the chart to show instead of bars."""

    detail: str
    errors: list[str]


@get("/meters/{meter_id:uuid}/usage.json", sync_to_thread=True)
def meter_usage_json(
    meter_id: uuid.UUID,
    tally: Tally,
    queries: Queries,
    business: uuid.UUID,
    window: str = "",
    customer_id: str = "",
    start: str = "",
    end: str = "",
    preset: str = "",
    group_by: str = "",
) -> ChartUsage | Response[ChartError]:
    """What the chart redraws from: the same usage as `GET /meters/{id}/usage`, over the span asked for
    (up to now when no end was given)."""
    try:
        span, usage = _chart_usage(
            tally, queries, business, meter_id, preset, start, end, window, customer_id, group_by
        )
    except Invalid as exc:
        return Response(ChartError(exc.detail, [f"{f.field}: {f.reason}" for f in exc.errors]), status_code=422)
    return ChartUsage(
        usage.total,
        usage.buckets,
        int(span.start.timestamp()),
        int(span.end.timestamp()),
        span.window,
        slots(span.start, span.end, span.window),
        usage.groups,
    )


@post("/meters/{meter_id:uuid}/{change:str}", sync_to_thread=True, status_code=303)
def archive_or_unarchive(meter_id: uuid.UUID, change: str, tally: Tally, business: uuid.UUID) -> Redirect:
    """Archive (stop counting) or unarchive a meter."""
    commands = {"archive": tally.meters.archive_meter, "unarchive": tally.meters.unarchive_meter}
    if change not in commands:
        raise Invalid(f"a meter can be archived or unarchived, not {change!r}", "invalid_change")
    position = commands[change](business, meter_id).position
    return Redirect(f"/dashboard/meters/{meter_id}?min_position={position}", status_code=303)


HANDLERS = [meters_page, add_meter, meter_page, meter_usage_json, archive_or_unarchive]
