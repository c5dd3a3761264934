"""Ingestion: a batch of usage events is checked whole, then stored in one
transaction. The event store's primary key is the deduplication index, checked
under the event table's lock (application/usage_records.py)."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from application.usage_records import insert_new, recorded_states
from domain.customer import customer_id
from domain.errors import Fault, Invalid
from domain.usage_event import MAX_BATCH, IncomingEvent, faults_of, usage_event_id


@dataclass(frozen=True)
class Ingested:
    ingested_count: int
    duplicate_count: int
    position: int


class IngestionCommands:
    mapper: Any
    recorder: Any
    events_table: Any
    existing_ids: Any

    def ingest(self, business: uuid.UUID, batch: list[IncomingEvent], now: datetime) -> Ingested:
        self._check_batch(business, batch, now)
        ids = [usage_event_id(business, e.event_id) for e in batch]
        records = list(zip(ids, recorded_states(business, batch, now, self.mapper)))
        with self.recorder.datastore.transaction(commit=True) as cur:
            stored, position = insert_new(cur, self.recorder, self.events_table, records)
        return Ingested(stored, len(batch) - stored, position)

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
        wanted = {name: customer_id(business, name) for name in {e.customer_id for e in batch}}
        known = self.existing_ids(list(set(wanted.values())))
        for index, incoming in enumerate(batch):
            if wanted[incoming.customer_id] not in known:
                faults.append(Fault("customer_id", f"unknown customer {incoming.customer_id}", index))
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the batch; nothing was stored", "invalid_events", faults)
