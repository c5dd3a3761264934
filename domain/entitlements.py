"""Credits a subscription's cycle brings: one grant per usage price with credits,
identified by (subscription, cycle, meter), and one per credit entitlement the
product attaches, identified by (subscription, cycle, entitlement), so a cycle
never grants twice."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from domain.credit_rules import Attachment, EntitlementTerms
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
        grants.append(
            Grant(
                f"cycle:{subscription_id}:{c.index}:{price.meter_id}",
                terms.per_cycle,
                min(expiries, default=None),
                cycle_reference(subscription_id, c),
            )
        )
    return grants


def entitlement_grants(
    subscription_id: uuid.UUID, attachments: list[Attachment], terms: dict[str, EntitlementTerms], c: Cycle
) -> list[tuple[str, Grant]]:
    """(entitlement id, grant) per attached entitlement: `credits_amount` valid for the cycle (or fewer
    days with `expires_after_days`); the cycle's close settles what is left (rollover or forfeit)."""
    grants = []
    for a in attachments:
        days = terms[a.credit_entitlement_id].expires_after_days
        expires_at = min(c.end, c.start + timedelta(days=days)) if days else c.end
        grants.append(
            (
                a.credit_entitlement_id,
                Grant(
                    f"cycle:{subscription_id}:{c.index}:entitlement:{a.credit_entitlement_id}",
                    a.credits_amount,
                    expires_at,
                    cycle_reference(subscription_id, c),
                ),
            )
        )
    return grants
