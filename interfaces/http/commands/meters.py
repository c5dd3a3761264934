"""Meter commands."""
from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

import msgspec
from litestar import post

from application.tally import Tally
from application.written import Written
from domain.errors import Fault, Invalid, Malformed
from interfaces.http.schemas.meters import MeterWritten
from projections.queries import Queries


class MeterCreate(msgspec.Struct, forbid_unknown_fields=True):
    """Loosely typed on purpose: the domain checks every field and names each fault's path."""

    name: Any = None
    event_name: Any = None
    aggregation: Any = None
    filter: Any = None
    measurement_unit: Any = None
    description: Any = None


_create = msgspec.json.Decoder(MeterCreate, float_hook=Decimal)


def _written(tally: Tally, queries: Queries, business: uuid.UUID, done: Written[uuid.UUID]) -> MeterWritten:
    meter = tally.meters.get_meter(business, done.id)
    return MeterWritten(**msgspec.structs.asdict(queries.meter(meter)), position=done.position)


def _decode(body: bytes) -> MeterCreate:
    try:
        return _create.decode(body)
    except msgspec.ValidationError as exc:
        # Every field is typed Any, so the only faults left are an unknown field or a body that is no object.
        field = str(exc).split("`")[1] if "unknown field" in str(exc) else "body"
        raise Invalid(f"invalid meter: {exc}", "invalid_meter", [Fault(field, str(exc))]) from None
    except msgspec.DecodeError as exc:
        raise Malformed(f"the body is not valid JSON: {exc}") from None


class MeterCommands:
    """The commands half of a resource's controller (interfaces/http/controllers.py)."""

    @post(operation_id="CreateMeter", status_code=201, sync_to_thread=True)
    def create_meter(self, body: bytes, tally: Tally, queries: Queries, business: uuid.UUID) -> MeterWritten:
        """Create a meter: `{name, event_name, aggregation: {type: count|sum|max|last, key?}, filter?,
        measurement_unit?, description?}`. `key` (a metadata key) is required for sum, max and last.
        filter = `{conjunction: and|or, clauses: [{key, operator, value} | filter]}`, nested at most 3 levels.
        Faults answer 422 with each field's path (e.g. `filter.clauses[1].operator`). Definitions never change:
        create a new meter instead. Events from before the meter are counted by a back-fill."""
        data = _decode(body)
        done = tally.meters.create_meter(business, data.name, data.event_name, data.aggregation, data.filter,
                                         data.measurement_unit, data.description)
        return _written(tally, queries, business, done)

    @post("/{meter_id:uuid}/archive", operation_id="ArchiveMeter", status_code=200, sync_to_thread=True)
    def archive_meter(self, meter_id: uuid.UUID, tally: Tally, queries: Queries,
                      business: uuid.UUID) -> MeterWritten:
        """Stop counting new events; usage counted so far is kept. Archiving an archived meter changes nothing."""
        return _written(tally, queries, business, tally.meters.archive_meter(business, meter_id))

    @post("/{meter_id:uuid}/unarchive", operation_id="UnarchiveMeter", status_code=200, sync_to_thread=True)
    def unarchive_meter(self, meter_id: uuid.UUID, tally: Tally, queries: Queries,
                        business: uuid.UUID) -> MeterWritten:
        """Count new events again (events that arrived while archived stay uncounted)."""
        return _written(tally, queries, business, tally.meters.unarchive_meter(business, meter_id))
