"""Measure (f): a price simulation over N subscribers x 3 closed daily cycles, run by
`tally serve`'s own jobs thread, timed from `POST /simulations` until the read model says
done, with the `usage` projection's lag behind the log head sampled meanwhile
(docs/simulation.md). The closed cycles are made the way production makes them: usage
ingested, then the service's closing job invoices every cycle past its grace."""

from __future__ import annotations

import json
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from bench.monitor import Lag
from bench.plan import Say
from bench.servers import start_tally
from domain.rating import UsagePrice
from domain.usage_event import IncomingEvent
from interfaces.bootstrap import open_store
from store.config import store_env

SCHEMA = "tally_bench_sim"
CYCLES = 3
EVENTS_PER_CYCLE = 4
SETUP_THREADS = 4
SETUP_TIMEOUT_S = 900.0
RUN_TIMEOUT_S = 300.0


def prepare(url: str, subscribers: int, say: Say) -> tuple[str, str, str]:
    """A business with a daily product, `subscribers` customers subscribed CYCLES days and 2 hours ago, and
    usage in every cycle. Answers the key, the product and the meter."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(SCHEMA)))
    tally = open_store(store_env(url, SCHEMA, pool_size=SETUP_THREADS + 1))
    try:
        key = tally.businesses.create_key("bench-simulation")
        business = tally.businesses.authenticate(key)
        meter = tally.meters.create_meter(business, "calls", "sim.call", {"type": "count"}).id
        product = tally.catalogue.create_product(
            business, "plan", "USD", Decimal("1.00"), "day", 1, [UsagePrice(str(meter), Decimal("0.02"), Decimal(2))]
        ).id
        now = datetime.now(timezone.utc)
        start = now.replace(minute=0, second=0, microsecond=0) - timedelta(days=CYCLES, hours=2)

        def subscriber(n: int) -> None:
            tally.customers.create_customer(business, f"sim_{n}", None, None)
            tally.subscriptions.start_subscription(business, f"sim_{n}", product, start, now)

        with ThreadPoolExecutor(SETUP_THREADS) as pool:
            list(pool.map(subscriber, range(subscribers)))
        say(f"{subscribers:,} subscribers")
        events = [
            IncomingEvent(
                f"sim-{n}-{c}-{e}", f"sim_{n}", "sim.call", start + timedelta(days=c, hours=1, minutes=e + n % 7)
            )
            for n in range(subscribers)
            for c in range(CYCLES)
            for e in range(n % (EVENTS_PER_CYCLE + 1))
        ]
        with ThreadPoolExecutor(2) as pool:
            list(
                pool.map(
                    lambda i: tally.ingestion.ingest(business, events[i : i + 1000], now), range(0, len(events), 1000)
                )
            )
        say(f"{len(events):,} usage events")
    finally:
        tally.close()
    return key, str(product), str(meter)


def value(conn: psycopg.Connection[Any], query: str) -> Any:
    """The first column of the first row, None without a row."""
    row = conn.execute(sql.SQL(query).format(s=sql.Identifier(SCHEMA))).fetchone()
    return None if row is None else row[0]


def wait_until(conn: psycopg.Connection[Any], query: str, expected: Any, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while value(conn, query) != expected:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{query} did not reach {expected} within {timeout:.0f}s")
        time.sleep(0.2)


def post(port: int, key: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        data=json.dumps(body).encode(),
        method="POST",
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as answer:
        result: dict[str, Any] = json.loads(answer.read())
        return result


def simulation_run(url: str, subscribers: int, folder: Path, say: Say) -> dict[str, Any]:
    key, product, meter = prepare(url, subscribers, say)
    service = start_tally(url, SCHEMA, 1, folder)
    lag = Lag(url, SCHEMA, ["usage"])
    lag.sampler.start()
    try:
        with psycopg.connect(url, autocommit=True) as conn:
            started = time.monotonic()
            wait_until(conn, "SELECT count(*) FROM {s}.invoices", subscribers * CYCLES, SETUP_TIMEOUT_S)
            lag.caught_up(SETUP_TIMEOUT_S)
            say(f"{subscribers * CYCLES:,} cycles closed by the service in {time.monotonic() - started:.0f}s")
            began = time.monotonic()
            answer = post(
                service.port,
                key,
                "/simulations",
                {
                    "product_id": product,
                    "cycles": CYCLES,
                    "scenarios": [
                        {
                            "name": "dearer",
                            "usage_prices": [{"meter_id": meter, "unit_price": "0.03", "free_threshold": "2"}],
                        },
                        {
                            "name": "more free",
                            "usage_prices": [{"meter_id": meter, "unit_price": "0.02", "free_threshold": "3"}],
                        },
                    ],
                },
            )
            wait_until(conn, f"SELECT status FROM {{s}}.simulations WHERE id = '{answer['id']}'", "done", RUN_TIMEOUT_S)
            took = time.monotonic() - began
            worst = max(lag.window(began), default=0.0)
            rows = value(conn, "SELECT count(*) FROM {s}.simulation_rows")
    finally:
        lag.close()
        service.stop()
    say(
        f"simulation of {subscribers:,} subscribers x {CYCLES} cycles x 2 scenarios ({rows:,} rows): {took:.1f}s, "
        f"usage projection lag max {worst:.2f}s"
    )
    return {
        "simulation_subscribers": subscribers,
        "simulation_s": round(took, 2),
        "simulation_usage_lag_max_s": round(worst, 2),
        "simulation_rows": rows,
    }
