"""Ingestion: a batch of usage events is checked whole, then stored in one
transaction, as rows of the usage log (store/usage_log.py). The log's unique
(business, event_id) index is the deduplication index: a fresh batch is written
straight away with one COPY under the table lock, and a stored id fails that
COPY; the batch is then written once more with the ids already stored dropped
under the lock, which cannot lose a race. After a resend, the
next batches are checked before the lock instead, so a stream of resends does
not pay a failed COPY each time (docs/decisions.md, "Ingest races").

The batches of concurrent requests are committed together (group commit): every
write of the event store holds one table lock until it commits, so while one
transaction holds it, the batches that arrive in the same process queue, and
the next holder writes all of them in one COPY and one commit (docs/decisions.md,
"Group commit")."""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass
from datetime import datetime

from eventsourcing.persistence import IntegrityError

from domain.customer import customer_id
from domain.errors import Fault, Invalid, NotFound
from domain.usage_event import MAX_BATCH, IncomingEvent, UsageEvent, batch_faults
from store import usage_log
from store.event_store import EventStore

CUSTOMER_CACHE_SIZE = 100_000
# A fresh batch is written straight away: its ids are checked by the COPY itself (the primary key). After a
# batch that held stored ids, this many batches are checked first, so a stream of resends does not fail a
# COPY under the lock each time (docs/decisions.md, "Ingest races").
CHECKED_AFTER_RESEND = 100
# A group commit takes the batches queued, up to this many events: the lock is held for one COPY of them.
GROUP_EVENTS = 10 * MAX_BATCH


@dataclass(frozen=True)
class Ingested:
    ingested_count: int
    duplicate_count: int
    position: int


@dataclass
class _Queued:
    """One request's batch waiting for a group commit, and what became of it."""

    keys: list[tuple[uuid.UUID, str]]  # (business, event_id)
    rows: list[bytes]
    written: int = 0
    position: int = 0
    failure: BaseException | None = None
    finished: bool = False


class Ingestion:
    def __init__(self, store: EventStore) -> None:
        self.recorder = store.recorder
        self.datastore = store.datastore
        self.schema = store.schema
        self.existing_ids = store.existing_ids
        self.head = store.head
        self.usage_events = store.usage_events
        self._customer_cache: set[uuid.UUID] = set()
        self._checks_left = 0
        self._queue: list[_Queued] = []
        self._turn = threading.Condition()
        self._writing = False

    def ingest(self, business: uuid.UUID, batch: list[IncomingEvent], now: datetime) -> Ingested:
        self._check_batch(business, batch, now)
        fresh = batch
        if self._checks_left:
            # Resends were seen lately: most batches carry some, so they are dropped before the lock.
            self._checks_left -= 1
            known = self.stored_keys([(business, e.event_id) for e in batch])
            fresh = [e for e in batch if (business, e.event_id) not in known]
            if not fresh:
                return Ingested(0, len(batch), self.head())
        keys = [(business, e.event_id) for e in fresh]
        written, position = self._committed(_Queued(keys, usage_log.copy_rows(business, fresh, now)))
        return Ingested(written, len(batch) - written, position)

    def stored_keys(self, keys: list[tuple[uuid.UUID, str]]) -> set[tuple[uuid.UUID, str]]:
        with self.datastore.transaction(commit=False) as cur:
            return usage_log.stored_keys(cur, self.schema, keys)

    def _committed(self, mine: _Queued) -> tuple[int, int]:
        """Waits while another thread of this process writes; then either that thread wrote this batch too, or
        this one writes the batches queued meanwhile (its own among them, or in a later group)."""
        with self._turn:
            self._queue.append(mine)
        while not mine.finished:
            with self._turn:
                while self._writing and not mine.finished:
                    self._turn.wait()
                if mine.finished:
                    break
                self._writing = True
                group = self._take()
            try:
                self._write(group)
            finally:
                for queued in group:  # only when the write itself was interrupted (it records any Exception)
                    if not queued.finished:
                        queued.failure, queued.finished = RuntimeError("the group commit was interrupted"), True
                with self._turn:
                    self._writing = False
                    self._turn.notify_all()
        if mine.failure is not None:
            raise mine.failure
        return mine.written, mine.position

    def _take(self) -> list[_Queued]:
        """The oldest queued batches, up to GROUP_EVENTS events; always at least one."""
        taken, events = 0, 0
        for queued in self._queue:
            if taken and events + len(queued.keys) > GROUP_EVENTS:
                break
            taken, events = taken + 1, events + len(queued.keys)
        group, self._queue = self._queue[:taken], self._queue[taken:]
        return group

    def _write(self, group: list[_Queued]) -> None:
        """One transaction for the group. An id in two of its batches is written with the first; the second
        counts it as a duplicate, as it would had the first been committed before it."""
        keys: list[tuple[uuid.UUID, str]] = []
        rows: list[bytes] = []
        owners: list[_Queued] = []
        seen: set[tuple[uuid.UUID, str]] = set()
        for queued in group:
            for key, row in zip(queued.keys, queued.rows, strict=True):
                if key not in seen:
                    seen.add(key)
                    keys.append(key)
                    rows.append(row)
                    owners.append(queued)
        try:
            try:
                with self.datastore.transaction(commit=True) as cur:
                    stored, position = usage_log.append(cur, self.recorder, self.schema, keys, rows)
            except IntegrityError:
                # A stored id (a resend, or a concurrent request's since the check): every writer holds the
                # lock until it commits, so checking again under the lock sees every stored one.
                self._checks_left = CHECKED_AFTER_RESEND
                with self.datastore.transaction(commit=True) as cur:
                    stored, position = usage_log.append(cur, self.recorder, self.schema, keys, rows, recheck=True)
        except Exception as failure:  # each request of the group answers it (a 503 for an unavailable database)
            for queued in group:
                queued.failure, queued.finished = failure, True
            return
        for queued in group:
            queued.position = position
        for key, owner in zip(keys, owners, strict=True):
            if key not in stored:
                owner.written += 1
        for queued in group:
            queued.finished = True

    def recorded(self, business: uuid.UUID, event_id: str) -> tuple[UsageEvent.Recorded, int]:
        """The event as stored, with its log position, read from the log itself (NotFound if this business
        never sent it)."""
        found = self.usage_events(business, [event_id]).get(event_id)
        if found is None:
            raise NotFound("event", event_id)
        position, recorded = found
        return recorded, position

    def _check_batch(self, business: uuid.UUID, batch: list[IncomingEvent], now: datetime) -> None:
        if not 1 <= len(batch) <= MAX_BATCH:
            raise Invalid(
                f"a request carries 1 to {MAX_BATCH} events, this one {len(batch)}",
                "invalid_batch_size",
                [Fault("events", f"must hold 1 to {MAX_BATCH} events")],
            )
        faults = batch_faults(batch, now)
        seen: dict[str, int] = {}
        for index, incoming in enumerate(batch):
            if incoming.event_id in seen:
                faults.append(Fault("event_id", f"repeats the event_id of event {seen[incoming.event_id]}", index))
            seen.setdefault(incoming.event_id, index)
        wanted = {name: customer_id(business, name) for name in {e.customer_id for e in batch}}
        known = self._known_customers(set(wanted.values()))
        for index, incoming in enumerate(batch):
            if wanted[incoming.customer_id] not in known:
                faults.append(Fault("customer_id", f"unknown customer {incoming.customer_id}", index))
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the batch; nothing was stored", "invalid_events", faults)

    def _known_customers(self, ids: set[uuid.UUID]) -> set[uuid.UUID]:
        """Customers are never deleted, so one seen stored stays known: most batches skip the lookup."""
        cache = self._customer_cache
        missing = ids - cache
        if missing:
            if len(cache) > CUSTOMER_CACHE_SIZE:
                cache.clear()
            cache |= self.existing_ids(list(missing))
        return ids & cache
