"""The baseline: what a team would write instead of adopting tally. One plain
table, one transaction and one `executemany ... ON CONFLICT DO NOTHING` per
request, a key check, msgspec validation. Run it with
`uvicorn bench.baseline:create_app --factory --workers N`
and BENCH_DATABASE_URL, BENCH_KEY in the environment."""

from __future__ import annotations

import hmac
import os
import uuid
from datetime import datetime
from typing import Any

import msgspec
from litestar import Litestar, Request, get, post
from litestar.exceptions import NotAuthorizedException, ValidationException
from psycopg.types.json import Jsonb
from psycopg_pool import ConnectionPool

SCHEMA = "tally_bench_baseline"
TABLE = f"{SCHEMA}.events"
DDL = f"""
CREATE TABLE IF NOT EXISTS {TABLE} (
    id bigserial PRIMARY KEY,
    business uuid NOT NULL,
    event_id text NOT NULL,
    customer_id text NOT NULL,
    event_name text NOT NULL,
    occurred_at timestamptz NOT NULL,
    metadata jsonb NOT NULL,
    UNIQUE (business, event_id)
)"""
INSERT = (
    f"INSERT INTO {TABLE} (business, event_id, customer_id, event_name, occurred_at, metadata) "
    "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (business, event_id) DO NOTHING"
)
BUSINESS = uuid.UUID("00000000-0000-4000-8000-000000000001")


class Event(msgspec.Struct):
    event_id: str
    customer_id: str
    event_name: str
    timestamp: datetime
    metadata: dict[str, str | int | bool] = {}


class Batch(msgspec.Struct):
    events: list[Event]


_decode = msgspec.json.Decoder(Batch).decode


def create_app() -> Litestar:
    pool = ConnectionPool(os.environ["BENCH_DATABASE_URL"], min_size=2, max_size=8, open=True)
    key = os.environ["BENCH_KEY"]

    @post("/events/ingest", status_code=200, sync_to_thread=True)
    def ingest(request: Request[Any, Any, Any], body: bytes) -> dict[str, int]:
        """Stores a batch of usage events; resent ids are skipped."""
        given = request.headers.get("authorization", "").removeprefix("Bearer ")
        if not hmac.compare_digest(given, key):
            raise NotAuthorizedException()
        try:
            batch = _decode(body)
        except msgspec.DecodeError as exc:
            raise ValidationException(str(exc)) from None
        rows = [
            (BUSINESS, e.event_id, e.customer_id, e.event_name, e.timestamp, Jsonb(e.metadata)) for e in batch.events
        ]
        with pool.connection() as conn, conn.cursor() as cur:
            cur.executemany(INSERT, rows)
            stored = cur.rowcount
        return {"ingested_count": stored, "duplicate_count": len(rows) - stored}

    @get("/health")
    async def health() -> dict[str, str]:
        """Answers once the service is up."""
        return {"status": "ok"}

    def close() -> None:
        pool.close()

    return Litestar([ingest, health], on_shutdown=[close])


def create_table(database_url: str) -> None:
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        conn.execute(f"CREATE SCHEMA {SCHEMA}")
        conn.execute(DDL)
