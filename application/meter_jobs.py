"""Records a meter's back-fill as done once the `usage` read model has counted every event recorded
before the meter (the back-fill itself is the read model's work, docs/meters.md): the log then holds the
fact, and webhooks announce it as `meter.backfill_completed`."""

from __future__ import annotations

from collections.abc import Callable

from eventsourcing.persistence import IntegrityError

from application.billing_jobs import throttled
from application.ports import ReadSide
from domain.meter import Meter
from store.event_store import EventStore

BATCH = 100
INTERVAL_S = 1.0


class MeterJobs:
    def __init__(self, store: EventStore, read_side: ReadSide) -> None:
        self.store = store
        self.read_side = read_side

    def record_backfills(self) -> int:
        recorded = 0
        for meter_id in self.read_side.backfilled_meters(BATCH):
            meter: Meter = self.store.repository.get(meter_id)
            if meter.backfilled:
                continue  # recorded already; the read model has not taken it in yet
            meter.complete_backfill()
            try:
                self.store.save(meter)
            except IntegrityError:
                continue  # archived meanwhile: the next round decides again
            recorded += 1
        return recorded

    def backfill_job(self) -> Callable[[], bool]:
        return throttled(lambda: self.record_backfills() > 0, INTERVAL_S)
