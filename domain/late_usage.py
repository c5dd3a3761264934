"""Late usage billed as the difference it makes (docs/billing.md, Late events).

When events arrive for a bill already issued (a closed cycle, or the part of a cycle a plan change billed), the
bill is rated again with every event known now, on the terms it was issued with: its plan segments, their
prices (free thresholds, tiers, packages, per-value groups) and each meter's own aggregation. Each re-rated line
is compared with what was billed for it so far (the bill's own line, plus the late lines that followed it); the
next bill carries the difference as a late line. So a late event that changes nothing (a user already counted, a
seat count below the cycle's max, calls inside the free allowance) adds 0.00, and the bill and its late lines
always add up to what the cycle would have cost had every event arrived in time.

Credits are not spent again: the wallet and the entitlement balances were settled when the bill was issued, so a
re-rated line keeps the units its issued line paid with credits (and the units it left uncharged past an
entitlement's overage limit), no more and no fewer; what the late events add past them is charged at the price.

A negative difference (a `last` value that went down) is a credit line. A credit never takes an invoice below
zero: what does not fit is left out of the line, and since the line records what it re-rated, the rest is
credited again by the next bill (`owed`).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal

from domain.money import round_money
from domain.proration import SegmentUsage, rate_bill
from domain.rating import ZERO, LateFor, Line, Rated, UsagePrice

Key = tuple[str, tuple[tuple[str, str | None], ...], int | None]


def line_key(line: Line) -> Key:
    """A line of a bill: its meter, its value of a per-value price, its plan segment (when the bill has several)."""
    segment = line.late_for.segment if line.late_for is not None else line.segment
    return line.meter_id, tuple((line.group or {}).items()), segment


def without_credits(price: UsagePrice) -> UsagePrice:
    return replace(price, credits=None, credit_entitlement_id=None, meter_units_per_credit=None)


def rerate(parts: list[SegmentUsage], issued: list[Line], currency: str) -> list[Line]:
    """The bill's usage lines rated with what is measured now, each keeping the units its issued line paid with
    credits or left uncharged (capped by what is left to bill)."""
    plain = [
        SegmentUsage(
            replace(p.segment, plan=replace(p.segment.plan, addons=())),  # usage only: no fixed price, no add-ons
            ZERO,
            [replace(u, price=without_credits(u.price)) for u in p.usages],
        )
        for p in parts
    ]
    several = len(parts) > 1
    prices = {(i if several else None, u.price.meter_id): u.price for i, p in enumerate(parts) for u in p.usages}
    held = {line_key(line): line for line in issued if not line.late}
    lines = []
    for line in rate_bill(plain, currency, closing=False).lines:
        before = held.get(line_key(line))
        if before is None or not (before.credited or before.uncharged):
            lines.append(line)
            continue
        credited = min(before.credited, line.billable)
        uncharged = min(before.uncharged, line.billable - credited)
        billable = line.billable - credited - uncharged
        value = next(iter(line.group.values())) if line.group else None
        pricing = prices[(line.segment, line.meter_id)].for_value(value, ZERO).pricing
        amount = round_money(pricing.amount(billable), currency)
        lines.append(replace(line, credited=credited, uncharged=uncharged, billable=billable, amount=amount))
    return lines


@dataclass(frozen=True)
class Bill:
    """An issued bill as a late re-rating needs it: its invoice, its period and lines, and the late lines of
    the invoices after it that re-rated it."""

    invoice_id: uuid.UUID
    start: datetime
    end: datetime
    lines: list[Line]
    later: list[Line]

    def billed(self) -> dict[Key, Decimal]:
        """What was billed so far for each line of the bill (entitlements' overage lines are not usage)."""
        billed: dict[Key, Decimal] = defaultdict(Decimal)
        for line in self.lines:
            if not line.late and line.meter_id in self._metered:
                billed[line_key(line)] += line.amount
        for line in self.later:
            billed[line_key(line)] += line.amount
        return billed

    @property
    def _metered(self) -> set[str]:
        return {line.meter_id for line in self.lines if not line.meter_id.startswith("credit_entitlement:")}


def late_lines(bill: Bill, now: list[Line], meters: set[str]) -> list[Line]:
    """The late lines of a re-rated bill: for each line of a meter that late events (or a credit still owed)
    touched, the re-rated amount minus what was billed for it. A per-value line the difference leaves at
    zero is left out; a meter's own line is shown even at 0.00, so the customer sees the late events were
    counted."""
    billed = bill.billed()
    lines = []
    for line in now:
        if line.meter_id not in meters:
            continue
        before = billed.get(line_key(line), ZERO)
        if line.amount == before and line.group is not None:
            continue
        late_for = LateFor(str(bill.invoice_id), bill.start, bill.end, before, line.amount, line.segment)
        lines.append(
            replace(line, credits_used=ZERO, amount=line.amount - before, late=True, segment=None, late_for=late_for)
        )
    return lines


def owed(line: Line) -> Decimal:
    """What a late line's difference did not bill (a credit cut so its invoice stays at zero): still owed."""
    if line.late_for is None:
        return ZERO
    return line.late_for.rerated - line.late_for.billed - line.amount


def with_late(rated: Rated, late: list[Line]) -> Rated:
    """The bill with its late lines; credit lines cut, in order, so the total does not go below zero."""
    total = rated.total + sum((line.amount for line in late if line.amount > 0), ZERO)
    lines = []
    for line in late:
        if line.amount < 0:
            line = replace(line, amount=max(line.amount, -total))
            total += line.amount
        lines.append(line)
    return replace(rated, lines=rated.lines + lines, total=total)
