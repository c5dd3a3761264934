"""Proration: the segments of a cycle, and what each segment is billed.

A cycle [S, E) holds one segment per plan in effect during it. A plan change at T splits the segment it falls
in; how the parts' fixed prices are billed depends on the change's proration mode (docs/subscriptions.md):

- `prorated_immediately` (and `prorated_immediately_keep_cycle`, the same in tally), `full_immediately`: the
  part before T and the part from T each pay their plan's fixed price times their share of the cycle,
  (T - S) / (E - S) and (E - T) / (E - S);
- `do_not_bill`: the part before T keeps what it paid (the whole fixed price, when it started the cycle); the
  part from T pays no fixed price: the new one starts with the next cycle.
- `difference_immediately` (a cycle's first change only): the part before T keeps its whole fixed price; the
  difference D = new fixed price x quantity - old fixed price x quantity, whole whatever T, is charged at once
  on an invoice of its own when positive (basis `difference`), and credited on the cycle's invoice when
  negative (basis `credited`, the part from T): the cycle costs the new plan's whole fixed price either way.

A plan's add-ons (a price and a quantity each) are billed with its fixed price and by the same basis: one line
per add-on and segment, price x quantity x the segment's fixed share, rounded once; a difference counts them
in the plans' recurring totals (fixed price x quantity plus every add-on's price x quantity).

Whatever the mode, each segment's usage is rated on its own plan's prices with every allowance (free
threshold) multiplied by the segment's share, rounded down to 12 places so a cycle's segments never allow more
than the whole cycle would. A trial segment pays nothing: no fixed price, and all its usage is free.

Shares are exact fractions of whole seconds; a fixed price is rounded once, half-up, to the currency's minor
unit, from the exact product (domain/money.py).
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal, get_args

from domain.credit_rules import Pool
from domain.money import MINOR_UNITS
from domain.numbers import MAX_PLACES
from domain.rating import ZERO, Line, Rated, Usage, UsagePrice, rate

if TYPE_CHECKING:
    from domain.invoice import Invoice

Mode = Literal[
    "prorated_immediately",
    "prorated_immediately_keep_cycle",
    "full_immediately",
    "do_not_bill",
    "difference_immediately",
]
MODES: tuple[Mode, ...] = get_args(Mode)
PRORATING: tuple[Mode, ...] = ("prorated_immediately", "prorated_immediately_keep_cycle", "full_immediately")
# Bill the part of the open cycle before the change at once and keep the cycle (docs/subscriptions.md).
BILLING_THE_PART: tuple[Mode, ...] = ("prorated_immediately", "prorated_immediately_keep_cycle")
Basis = Literal["whole", "prorated", "none", "credited", "difference"]
# Bases whose amount is the fixed-price difference with the segment before (`fixed_amounts`).
DIFFERENCES: tuple[Basis, ...] = ("credited", "difference")

SECOND = timedelta(seconds=1)


@dataclass(frozen=True)
class AddonItem:
    """An add-on (domain/addon.py) a plan carries, `quantity` times."""

    addon_id: uuid.UUID
    quantity: int


@dataclass(frozen=True)
class Plan:
    product_id: uuid.UUID
    quantity: int = 1
    addons: tuple[AddonItem, ...] = ()


def addon_terms(items: tuple[AddonItem, ...]) -> list[dict[str, Any]]:
    return [{"addon_id": str(a.addon_id), "quantity": a.quantity} for a in items]


def addons_from_terms(terms: list[dict[str, Any]] | None) -> tuple[AddonItem, ...]:
    """Add-ons as events and read models store them; none for what was stored before add-ons."""
    return tuple(AddonItem(uuid.UUID(str(t["addon_id"])), int(t["quantity"])) for t in terms or [])


@dataclass(frozen=True)
class Change:
    """From `at` on the subscription is on `plan`; `mode` says how the cycle it falls in is billed."""

    at: datetime
    plan: Plan
    mode: Mode


def share(start: datetime, end: datetime, cycle_start: datetime, cycle_end: datetime) -> Fraction:
    """The part [start, end) is of the cycle [cycle_start, cycle_end), exactly."""
    return Fraction((end - start) // SECOND, (cycle_end - cycle_start) // SECOND)


@dataclass(frozen=True)
class Segment:
    start: datetime
    end: datetime
    plan: Plan
    share: Fraction  # of the cycle the segment lies in
    fixed: Basis = "whole"
    trial: bool = False

    @property
    def fixed_share(self) -> Fraction:
        """How much of its plan's fixed price the segment pays (a difference is no share: `fixed_amounts`)."""
        if self.trial or self.fixed in DIFFERENCES:
            return Fraction(0)
        return {"whole": Fraction(1), "prorated": self.share, "none": Fraction(0)}[self.fixed]

    def terms(self) -> dict[str, Any]:
        """As events and read models store it: plain values only (`addons` when the plan has some)."""
        terms = {
            "start": self.start,
            "end": self.end,
            "product_id": str(self.plan.product_id),
            "quantity": self.plan.quantity,
            "share": [self.share.numerator, self.share.denominator],
            "fixed": self.fixed,
            "trial": self.trial,
        }
        return terms | {"addons": addon_terms(self.plan.addons)} if self.plan.addons else terms

    @classmethod
    def from_terms(cls, terms: dict[str, Any]) -> Segment:
        start, end = terms["start"], terms["end"]
        return cls(
            start if isinstance(start, datetime) else datetime.fromisoformat(start),
            end if isinstance(end, datetime) else datetime.fromisoformat(end),
            Plan(uuid.UUID(str(terms["product_id"])), int(terms["quantity"]), addons_from_terms(terms.get("addons"))),
            Fraction(int(terms["share"][0]), int(terms["share"][1])),
            terms["fixed"],
            bool(terms.get("trial", False)),
        )


def segments(
    cycle_start: datetime, cycle_end: datetime, plan: Plan, changes: list[Change], trial: bool = False
) -> list[Segment]:
    """The segments of the cycle [cycle_start, cycle_end) that starts on `plan`, split by the changes that
    fall strictly inside it (in time order). A cycle cut short by a change that started a new cycle
    (`full_immediately`) is the part of these before the change: its shares stay shares of the whole."""
    starts, plans = [cycle_start], [plan]
    bases: list[Basis] = ["whole"]
    for c in (c for c in changes if cycle_start < c.at < cycle_end):
        prorating = c.mode in PRORATING
        if c.at == starts[-1]:  # a second change at the same instant replaces the first one's plan
            plans[-1] = c.plan
        else:
            starts.append(c.at)
            plans.append(c.plan)
            bases.append("none")
        if prorating:
            bases[-1] = "prorated"
            if bases[-2] == "whole":
                bases[-2] = "prorated"
        elif c.mode == "difference_immediately":
            bases[-1] = "credited"
    ends = starts[1:] + [cycle_end]
    return [
        Segment(s, e, p, share(s, e, cycle_start, cycle_end), b, trial)
        for s, e, p, b in zip(starts, ends, plans, bases, strict=True)
    ]


def split(parts: list[Segment], at: datetime) -> tuple[list[Segment], list[Segment]]:
    """The segments before `at` and those from it (`at` is a segment boundary)."""
    return [s for s in parts if s.start < at], [s for s in parts if s.start >= at]


def _rounded(exact: Fraction, currency: str) -> Decimal:
    """Rounded once, half away from zero, to the currency's minor unit."""
    minor = MINOR_UNITS[currency]
    scaled = abs(exact) * 10**minor
    return Decimal(math.floor(scaled + Fraction(1, 2)) * (-1 if exact < 0 else 1)).scaleb(-minor)


def fixed_amount(price: Decimal, segment: Segment, currency: str) -> Decimal:
    """The fixed price the segment pays: price x quantity x its fixed share, rounded once, half-up, to the
    currency's minor unit (prices are never negative)."""
    return _rounded(Fraction(price) * segment.plan.quantity * segment.fixed_share, currency)


def allowance(amount: Decimal, part: Fraction) -> Decimal:
    """An allowance times a share, rounded down to 12 places: the parts never allow more than the whole."""
    exact = Fraction(amount) * part
    if exact.denominator == 1:
        return Decimal(exact.numerator)
    return Decimal(math.floor(exact * 10**MAX_PLACES)).scaleb(-MAX_PLACES)


@dataclass(frozen=True)
class AddonPrice:
    """An add-on as a bill prices it: its name and price (the add-on as it stands at the bill)."""

    name: str
    price: Decimal


@dataclass(frozen=True)
class SegmentUsage:
    """A segment with its plan's fixed price, its add-ons' prices and the usage measured in it."""

    segment: Segment
    price: Decimal
    usages: list[Usage]
    addons: dict[uuid.UUID, AddonPrice] = field(default_factory=dict)

    @property
    def recurring(self) -> Fraction:
        """What the plan costs a cycle: fixed price x quantity plus each add-on's price x quantity."""
        plan = self.segment.plan
        carried = sum((Fraction(self.addons[a.addon_id].price) * a.quantity for a in plan.addons), Fraction(0))
        return Fraction(self.price) * plan.quantity + carried


def fixed_amounts(parts: list[SegmentUsage], currency: str) -> list[Decimal]:
    """What each segment of a bill pays of its plan's fixed price. A difference segment follows the segment of
    the plan it replaced in the same bill (a `difference_immediately` change is its cycle's first, so the
    cycle's first segment is billed with it): D = its plan's recurring total - the previous part's (add-ons
    included); `difference` pays D when positive, `credited` credits it when negative; each is 0 otherwise (or
    without a part before it)."""
    amounts = []
    for i, part in enumerate(parts):
        s = part.segment
        if s.fixed not in DIFFERENCES:
            amounts.append(fixed_amount(part.price, s, currency))
            continue
        d = part.recurring - parts[i - 1].recurring if i else Fraction(0)
        amounts.append(_rounded(max(d, Fraction(0)) if s.fixed == "difference" else min(d, Fraction(0)), currency))
    return amounts


def segment_price(usage: Usage, segment: Segment) -> UsagePrice:
    """The usage price as the segment rates it: allowances times its share; in a trial, all usage free and no
    credits spent."""
    price = usage.price
    if segment.trial:
        return replace(
            price,
            free_threshold=max(usage.quantity, Decimal(0)),
            credits=None,
            credit_entitlement_id=None,
            meter_units_per_credit=None,
        )
    if segment.share == 1:
        return price
    return replace(price, free_threshold=allowance(price.free_threshold, segment.share))


def rate_bill(
    parts: list[SegmentUsage],
    currency: str,
    balance: Decimal = Decimal(0),
    pools: dict[str, Pool] | None = None,
    closing: bool = True,
) -> Rated:
    """Rates a bill's segments as one invoice: each segment's usage on its own prices, the wallet and the
    entitlements' pools spent in segment order; the fixed price is the sum of the segments' (each rounded
    once). Lines carry their segment's index when there are several. Only a bill that closes its cycle
    charges entitlements' overage (`invoice_at_billing`)."""
    several = len(parts) > 1
    usages = [
        replace(u, price=segment_price(u, part.segment), segment=i if several else None)
        for i, part in enumerate(parts)
        for u in part.usages
    ]
    fixed = sum(fixed_amounts(parts, currency), Decimal(0))
    rated = rate(usages, fixed, currency, balance, pools, overage_lines=closing)
    carried = addon_lines(parts, currency)
    return replace(rated, lines=rated.lines + carried, total=rated.total + sum(line.amount for line in carried))


ADDON_LINE = "addon:"  # an add-on line's `meter_id` is "addon:<its id>"


def addon_lines(parts: list[SegmentUsage], currency: str) -> list[Line]:
    """One line per add-on of each segment's plan: price x quantity x the segment's fixed share, rounded once
    (0 in a trial, and in a difference segment: its difference counts the add-ons already)."""
    several = len(parts) > 1
    lines = []
    for i, part in enumerate(parts):
        s = part.segment
        for item in s.plan.addons:
            addon = part.addons[item.addon_id]
            amount = _rounded(Fraction(addon.price) * item.quantity * s.fixed_share, currency)
            quantity = Decimal(item.quantity)
            lines.append(
                Line(
                    f"{ADDON_LINE}{item.addon_id}",
                    addon.name,
                    quantity,
                    ZERO,
                    ZERO,
                    ZERO,
                    quantity,
                    addon.price,
                    amount,
                    False,
                    segment=i if several else None,
                )
            )
    return lines


def billed_terms(parts: list[SegmentUsage], currency: str) -> list[dict[str, Any]]:
    """A bill's segments as its invoice stores them: each segment, its plan's fixed price and what it paid, and
    the usage prices it was rated with (so late usage re-rates it on them: domain/late_usage.py)."""
    return [
        {
            **part.segment.terms(),
            "price": part.price,
            "amount": amount,
            "usage_prices": [u.price.terms() for u in part.usages],
        }
        for part, amount in zip(parts, fixed_amounts(parts, currency), strict=True)
    ]


def issued_segments(issued: Invoice) -> list[Segment]:
    """The segments an invoice billed; one invoice issued before segments billed one whole one."""
    if issued.segments:
        return [Segment.from_terms(t) for t in issued.segments]
    return [Segment(issued.cycle_start, issued.cycle_end, Plan(issued.product_id), Fraction(1))]
