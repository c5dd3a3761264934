"""Ingestion: a batch of usage events is checked whole, then stored in one
transaction. The event store's primary key is the deduplication index."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from eventsourcing.persistence import IntegrityError

from domain.customer import customer_id
from domain.errors import Fault, Invalid
from domain.usage_event import MAX_BATCH, IncomingEvent, UsageEvent, faults_of, usage_event_id

# A batch can lose one round to each concurrent writer of overlapping ids, so allow more rounds than writers.
RACE_RETRIES = 10


@dataclass(frozen=True)
class Ingested:
    ingested_count: int
    duplicate_count: int
    position: int


class IngestionCommands:
    save: Any
    existing_ids: Any
    head: Any

    def ingest(self, business: uuid.UUID, batch: list[IncomingEvent], now: datetime) -> Ingested:
        self._check_batch(business, batch, now)
        ids = [usage_event_id(business, e.event_id) for e in batch]
        known = self.existing_ids(ids)
        fresh = [
            UsageEvent(
                business_id=business, event_id=e.event_id, customer_id=e.customer_id, event_name=e.event_name,
                occurred_at=e.timestamp or now, metadata=e.metadata,
            )
            for e, i in zip(batch, ids)
            if i not in known
        ]
        # A failed save has already drained the aggregates, so keep their events.
        pending = [ev for agg in fresh for ev in agg.collect_events()]
        for _ in range(RACE_RETRIES):
            if not pending:
                return Ingested(0, len(batch), self.head())
            try:
                recordings = self.save(*pending)
            except IntegrityError:
                raced = self.existing_ids([ev.originator_id for ev in pending])
                pending = [ev for ev in pending if ev.originator_id not in raced]
                continue
            return Ingested(len(pending), len(batch) - len(pending), recordings[-1].notification.id)
        raise IntegrityError("ingestion kept racing with concurrent writers")

    def _check_batch(self, business: uuid.UUID, batch: list[IncomingEvent], now: datetime) -> None:
        if not 1 <= len(batch) <= MAX_BATCH:
            raise Invalid(f"a request carries 1 to {MAX_BATCH} events, this one {len(batch)}", "invalid_batch_size",
                          [Fault("events", f"must hold 1 to {MAX_BATCH} events")])
        faults: list[Fault] = []
        seen: dict[str, int] = {}
        for index, incoming in enumerate(batch):
            faults += faults_of(incoming, index, now)
            if incoming.event_id in seen:
                faults.append(Fault("event_id", f"repeats the event_id of event {seen[incoming.event_id]}", index))
            seen.setdefault(incoming.event_id, index)
        wanted = {e.customer_id: customer_id(business, e.customer_id) for e in batch}
        known = self.existing_ids(list(set(wanted.values())))
        for index, incoming in enumerate(batch):
            if wanted[incoming.customer_id] not in known:
                faults.append(Fault("customer_id", f"unknown customer {incoming.customer_id}", index))
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the batch; nothing was stored", "invalid_events", faults)
