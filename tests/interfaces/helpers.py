"""Small helpers for driving the HTTP API in tests."""

from __future__ import annotations

from typing import Any


def ingest(client: Any, auth: dict[str, str], *events: dict[str, Any]) -> Any:
    return client.post("/events/ingest", json={"events": list(events)}, headers=auth)


def event(event_id: str, customer: str = "cus_abc", name: str = "api.call", **extra: Any) -> dict[str, Any]:
    return {"event_id": event_id, "customer_id": customer, "event_name": name, **extra}


def items(response: Any) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.text
    return response.json()["items"]
