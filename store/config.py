"""Turns the environment (DATABASE_URL, TALLY_SCHEMA) into eventsourcing settings.

Timeouts differ per process (docs/decisions.md, "Database faults"): an API process answers 503 rather
than wait on a database that does not answer, while the projection worker, rebuilds, the benchmark and
closing jobs may run statements as long as they need."""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlparse


@dataclass(frozen=True)
class Timeouts:
    connect_s: int  # opening a connection (libpq connect_timeout)
    pool_wait_s: int  # waiting for a free connection from the pool
    statement_ms: int  # the server cancels a statement after this; 0: never


BACKGROUND = Timeouts(connect_s=10, pool_wait_s=10, statement_ms=0)
SERVING = Timeouts(connect_s=3, pool_wait_s=2, statement_ms=5000)

CONNECT_TIMEOUT = "TALLY_CONNECT_TIMEOUT"
STATEMENT_TIMEOUT = "TALLY_STATEMENT_TIMEOUT"


def store_env(
    database_url: str | None = None, schema: str | None = None, pool_size: int = 4, timeouts: Timeouts = BACKGROUND
) -> dict[str, str]:
    url = urlparse(database_url or os.environ["DATABASE_URL"])
    query = parse_qs(url.query)
    host = query.get("host", [url.hostname or ""])[0]
    return {
        "PERSISTENCE_MODULE": "eventsourcing.postgres",
        "APPLICATION_RECORDER_TOPIC": "store.recorder:Recorder",
        "POSTGRES_DBNAME": unquote(url.path.lstrip("/")) or "postgres",
        "POSTGRES_HOST": host,
        "POSTGRES_PORT": str(url.port or 5432),
        "POSTGRES_USER": unquote(url.username or "postgres"),
        "POSTGRES_PASSWORD": unquote(url.password or ""),
        "POSTGRES_SCHEMA": schema or os.environ.get("TALLY_SCHEMA", "public"),
        "POSTGRES_POOL_SIZE": str(pool_size),
        "POSTGRES_MAX_OVERFLOW": str(pool_size * 2),
        # eventsourcing's name for how long a checkout waits for the pool.
        "POSTGRES_CONNECT_TIMEOUT": str(timeouts.pool_wait_s),
        "POSTGRES_LOCK_TIMEOUT": "10",
        "POSTGRES_IDLE_IN_TRANSACTION_SESSION_TIMEOUT": "60",
        CONNECT_TIMEOUT: str(timeouts.connect_s),
        STATEMENT_TIMEOUT: str(timeouts.statement_ms),
    }
