"""Measure: the dashboard's overview with its revenue charts (billed per month, MRR per product over 12 months),
signed in as a person is, over the store the other measures filled (1 M events in full mode) and the plan's
`overview_invoices` (10,000 in full mode) invoices issued through the application (daily cycles closed as `POST /subscriptions/{id}/close-cycle` closes
them)."""

from __future__ import annotations

import statistics
import time
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import httpx

from application.tally import Tally

SUBSCRIBERS = 100
WARMUP = 5
REQUESTS = 200


def seed_invoices(tally: Tally, business: Any, invoices: int) -> int:
    """SUBSCRIBERS customers on a daily product since invoices / SUBSCRIBERS days ago, each cycle closed: one
    invoice per customer and day. Answers how many were issued."""
    now = datetime.now(timezone.utc)
    days = invoices // SUBSCRIBERS
    start = (now - timedelta(days=days, minutes=30)).replace(second=0, microsecond=0)
    product = tally.catalogue.create_product(business, "Bench daily plan", "USD", Decimal("1.00"), "day", 1, []).id
    issued = 0
    for n in range(SUBSCRIBERS):
        customer = f"cus_overview_{n}"
        tally.customers.create_customer(business, customer, None, None)
        subscription = tally.subscriptions.start_subscription(business, customer, product, start, now).id
        # No wait for the usage read model: the product prices no usage, and waiting for the worker to take in
        # each close before the next one would make seeding a matter of minutes.
        issued += len(tally.billing.close_cycles(business, subscription, datetime.now(timezone.utc), wait=False))
    return issued


def overview_p99(port: int, key: str) -> dict[str, Any]:
    """The overview (its revenue report over the default 12 months) requested one after another, as one person
    reloading it: p50 and p99 in ms."""
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
        signed = client.post("/dashboard/sign-in", data={"api_key": key})
        if signed.status_code >= 400:
            raise RuntimeError(f"dashboard sign-in failed: {signed.status_code}")
        times = []
        for n in range(WARMUP + REQUESTS):
            started = time.perf_counter()
            answer = client.get("/dashboard")
            elapsed = (time.perf_counter() - started) * 1000
            if answer.status_code != 200 or 'id="revenue-billed-chart"' not in answer.text:
                raise RuntimeError(f"overview failed: {answer.status_code}")
            if n >= WARMUP:
                times.append(elapsed)
    times.sort()
    return {
        "overview_revenue_p50_ms": round(statistics.median(times), 2),
        "overview_revenue_p99_ms": round(times[min(len(times) - 1, int(len(times) * 0.99))], 2),
    }
