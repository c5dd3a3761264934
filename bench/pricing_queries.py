"""Usage query latency for the pricing dimensions at 1 M events: one customer's month grouped by a
metadata key (read from the usage log), a unique_count meter (read from `meter_uniques`), and the plain
sum from the per-minute buckets for comparison; plus one all-customers grouped month.

    DATABASE_URL=postgresql://... python -m bench.pricing_queries [--events 1000000] [--queries 500]

Measured in process through `Queries`, the object the HTTP handlers call (no HTTP hop), on its own schema
(dropped first). Prints one JSON object; docs/pricing.md keeps the figures."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from typing import Any

import psycopg

from application.tally import Tally
from domain.usage_event import IncomingEvent
from interfaces.bootstrap import open_store
from projections.engine.registry import all_projections
from projections.engine.worker import Worker
from projections.reads.queries import Queries
from store.config import store_env

SCHEMA = "tally_bench_pricing"
CUSTOMERS = 1000
MODELS = ("gpt-4", "gpt-4o", "small", "embed", "tiny")
USERS = 20_000
BATCH = 1000


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50_ms": round(statistics.median(ordered) * 1000, 2),
        "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000, 2),
    }


def timed(runs: dict[str, Callable[[int], Any]], n: int, warmup: int = 20) -> dict[str, dict[str, float]]:
    """Each query n times, interleaved, so a shared machine's drifting load weighs on all of them alike."""
    for i in range(warmup):
        for run in runs.values():
            run(i)
    samples: dict[str, list[float]] = {name: [] for name in runs}
    for i in range(n):
        for name, run in runs.items():
            started = time.perf_counter()
            run(i)
            samples[name].append(time.perf_counter() - started)
    return {name: percentiles(s) for name, s in samples.items()}


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser()
    args.add_argument("--events", type=int, default=1_000_000)
    args.add_argument("--queries", type=int, default=500)
    args.add_argument("--reuse", action="store_true", help="query the events a previous run stored")
    opts = args.parse_args(argv)
    url = os.environ["DATABASE_URL"]
    if not opts.reuse:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
    tally = open_store(store_env(url, SCHEMA, pool_size=4))
    try:
        tokens, users, start, now = seeded(tally, url, opts.events) if not opts.reuse else stored(url)
        queries = Queries(tally.store.datastore, SCHEMA, tally.store.events_table)
        end = now.replace(second=0, microsecond=0)

        def customer(i: int) -> str:
            return f"cus_{i * 7 % CUSTOMERS}"

        one = timed(
            {
                "sum_by_buckets": lambda i: queries.meter_usage(tokens, customer(i), start, end, "day"),
                "sum_grouped_by_model": lambda i: queries.meter_usage_groups(
                    tokens, customer(i), start, end, "day", ("model",)
                ),
                "unique_count_users": lambda i: queries.meter_usage(users, customer(i), start, end, "day"),
            },
            opts.queries,
        )
        every = timed(
            {
                "sum_grouped_by_model_all_customers": lambda i: queries.meter_usage_groups(
                    tokens, None, start, end, "day", ("model",)
                ),
                "unique_count_users_all_customers": lambda i: queries.meter_usage(users, None, start, end, "day"),
            },
            10,
            warmup=2,
        )
        print(
            json.dumps(
                {"events": tally.store.head(), "one_customer_month": one, "all_customers_month": every}, indent=2
            )
        )
    finally:
        tally.close()
    return 0


def stored(url: str) -> tuple[uuid.UUID, uuid.UUID, datetime, datetime]:
    with psycopg.connect(url) as conn:
        meters: dict[str, uuid.UUID] = dict(conn.execute(f"SELECT name, id FROM {SCHEMA}.meters").fetchall())
        span = conn.execute(f"SELECT min(occurred_at), max(occurred_at) FROM {SCHEMA}.usage_log").fetchone()
    assert span is not None
    first, last = span
    return (
        meters["tokens"],
        meters["users"],
        first.replace(day=1, hour=0, minute=0, second=0),
        last + timedelta(minutes=2),
    )


def seeded(tally: Tally, url: str, count: int) -> tuple[uuid.UUID, uuid.UUID, datetime, datetime]:
    """A business, its customers, the two meters, and `count` events over this month, projected."""
    business = tally.businesses.register_business("bench-pricing")
    for n in range(CUSTOMERS):
        tally.customers.create_customer(business, f"cus_{n}", None, None)
    tokens = tally.meters.create_meter(business, "tokens", "llm", {"type": "sum", "key": "tokens"}).id
    users = tally.meters.create_meter(business, "users", "llm", {"type": "unique_count", "key": "user_id"}).id
    now = datetime.now(timezone.utc)
    start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    span = (now - start).total_seconds() - 60

    def batch(b: int) -> int:
        events = [
            IncomingEvent(
                f"e-{n}",
                f"cus_{n % CUSTOMERS}",
                "llm",
                datetime.fromtimestamp(start.timestamp() + span * n / count, timezone.utc),
                {"tokens": n % 977 + 1, "model": MODELS[n % len(MODELS)], "user_id": f"user-{n % USERS}"},
            )
            for n in range(b * BATCH, min(count, (b + 1) * BATCH))
        ]
        return tally.ingestion.ingest(business, events, now).ingested_count

    began = time.monotonic()
    with ThreadPoolExecutor(2) as pool:
        added = sum(pool.map(batch, range((count + BATCH - 1) // BATCH)))
    print(f"ingested {added:,} events in {time.monotonic() - began:.0f} s", file=sys.stderr)
    began = time.monotonic()
    worker = Worker(tally.store, all_projections(SCHEMA))
    worker.setup()
    while worker.run_once():
        pass
    print(f"projected in {time.monotonic() - began:.0f} s", file=sys.stderr)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"VACUUM (ANALYZE) {SCHEMA}.meter_usage, {SCHEMA}.meter_uniques, {SCHEMA}.usage_log")
    return tokens, users, start, now


if __name__ == "__main__":
    sys.exit(main())
