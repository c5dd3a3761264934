"""Turns the environment (DATABASE_URL, TALLY_SCHEMA) into eventsourcing settings."""
from __future__ import annotations

import os
from urllib.parse import parse_qs, unquote, urlparse


def store_env(database_url: str | None = None, schema: str | None = None, pool_size: int = 4) -> dict[str, str]:
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
        "POSTGRES_CONNECT_TIMEOUT": "10",
        "POSTGRES_LOCK_TIMEOUT": "10",
        "POSTGRES_IDLE_IN_TRANSACTION_SESSION_TIMEOUT": "60",
    }
