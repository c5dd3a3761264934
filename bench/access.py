"""Measure: real-time access (docs/access.md). The check's latency with the store full and ingest running at
half the sustained rate beside it, and consume throughput, for one customer (every consume waits on the
same lock) and across 100 customers."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

import msgspec

from application.tally import Tally
from bench.bodies import EVENT_NAME, customer
from bench.plan import Plan, Say, ingest_job, load
from bench.servers import Service
from domain.rating import UsagePrice

# Far above any bench's usage: every check and consume is allowed, so what is timed is the full path.
LIMIT = Decimal(10) ** 12
WARMUP = 20
SUBSCRIBERS = 100


def subscribe(tally: Tally, business: Any, meter: str, customers: int) -> None:
    """A product limiting the bench meter, and the first SUBSCRIBERS customers on it since a week ago."""
    price = UsagePrice(meter, Decimal("0.001"), usage_limit=LIMIT, limit_behavior="block")
    product = tally.catalogue.create_product(business, "Access", "USD", Decimal(0), "month", 1, [price]).id
    now = datetime.now(timezone.utc)
    for n in range(min(SUBSCRIBERS, customers)):
        tally.subscriptions.start_subscription(business, customer(n, customers), product, now - timedelta(days=7), now)


def check_paths(meter: str, customers: int, count: int) -> list[str]:
    whose = min(SUBSCRIBERS, customers)
    return [
        f"/customers/{customer(n, whose)}/access?" + urlencode({"meter_id": meter, "quantity": "1"})
        for n in range(count)
    ]


def consumes(meter: str, customers: list[str], count: int, prefix: str) -> list[list[str]]:
    """(path, body) of `count` consumes of 1 token each, the customers taking turns."""
    requests = []
    for n in range(count):
        who = customers[n % len(customers)]
        event = {"event_id": f"{prefix}-{n}", "customer_id": who, "event_name": EVENT_NAME, "metadata": {"tokens": 1}}
        body = msgspec.json.encode({"meter_id": meter, "quantity": 1, "event": event}).decode()
        requests.append([f"/customers/{who}/access/consume", body])
    return requests


def measure(service: Service, key: str, plan: Plan, meter: str, ingest_rate: float, say: Say) -> dict[str, Any]:
    checks = {
        "kind": "query",
        "host": "127.0.0.1",
        "port": service.port,
        "key": key,
        "warmup": WARMUP,
        "paths": check_paths(meter, plan.customers, WARMUP + plan.queries),
    }
    beside = ingest_job(service, key, plan, 1000, "access", rate=ingest_rate, duration=plan.sustained_window_s)
    with ThreadPoolExecutor(2) as pool:
        ingesting = pool.submit(load, beside)
        checked = load(checks)
        ingested = ingesting.result()
    if checked["failed_requests"]:
        raise RuntimeError(f"access checks failed: {checked['failure_sample']}")
    out: dict[str, Any] = {
        "access_check_p50_ms": round(checked["p50_ms"], 2),
        "access_check_p99_ms": round(checked["p99_ms"], 2),
        "access_check_ingest_per_s": round(ingested["events_per_s"]),
    }
    say(
        f"access check beside {ingested['events_per_s']:,.0f} events/s of ingest: p50 {checked['p50_ms']:.1f} ms, "
        f"p99 {checked['p99_ms']:.1f} ms"
    )
    for label, whose in (("one", [customer(0, plan.customers)]), ("many", check_customers(plan.customers))):
        ran = load(
            {
                "kind": "posts",
                "host": "127.0.0.1",
                "port": service.port,
                "key": key,
                "concurrency": plan.concurrency * 4,
                "requests": consumes(meter, whose, plan.consumes, f"consume-{label}"),
            }
        )
        if ran["statuses"].get("201", 0) != plan.consumes:
            raise RuntimeError(f"consumes failed: {ran['statuses']} {ran['failure_sample']}")
        out[f"consume_{label}_per_s"] = round(ran["requests_per_s"])
        say(f"consume, {len(whose)} customer(s): {ran['requests_per_s']:,.0f}/s")
    return out


def check_customers(customers: int) -> list[str]:
    return [customer(n, customers) for n in range(min(SUBSCRIBERS, customers))]
