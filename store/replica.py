"""Where the queries read: a PostgreSQL streaming replica when TALLY_READ_DATABASE_URL names one
(docs/scaling.md), else the primary the event store writes to.

A replica holds the same schema (it replays the primary's WAL), read-only and a little behind. Commands,
the worker and billing's own reads stay on the primary; the HTTP queries and their read-your-writes
wait move to the replica, so `min_position` waits until the replica's copy of the read models has the
position (or answers 503 as it does on the primary)."""

from __future__ import annotations

import os

from eventsourcing.postgres import PostgresDatastore

from store.config import Timeouts, store_env
from store.connections import bound

READ_URL = "TALLY_READ_DATABASE_URL"


def read_datastore(primary: PostgresDatastore, pool_size: int, timeouts: Timeouts) -> PostgresDatastore:
    url = os.environ.get(READ_URL)
    if not url:
        return primary
    env = store_env(url, str(primary.schema), pool_size, timeouts)
    replica = PostgresDatastore(
        env["POSTGRES_DBNAME"],
        env["POSTGRES_HOST"],
        env["POSTGRES_PORT"],
        env["POSTGRES_USER"],
        env["POSTGRES_PASSWORD"],
        schema=str(primary.schema),
        pool_size=pool_size,
        max_overflow=pool_size * 2,
        connect_timeout=timeouts.pool_wait_s,
        idle_in_transaction_session_timeout=60,
    )
    bound(replica, timeouts.connect_s, timeouts.statement_ms)
    return replica
