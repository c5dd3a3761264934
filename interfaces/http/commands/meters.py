"""Meter commands."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Annotated, Any

import msgspec
from litestar import delete, patch, post

from application.tally import Tally
from application.written import Written
from domain.aggregation import KINDS
from domain.errors import Fault, Invalid, Malformed
from interfaces.http.schemas.meters import MeterWritten
from projections.reads.queries import Queries


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

    @post(operation_id="CreateMeter", status_code=201, sync_to_thread=True, opt={"body": MeterCreateBody})
    def create_meter(self, body: bytes, tally: Tally, queries: Queries, business: uuid.UUID) -> MeterWritten:
        """Create a meter: `{name, event_name, aggregation: {type: count|sum|max|last, key?}, filter?,
        measurement_unit?, description?}`. `key` (a metadata key) is required for sum, max and last.
        filter = `{conjunction: and|or, clauses: [{key, operator, value} | filter]}`, nested at most 3 levels.
        Faults answer 422 with each field's path (e.g. `filter.clauses[1].operator`). Definitions never change:
        create a new meter instead. Events from before the meter are counted by a back-fill."""
        data = _decode(body)
        done = tally.meters.create_meter(
            business, data.name, data.event_name, data.aggregation, data.filter, data.measurement_unit, data.description
        )
        return _written(tally, queries, business, done)

    @patch("/{meter_id:uuid}", operation_id="UpdateMeter", sync_to_thread=True)
    def update_meter(
        self, meter_id: uuid.UUID, data: MeterUpdate, tally: Tally, queries: Queries, business: uuid.UUID
    ) -> MeterWritten:
        """Rename a meter, or change its description or unit. What it counts never changes (docs/dodo.md)."""
        return _written(tally, queries, business, tally.meters.update_meter(business, meter_id, data.changes()))

    @post("/{meter_id:uuid}/archive", operation_id="ArchiveMeter", status_code=200, sync_to_thread=True)
    def archive_meter(self, meter_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID) -> MeterWritten:
        """Stop counting new events; usage counted so far is kept. Archiving an archived meter changes nothing."""
        return _written(tally, queries, business, tally.meters.archive_meter(business, meter_id))

    @delete("/{meter_id:uuid}", operation_id="DeleteMeter", status_code=200, sync_to_thread=True)
    def delete_meter(self, meter_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID) -> MeterWritten:
        """Archive, as Dodo's `DELETE /meters/{id}` does: nothing recorded is ever deleted, and
        `POST /meters/{id}/unarchive` undoes it."""
        return _written(tally, queries, business, tally.meters.archive_meter(business, meter_id))

    @post("/{meter_id:uuid}/unarchive", operation_id="UnarchiveMeter", status_code=200, sync_to_thread=True)
    def unarchive_meter(self, meter_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID) -> MeterWritten:
        """Count new events again (events that arrived while archived stay uncounted)."""
        return _written(tally, queries, business, tally.meters.unarchive_meter(business, meter_id))
