"""Measure (d): one customer's month of usage from a meter, over HTTP, with
the store topped up to the plan's event count first."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlencode

import psycopg
from psycopg import sql

from application.tally import Tally
from bench.bodies import EVENT_NAME, customer
from domain.usage_event import IncomingEvent

SEED_BATCH = 1000
SEED_THREADS = 2
WARMUP = 20


def create_meter(tally: Tally, business: Any) -> str:
    meter = tally.meters.create_meter(business, "tokens", EVENT_NAME, {"type": "sum", "key": "tokens"})
    return str(meter.id)


def seed(tally: Tally, business: Any, customers: int, target: int) -> int:
    """Ingests through the application (same checks and store path as HTTP, without the HTTP hop)
    until the store holds `target` events; returns how many it added."""
    missing = max(0, target - tally.store.head())
    now = datetime.now(timezone.utc)

    def batch(number: int) -> int:
        first = number * SEED_BATCH
        events = [
            IncomingEvent(f"seed-{n}", customer(n, customers), EVENT_NAME, now, {"tokens": n % 977 + 1})
            for n in range(first, first + SEED_BATCH)
        ]
        return tally.ingestion.ingest(business, events, now).ingested_count

    with ThreadPoolExecutor(SEED_THREADS) as pool:
        return sum(pool.map(batch, range((missing + SEED_BATCH - 1) // SEED_BATCH)))


def month_paths(meter_id: str, customers: int | None, count: int) -> list[str]:
    """One customer's calendar month by day, a different customer each time; every customer's when
    `customers` is None."""
    now = datetime.now(timezone.utc)
    start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    end = start.replace(year=start.year + start.month // 12, month=start.month % 12 + 1)
    whose = (lambda n: {}) if customers is None else (lambda n: {"customer_id": customer(n * 7, customers)})
    return [
        f"/meters/{meter_id}/usage?"
        + urlencode({**whose(n), "start": start.isoformat(), "end": end.isoformat(), "window": "day"})
        for n in range(count)
    ]


def settle(database_url: str, schema: str) -> None:
    """What a DBA runs after a bulk load, so the query phase measures steady state rather than the
    autovacuum pass that the burst of writes has just triggered."""
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(sql.SQL("SET search_path TO {}").format(sql.Identifier(schema)))
        conn.execute("VACUUM (ANALYZE) meter_usage, meters")
