"""May this customer use it now: the answer to an access check, as pure rules over exact inputs (the cycle's
usage so far, the entitlement's balance before the cycle, the prices' limits). docs/access.md.

A limit allows `quantity` more units when `used + quantity <= limit`. Three kinds of limit:
- a usage price's `usage_limit`: `block` refuses past it (reason `usage_limit`); `notify` only reports it;
- a price spending a credit entitlement without unlimited overage: the free threshold plus the balance's
  worth of units, plus the overage room when overage is enabled with `overage_limit` (reason
  `credits_exhausted`, or `overage_limit` once the room is spent too);
- a metered feature's grant (reason `usage_limit`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Literal

from domain.credit_rules import Pool, credits_for
from domain.rating import UsagePrice

Reason = Literal["ok", "no_subscription", "usage_limit", "credits_exhausted", "overage_limit", "feature_not_granted"]
ZERO = Decimal(0)


@dataclass(frozen=True)
class Standing:
    """One limit as it stands: `reached` once the cycle's usage is at or past it (what fires its webhook,
    whether or not it blocks)."""

    allowed: bool
    reason: Reason
    used: Decimal | None = None
    limit: Decimal | None = None
    remaining: Decimal | None = None
    balance: Decimal | None = None  # credits left after the cycle's usage so far, for a credit limit
    cycle_start: datetime | None = None
    cycle_end: datetime | None = None
    reached: bool = False
    blocks: bool = True


OK = Standing(True, "ok")


def against(used: Decimal, quantity: Decimal, limit: Decimal, reason: Reason, blocks: bool = True) -> Standing:
    allowed = not blocks or used + quantity <= limit
    return Standing(
        allowed,
        "ok" if allowed else reason,
        used,
        limit,
        max(limit - used, ZERO),
        reached=used >= limit,
        blocks=blocks,
    )


def usage_limit(price: UsagePrice, used: Decimal, quantity: Decimal) -> Standing | None:
    if price.usage_limit is None:
        return None
    return against(used, quantity, price.usage_limit, "usage_limit", blocks=price.limit_behavior == "block")


def credit_limit(price: UsagePrice, pool: Pool, used: Decimal, quantity: Decimal) -> Standing | None:
    """None when the entitlement lets overage run without a limit: then credits never refuse."""
    per_credit = price.meter_units_per_credit
    terms = pool.terms
    if per_credit is None or (terms.overage_enabled and terms.overage_limit is None):
        return None
    room = max(terms.overage_limit - pool.overage, ZERO) if terms.overage_enabled and terms.overage_limit else ZERO
    limit = price.free_threshold + (pool.balance + room) * per_credit
    spent = credits_for(max(used - price.free_threshold, ZERO), per_credit, terms.precision)
    standing = against(used, quantity, limit, "credits_exhausted")
    reason: Reason = standing.reason
    if reason != "ok" and room > 0:
        reason = "overage_limit"
    return Standing(
        standing.allowed,
        reason,
        used,
        limit,
        standing.remaining,
        balance=max(pool.balance - spent, ZERO),
        reached=standing.reached,
    )


def tightest(standings: list[Standing]) -> Standing:
    """The answer of several limits on one meter: refused if any blocking one refuses, and the least
    remaining of those that block (a notify limit shows only when nothing blocks)."""
    if not standings:
        return OK
    refused = [s for s in standings if not s.allowed]
    if refused:
        return min(refused, key=lambda s: s.remaining if s.remaining is not None else ZERO)
    blocking = [s for s in standings if s.blocks]
    pool = blocking or standings
    return min(pool, key=lambda s: s.remaining if s.remaining is not None else ZERO)
