"""Meter commands. A meter belongs to one business: another business's meter id is not found."""

from __future__ import annotations

import uuid
from typing import Any

from application.written import Written
from domain.errors import NotFound
from domain.meter import Meter
from store.event_store import EventStore


class Meters:
    def __init__(self, store: EventStore) -> None:
        self.repository = store.repository
        self.save = store.save

    def create_meter(
        self,
        business: uuid.UUID,
        name: str,
        event_name: str,
        aggregation: Any,
        filter: Any = None,
        measurement_unit: str | None = None,
        description: str | None = None,
    ) -> Written[uuid.UUID]:
        meter = Meter.define(business, name, event_name, aggregation, filter, measurement_unit, description)
        recordings = self.save(meter)
        return Written.by(meter.id, recordings)

    def get_meter(self, business: uuid.UUID, meter_id: uuid.UUID) -> Meter:
        if meter_id not in self.repository:
            raise NotFound("meter", meter_id)
        meter: Any = self.repository.get(meter_id)
        if not isinstance(meter, Meter) or meter.business_id != business:
            raise NotFound("meter", meter_id)
        return meter

    def update_meter(self, business: uuid.UUID, meter_id: uuid.UUID, changes: dict[str, Any]) -> Written[uuid.UUID]:
        """Name, description or unit only: a meter's definition never changes (domain/meter.py)."""
        meter = self.get_meter(business, meter_id)
        meter.update(changes)
        return Written.by(meter.id, self.save(meter))

    def is_meter(self, business: uuid.UUID, meter_id: str) -> bool:
        """Whether the text names one of the business's meters (usage prices carry meter ids as text)."""
        try:
            self.get_meter(business, uuid.UUID(meter_id))
        except (ValueError, NotFound):
            return False
        return True

    def archive_meter(self, business: uuid.UUID, meter_id: uuid.UUID) -> Written[uuid.UUID]:
        meter = self.get_meter(business, meter_id)
        meter.archive()
        return Written.by(meter.id, self.save(meter))

    def unarchive_meter(self, business: uuid.UUID, meter_id: uuid.UUID) -> Written[uuid.UUID]:
        meter = self.get_meter(business, meter_id)
        meter.unarchive()
        return Written.by(meter.id, self.save(meter))
