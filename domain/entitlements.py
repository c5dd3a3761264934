"""Credits a subscription's cycle brings: one grant per usage price with credits,
identified by (subscription, cycle, meter) so a cycle never grants twice."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from domain.cycles import Cycle
from domain.rating import UsagePrice


@dataclass(frozen=True)
class Grant:
    grant_id: str
    amount: Decimal
    expires_at: datetime | None
    reference: str


def cycle_reference(subscription_id: uuid.UUID, c: Cycle) -> str:
    return f"subscription:{subscription_id}:cycle:{c.start.isoformat()}"


def cycle_grants(subscription_id: uuid.UUID, prices: list[UsagePrice], c: Cycle) -> list[Grant]:
    grants = []
    for price in prices:
        terms = price.credits
        if terms is None or terms.per_cycle <= 0:
            continue
        expiries = [c.end] if terms.rollover == "none" else []
        if terms.expires_after_days:
            expiries.append(c.start + timedelta(days=terms.expires_after_days))
        grants.append(Grant(f"cycle:{subscription_id}:{c.index}:{price.meter_id}", terms.per_cycle,
                            min(expiries, default=None), cycle_reference(subscription_id, c)))
    return grants
