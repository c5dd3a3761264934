"""Credits a subscription's cycle brings: one grant per usage price with credits,
identified by (subscription, cycle, meter), and one per credit entitlement the
product attaches, identified by (subscription, cycle, entitlement), so a cycle
never grants twice; what a plan change inside a cycle adds to it
(`change_grants`). And which of them still wait for a close before anything
may expire them."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction
from typing import Any

from domain.credit_rules import Attachment, EntitlementTerms
from domain.credit_wallet import SETTLED_AT_CLOSE
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


def subscription_of(reference: str) -> uuid.UUID | None:
    """The subscription a cycle reference (`cycle_reference`) names; None for any other reference."""
    kind, _, rest = reference.partition(":")
    if kind != "subscription":
        return None
    try:
        return uuid.UUID(rest.partition(":")[0])
    except ValueError:
        return None


def awaiting_close(grants: dict[str, dict[str, Any]], open_cycle: Callable[[uuid.UUID], Cycle | None]) -> set[str]:
    """The grants with credits left that a subscription gave (a cycle's credits, or credits rolled into its
    next cycle) while a cycle of that subscription that began before the grant expires is still open
    (`open_cycle`: a subscription's oldest cycle not closed, None once it has ended). Such a grant pays for
    that cycle, whose close spends it and then expires what is left: nothing else may expire it first
    (docs/credits.md)."""
    kept = set()
    for grant_id, grant in grants.items():
        if grant["remaining"] <= 0 or grant["expires_at"] is None or grant["source"] not in SETTLED_AT_CLOSE:
            continue
        subscription = subscription_of(grant["reference"])
        open_ = open_cycle(subscription) if subscription is not None else None
        if open_ is not None and open_.start < grant["expires_at"]:
            kept.add(grant_id)
    return kept


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


def _expiry(terms: EntitlementTerms, c: Cycle) -> datetime:
    days = terms.expires_after_days
    return min(c.end, c.start + timedelta(days=days)) if days else c.end


def change_grants(
    subscription_id: uuid.UUID,
    c: Cycle,
    at: datetime,
    before: list[Attachment],
    after: list[Attachment],
    terms: dict[str, EntitlementTerms],
) -> list[tuple[str, Grant]]:
    """(entitlement id, grant) a plan change at `at` inside cycle c adds, for the rest of the cycle, per
    entitlement the new product attaches (docs/subscriptions.md, Credit entitlements on a change): what it
    grants a cycle beyond what the old product's attachment granted this one, times (end - at) / (end - start)
    rounded down to the entitlement's precision under `prorate`, whole under `no_prorate`. Nothing granted is
    taken back (a downgrade adds nothing). Valid and settled like the cycle's grant."""
    granted = {a.credit_entitlement_id: a.credits_amount for a in before}
    rest = Fraction((c.end - at) // timedelta(seconds=1), (c.end - c.start) // timedelta(seconds=1))
    grants = []
    for a in after:
        e = a.credit_entitlement_id
        more = a.credits_amount - granted.get(e, Decimal(0))
        if a.proration_behavior == "prorate":
            exact = Fraction(more) * rest
            more = (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(terms[e].step, ROUND_DOWN)
        if more > 0:
            grant_id = f"cycle:{subscription_id}:{c.index}:entitlement:{e}:change:{at.isoformat()}"
            grants.append((e, Grant(grant_id, more, _expiry(terms[e], c), cycle_reference(subscription_id, c))))
    return grants


def entitlement_grants(
    subscription_id: uuid.UUID, attachments: list[Attachment], terms: dict[str, EntitlementTerms], c: Cycle
) -> list[tuple[str, Grant]]:
    """(entitlement id, grant) per attached entitlement: `credits_amount` valid for the cycle (or fewer
    days with `expires_after_days`); the cycle's close settles what is left (rollover or forfeit)."""
    grants = []
    for a in attachments:
        expires_at = _expiry(terms[a.credit_entitlement_id], c)
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
