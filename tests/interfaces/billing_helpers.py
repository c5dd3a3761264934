"""Driving billing over HTTP in tests."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

BATCH = 1000
JAN1 = datetime(2026, 1, 1, tzinfo=timezone.utc)


def iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def created(response: Any) -> dict[str, Any]:
    assert response.status_code == 201, response.text
    return response.json()


def meter(
    client: Any, auth: dict[str, str], event_name: str, aggregation: dict[str, Any] | None = None, **extra: Any
) -> str:
    body = {
        "name": extra.pop("name", event_name),
        "event_name": event_name,
        "aggregation": aggregation or {"type": "count"},
        **extra,
    }
    return str(created(client.post("/meters", json=body, headers=auth))["id"])


def product(client: Any, auth: dict[str, str], *usage_prices: dict[str, Any], **extra: Any) -> dict[str, Any]:
    body = {"name": "plan", "currency": "USD", "billing_interval": "day", "usage_prices": list(usage_prices), **extra}
    return created(client.post("/products", json=body, headers=auth))


def subscribe(client: Any, auth: dict[str, str], customer: str, product_id: str, start: datetime) -> dict[str, Any]:
    body = {"customer_id": customer, "product_id": product_id, "start": iso(start)}
    return created(client.post("/subscriptions", json=body, headers=auth))


def send(
    client: Any,
    auth: dict[str, str],
    customer: str,
    name: str,
    n: int,
    at: datetime,
    prefix: str,
    metadata: dict[str, Any] | None = None,
) -> int:
    """n events a second apart from `at`; answers the last position."""
    position = 0
    for offset in range(0, n, BATCH):
        events = [
            {
                "event_id": f"{prefix}-{i}",
                "customer_id": customer,
                "event_name": name,
                "timestamp": iso(at + timedelta(seconds=i)),
                "metadata": metadata or {},
            }
            for i in range(offset, min(n, offset + BATCH))
        ]
        r = client.post("/events/ingest", json={"events": events}, headers=auth)
        assert r.status_code == 200, r.text
        position = r.json()["position"]
    return position


def closing(client: Any, auth: dict[str, str], subscription_id: str) -> dict[str, Any]:
    r = client.post(f"/subscriptions/{subscription_id}/close-cycle", headers=auth)
    assert r.status_code == 200, r.text
    return r.json()


def close(client: Any, auth: dict[str, str], subscription_id: str) -> list[dict[str, Any]]:
    return closing(client, auth, subscription_id)["invoices"]


def lines_by_meter(invoice: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {line["meter_id"] + (":late" if line["late"] else ""): line for line in invoice["lines"]}


def yesterday() -> datetime:
    """A day and a half hour ago, on the minute: a daily cycle starting then has ended."""
    return (datetime.now(timezone.utc) - timedelta(days=1, minutes=30)).replace(second=0, microsecond=0)
