"""Meters: the list with a create form, each meter's usage chart and latest events."""
from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Annotated, Any, Literal

import msgspec
from litestar import get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body
from litestar.response import Redirect, Template

from application.tally import Tally
from domain.errors import Invalid
from interfaces.dashboard.forms import blank_to_none, parse_time
from interfaces.dashboard.meter_form import OPERATORS, clauses_of, meter_body
from interfaces.http.queries.meters import read_usage
from interfaces.http.schemas.meters import UsageBucket, UsageGroup
from projections.meter_filter_sql import meter_events_sql
from projections.meter_queries import WINDOWS
from projections.queries import Queries

Window = Literal["minute", "hour", "day", "month"]
Form = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.URL_ENCODED)]
ALL = 1000
LATEST_EVENTS = 20
DEFAULT_SPAN = {"minute": timedelta(hours=2), "hour": timedelta(days=2), "day": timedelta(days=31),
                "month": timedelta(days=366)}


def _list(queries: Queries, business: uuid.UUID, form: dict[str, Any], errors: list[str],
          status_code: int = 200) -> Template:
    meters = queries.meters(business, archived=True, page_size=ALL).items
    counted = queries.events_counted([m.id for m in meters])
    return Template("meters.html", status_code=status_code, context={
        "meters": meters, "counted": counted, "form": form, "errors": errors, "clauses": clauses_of(form),
        "operators": OPERATORS})


@get("/meters", sync_to_thread=True)
def meters_page(queries: Queries, business: uuid.UUID) -> Template:
    """Every meter, archived ones marked, and the create-meter form."""
    return _list(queries, business, {}, [])


@post("/meters", sync_to_thread=True, status_code=303)
def add_meter(tally: Tally, queries: Queries, business: uuid.UUID, data: Form) -> Template | Redirect:
    """Creates a meter with the API's rules; a rejected form comes back with each fault."""
    body = meter_body(data)
    try:
        done = tally.meters.create_meter(
            business, body["name"], body["event_name"], body["aggregation"], body.get("filter"),
            body.get("measurement_unit"), body.get("description"))
    except Invalid as exc:
        errors = [f"{f.field}: {f.reason}" for f in exc.errors] or [exc.detail]
        return _list(queries, business, data, errors, status_code=422)
    return Redirect(f"/dashboard/meters/{done.id}?min_position={done.position}", status_code=303)


def _range(window: str, start: str, end: str) -> tuple[datetime, datetime]:
    until = parse_time(end, "end") or datetime.now(UTC).replace(second=0, microsecond=0) + timedelta(minutes=1)
    return parse_time(start, "start") or until - DEFAULT_SPAN.get(window, DEFAULT_SPAN["day"]), until


@get("/meters/{meter_id:uuid}", sync_to_thread=True)
def meter_page(meter_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID, position_reached: int,
               window: Window = "hour", customer_id: str = "", start: str = "", end: str = "",
               group_by: str = "") -> Template:
    """The meter's definition, its usage chart (stacked by a metadata key when one is chosen) and the latest
    events it selects."""
    meter = tally.meters.get_meter(business, meter_id)
    since, until = _range(window, start, end)
    usage = read_usage(tally, queries, business, meter_id, since, until, blank_to_none(customer_id), window,
                       _keys(group_by))
    latest = queries.events(business, customer_id=blank_to_none(customer_id), start=since, end=until,
                            extra=meter_events_sql(meter), page_size=LATEST_EVENTS)
    customers = queries.customers(business, page_size=ALL).items
    query = {"window": window, "customer_id": customer_id, "start": since.strftime("%Y-%m-%dT%H:%M"),
             "end": until.strftime("%Y-%m-%dT%H:%M"), "group_by": group_by}
    # The chart asks again with what the person asked for: without an end it follows the clock, so an event
    # that arrives after the page's last minute still shows.
    asked = {"window": window, "customer_id": customer_id, **({"start": start} if start else {}),
             **({"end": end} if end else {}), **({"group_by": group_by} if group_by else {})}
    keys = sorted({k for e in latest.items for k in e.metadata})  # suggestions for the stack-by key
    return Template("meter.html", context={
        "meter": queries.meter(meter), "usage": usage, "events": latest, "keys": keys,
        "customers": customers, "windows": WINDOWS, "query": query, "asked": asked,
        "span": (int(since.timestamp()), int(until.timestamp()))})


def _keys(group_by: str) -> tuple[str, ...]:
    return (group_by,) if group_by.strip() else ()


class ChartUsage(msgspec.Struct):
    """`GET /meters/{id}/usage`'s answer, with the span it covers (epoch seconds) for the chart's x axis."""

    total: Decimal | None
    buckets: list[UsageBucket]
    start: int
    end: int
    groups: list[UsageGroup] | None = None  # a stacked series per value of the chosen key


@get("/meters/{meter_id:uuid}/usage.json", sync_to_thread=True)
def meter_usage_json(meter_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID, window: Window = "hour",
                     customer_id: str = "", start: str = "", end: str = "", group_by: str = "") -> ChartUsage:
    """What the chart redraws from: the same usage as `GET /meters/{id}/usage`, over the span asked for
    (up to now when no end was given)."""
    since, until = _range(window, start, end)
    usage = read_usage(tally, queries, business, meter_id, since, until, blank_to_none(customer_id), window,
                       _keys(group_by))
    return ChartUsage(usage.total, usage.buckets, int(since.timestamp()), int(until.timestamp()), usage.groups)


@post("/meters/{meter_id:uuid}/{change:str}", sync_to_thread=True, status_code=303)
def archive_or_unarchive(meter_id: uuid.UUID, change: str, tally: Tally, business: uuid.UUID) -> Redirect:
    """Archive (stop counting) or unarchive a meter."""
    commands = {"archive": tally.meters.archive_meter, "unarchive": tally.meters.unarchive_meter}
    if change not in commands:
        raise Invalid(f"a meter can be archived or unarchived, not {change!r}", "invalid_change")
    position = commands[change](business, meter_id).position
    return Redirect(f"/dashboard/meters/{meter_id}?min_position={position}", status_code=303)


HANDLERS = [meters_page, add_meter, meter_page, meter_usage_json, archive_or_unarchive]
