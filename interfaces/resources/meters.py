"""Meters: the bodies of their commands, what the commands and the usage query answer, and a meter's usage
as both interfaces read it."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Annotated, Any

import msgspec

from application.tally import Tally
from domain.aggregation import KINDS
from domain.errors import Fault, Invalid, Malformed, NotFound, NotReady
from domain.meter_filter import MAX_KEY_LENGTH
from domain.text import text_fault
from domain.time_range import time_fault
from projections.reads.queries import Queries
from projections.usage.meter_views import MeterView

MAX_BUCKETS = 10_000
MAX_GROUP_KEYS = 5
WINDOW_LENGTH = {
    "minute": timedelta(minutes=1),
    "hour": timedelta(hours=1),
    "day": timedelta(days=1),
    "month": timedelta(days=28),
}


class MeterCreate(msgspec.Struct, forbid_unknown_fields=True):
    """Loosely typed on purpose: the domain checks every field and names each fault's path."""

    name: Any = None
    event_name: Any = None
    aggregation: Any = None
    filter: Any = None
    measurement_unit: Any = None
    description: Any = None


class AggregationIn(msgspec.Struct):
    type: Annotated[str, msgspec.Meta(extra_json_schema={"enum": list(KINDS)})]
    key: str | None = None


class MeterCreateBody(msgspec.Struct):
    """What `POST /meters` reads, for the OpenAPI document (MeterCreate decodes it loosely; the domain checks).
    `aggregation.type` is one of the kinds the domain knows; `filter` is
    `{conjunction: and|or, clauses: [{key, operator, value} | filter]}`."""

    name: str
    event_name: str
    aggregation: AggregationIn
    measurement_unit: str | None = None
    description: str | None = None
    filter: dict[str, Any] | None = None


class MeterUpdate(msgspec.Struct, forbid_unknown_fields=True):
    """Dodo's meter_update_params: only how the meter is shown. Fields sent change; null clears the description
    or the unit. Event name, aggregation and filter are not fields: a definition never changes."""

    name: str | msgspec.UnsetType = msgspec.UNSET
    description: str | None | msgspec.UnsetType = msgspec.UNSET
    measurement_unit: str | None | msgspec.UnsetType = msgspec.UNSET

    def changes(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in self.__struct_fields__ if getattr(self, f) is not msgspec.UNSET}


_create = msgspec.json.Decoder(MeterCreate, float_hook=Decimal)


def decode_meter(body: bytes) -> MeterCreate:
    try:
        return _create.decode(body)
    except msgspec.ValidationError as exc:
        # Every field is typed Any, so the only faults left are an unknown field or a body that is no object.
        field = str(exc).split("`")[1] if "unknown field" in str(exc) else "body"
        raise Invalid(f"invalid meter: {exc}", "invalid_meter", [Fault(field, str(exc))]) from None
    except msgspec.DecodeError as exc:
        raise Malformed(f"the body is not valid JSON: {exc}") from None


class MeterWritten(MeterView):
    position: int = 0


class UsageBucket(msgspec.Struct):
    start: datetime
    end: datetime
    value: Decimal | None


class UsageGroup(msgspec.Struct):
    """One combination of the group_by keys' values (null: events without the key)."""

    group: dict[str, str | None]
    total: Decimal | None
    buckets: list[UsageBucket]


class MeterUsage(msgspec.Struct):
    meter_id: uuid.UUID
    total: Decimal | None
    buckets: list[UsageBucket]
    groups: list[UsageGroup] | None = None  # with group_by only


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
