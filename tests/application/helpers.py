"""Driving the application services directly in tests: no HTTP, the same commands the handlers call."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from application.tally import Tally
from domain.invoice import Invoice
from domain.rating import CreditTerms, UsagePrice
from domain.usage_event import IncomingEvent

BATCH = 1000
JAN1 = datetime(2026, 1, 1, tzinfo=timezone.utc)


def price(
    meter_id: uuid.UUID, unit_price: str = "1", free_threshold: str = "0", credits: CreditTerms | None = None
) -> UsagePrice:
    return UsagePrice(str(meter_id), Decimal(unit_price), Decimal(free_threshold), credits)


def daily_product(tally: Tally, business: uuid.UUID, *prices: UsagePrice, fixed: str = "0") -> uuid.UUID:
    product = tally.catalogue.create_product(business, "plan", "USD", Decimal(fixed), "day", 1, list(prices))
    return product.id


def count_meter(tally: Tally, business: uuid.UUID, event_name: str = "api.call") -> uuid.UUID:
    meter = tally.meters.create_meter(business, event_name, event_name, {"type": "count"})
    return meter.id


def subscribe(tally: Tally, business: uuid.UUID, customer: str, product_id: uuid.UUID, start: datetime) -> uuid.UUID:
    subscription = tally.subscriptions.start_subscription(
        business, customer, product_id, start, datetime.now(timezone.utc)
    )
    return subscription.id


def send(tally: Tally, business: uuid.UUID, customer: str, name: str, n: int, at: datetime, prefix: str) -> int:
    """n events a second apart from `at`; answers the last position."""
    position = 0
    for offset in range(0, n, BATCH):
        events = [
            IncomingEvent(f"{prefix}-{i}", customer, name, at + timedelta(seconds=i))
            for i in range(offset, min(n, offset + BATCH))
        ]
        position = tally.ingestion.ingest(business, events, datetime.now(timezone.utc)).position
    return position


def close(tally: Tally, business: uuid.UUID, subscription: uuid.UUID, now: datetime) -> list[Invoice]:
    """Closes what is due and reads back the invoices the close answered by id."""
    return [tally.billing.invoice(business, i) for i in tally.billing.close_cycles(business, subscription, now)]
