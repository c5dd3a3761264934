"""A small workload that touches every projection: customers (with phone and metadata, changed later),
events over minute/hour/month boundaries, meters created before and after events, renamed, archiving."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from application.tally import Tally
from domain.billing_details import Address, BillingDetails
from domain.rating import UsagePrice
from domain.usage_event import IncomingEvent
from projections.engine.registry import all_projections
from projections.engine.worker import Worker

START = datetime(2026, 1, 31, 23, 58, 30, tzinfo=timezone.utc)
NOW = datetime(2026, 3, 1, tzinfo=timezone.utc)


def drain(tally: Tally, page_size: int = 1000) -> None:
    """Applies every page and back-fill, in this thread."""
    worker = Worker(tally.store, all_projections(tally.store.schema), page_size=page_size)
    worker.setup()
    while worker.run_once():
        pass


def events(prefix: str, n: int, customers: int = 3) -> list[IncomingEvent]:
    values = ["5", 7, Decimal("2.5"), "x", True, "12.50"]
    return [
        IncomingEvent(
            f"{prefix}{i}",
            f"cus_{i % customers}",
            "api.call" if i % 5 else "other",
            START + timedelta(seconds=37 * i),
            {"tokens": values[i % len(values)], "plan": "pro" if i % 2 else "free"} if i % 7 else {},
        )
        for i in range(n)
    ]


def run_workload(tally: Tally) -> uuid.UUID:
    """Answers the id of its count meter."""
    business = tally.businesses.register_business("acme")
    for c in range(3):
        tally.customers.create_customer(business, f"cus_{c}", None, None, "+1555010{c}", {"seats": Decimal(c)})
    tally.customers.update_customer(
        business, "cus_1", {"name": "One", "phone_number": None, "metadata": {"plan": "pro", "ratio": Decimal("0.5")}}
    )
    tally.ingestion.ingest(business, events("a", 300), NOW)
    calls = tally.meters.create_meter(business, "calls", "api.call", {"type": "count"})
    pro = {"conjunction": "and", "clauses": [{"key": "plan", "operator": "equals", "value": "pro"}]}
    tally.meters.create_meter(business, "pro tokens", "api.call", {"type": "sum", "key": "tokens"}, pro)
    latest = tally.meters.create_meter(business, "latest", "api.call", {"type": "last", "key": "tokens"})
    tally.ingestion.ingest(business, events("b", 200), NOW)
    tally.meters.archive_meter(business, latest.id)
    tally.meters.update_meter(business, latest.id, {"name": "latest tokens", "measurement_unit": "tokens"})
    tally.meters.create_meter(business, "peak", "api.call", {"type": "max", "key": "tokens"})
    for kind, key in (("min", "tokens"), ("avg", "tokens"), ("unique_count", "plan")):
        tally.meters.create_meter(business, kind, "api.call", {"type": kind, "key": key})
    tally.ingestion.ingest(business, events("c", 100), NOW)
    return calls.id


def run_billing(tally: Tally, meter: uuid.UUID) -> None:
    """After the workload has been taken in (a product checks its meter in the read models): invoices in
    every status, and billing details copied onto one."""
    business = tally.businesses.business_named("acme")
    product = tally.catalogue.create_product(
        business, "plan", "USD", Decimal(0), "day", 1, [UsagePrice(str(meter), Decimal("0.02"))]
    )
    tally.customers.update_customer(business, "cus_0", {}, BillingDetails("Acme", address=Address("DE")))
    invoices = []
    for c in range(3):
        subscription = tally.subscriptions.start_subscription(
            business, f"cus_{c}", product.id, NOW - timedelta(days=2), NOW
        )
        invoices += tally.billing.close_cycles(business, subscription.id, NOW, wait=False)
    tally.invoices.mark_paid(business, invoices[0], NOW, "ref")
    tally.invoices.void(business, invoices[1], "duplicate", NOW)
    tally.invoices.mark_uncollectible(business, invoices[2], NOW)
