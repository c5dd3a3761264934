"""Meter commands."""

from __future__ import annotations

import uuid

import msgspec
from litestar import delete, patch, post

from application.tally import Tally
from application.written import Written
from interfaces.resources.meters import MeterCreateBody, MeterUpdate, MeterWritten, decode_meter
from projections.reads.queries import Queries


def _written(tally: Tally, queries: Queries, business: uuid.UUID, done: Written[uuid.UUID]) -> MeterWritten:
    meter = tally.meters.get_meter(business, done.id)
    return MeterWritten(**msgspec.structs.asdict(queries.meter(meter)), position=done.position)


class MeterCommands:
    """The commands half of a resource's controller (interfaces/http/controllers.py)."""

    @post(operation_id="CreateMeter", status_code=201, sync_to_thread=True, opt={"body": MeterCreateBody})
    def create_meter(self, body: bytes, tally: Tally, queries: Queries, business: uuid.UUID) -> MeterWritten:
        """Create a meter: `{name, event_name, aggregation: {type: count|sum|max|last, key?}, filter?,
        measurement_unit?, description?}`. `key` (a metadata key) is required for sum, max and last.
        filter = `{conjunction: and|or, clauses: [{key, operator, value} | filter]}`, nested at most 3 levels.
        Faults answer 422 with each field's path (e.g. `filter.clauses[1].operator`). Definitions never change:
        create a new meter instead. Events from before the meter are counted by a back-fill."""
        data = decode_meter(body)
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
