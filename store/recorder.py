"""The event store's recorder, without psycopg pipeline mode.

eventsourcing's recorder sends lock, notify and insert through one psycopg
pipeline. With a batch of about a thousand events (one large array parameter)
that pipeline intermittently deadlocks: client and server both wait to write
(seen here: a 1000-event ingest hung forever). The same statements, sent one
after another in one transaction, keep every guarantee (table lock, so insert
order is commit order; NOTIFY; one INSERT for the batch) and cannot deadlock.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventsourcing.persistence import InterfaceError, OperationalError, StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder
from eventsourcing.utils import retry


class Recorder(PostgresApplicationRecorder):
    @retry((InterfaceError, OperationalError), max_attempts=10, wait=0.2)
    def insert_events(self, stored_events: Sequence[StoredEvent], **kwargs: Any) -> Sequence[int] | None:
        with self.datastore.get_connection() as conn, conn.transaction(), conn.cursor() as curs:
            self._insert_events(curs, stored_events, **kwargs)
            if not stored_events:
                return None
            self._insert_stored_events(curs, stored_events, **kwargs)
            return self._fetch_ids_after_insert_events(curs, stored_events, **kwargs)
