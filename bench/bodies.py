"""The request bodies both services take: Dodo-shaped usage events with unique
ids, made from (prefix, number) so any process can make the same body."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import msgspec

EVENT_NAME = "api.request"
SPREAD_S = 6 * 24 * 3600  # events fall in the last six days, so "this month" holds most of them
# The load shapes: "spread" back-dates each event over SPREAD_S (few events per customer-minute, the shape the
# targets are set on); "live" stamps every event with the time its body was built, as live traffic carries
# (many events per customer-minute).
SHAPES = ("spread", "live")


def customer(n: int, customers: int) -> str:
    return f"cus_{n % customers}"


def event(prefix: str, n: int, customers: int, now: datetime, shape: str = "spread") -> dict[str, object]:
    at = now if shape == "live" else now - timedelta(seconds=(n * 7919) % SPREAD_S)
    return {
        "event_id": f"{prefix}-{n}",
        "customer_id": customer(n, customers),
        "event_name": EVENT_NAME,
        "timestamp": at.isoformat(),
        "metadata": {
            "endpoint": "/v1/chat/completions",
            "tokens": n % 977 + 1,
            "region": "eu-west-1",
            "model": "small",
        },
    }


def body(
    prefix: str,
    numbers: range,
    customers: int,
    now: datetime | None = None,
    resend_prefix: str | None = None,
    shape: str = "spread",
) -> bytes:
    """One `{"events": [...]}` body; with `resend_prefix` its first half repeats ids already sent:
    body k resends the k-th half-batch of that prefix, so resent ids never repeat between bodies
    and need only half as many stored events as are sent."""
    now = now or datetime.now(timezone.utc)
    half = len(numbers) // 2 if resend_prefix else 0
    resent = range(numbers.start // 2, numbers.start // 2 + half)
    events = [event(resend_prefix or prefix, n, customers, now, shape) for n in resent]
    events += [event(prefix, n, customers, now, shape) for n in numbers[half:]]
    return msgspec.json.encode({"events": events})
