"""Threshold invoices (progressive billing): a product's `usage_thresholds` make a subscription pay part of
its cycle before the cycle ends (docs/thresholds.md).

The cycle's amount so far (`gross`: the open cycle priced now, as the upcoming invoice prices it) is compared
with what threshold invoices of the same bill have already billed (`invoiced`). A threshold invoice bills
`gross - invoiced` when
- a fixed (non-recurring) threshold lies in (invoiced, gross]: the cycle reached it since the last threshold
  invoice, whose amount was the cycle's amount then, so each fixed threshold fires once; or
- a recurring threshold's amount has accrued since the last threshold invoice: `gross - invoiced >= amount`.
The bill that ends the cycle (its close, or a plan change's part) carries an "already invoiced" line of minus
what its threshold invoices billed, so a cycle's invoices add up to what the cycle bills without thresholds.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from domain.errors import Fault
from domain.money import MINOR_UNITS
from domain.pricing_models import amount_faults
from domain.rating import ZERO, Line, Rated

MAX_THRESHOLDS = 20
ONE = Decimal(1)
ALREADY_INVOICED = "already_invoiced"


@dataclass(frozen=True)
class UsageThreshold:
    amount: Decimal
    recurring: bool = False

    def terms(self) -> dict[str, Any]:
        return {"amount": self.amount, "recurring": self.recurring}

    @classmethod
    def from_terms(cls, terms: dict[str, Any]) -> UsageThreshold:
        return cls(Decimal(str(terms["amount"])), bool(terms.get("recurring", False)))


def threshold_faults(thresholds: list[UsageThreshold], currency: str) -> list[Fault]:
    if len(thresholds) > MAX_THRESHOLDS:
        return [Fault("usage_thresholds", f"at most {MAX_THRESHOLDS}")]
    places = MINOR_UNITS.get(currency, 2)
    faults = []
    for index, t in enumerate(thresholds):
        faults += [
            Fault(f.field, f.reason, index)
            for f in amount_faults("usage_thresholds.amount", t.amount, positive=True, max_places=places)
        ]
    if sum(t.recurring for t in thresholds) > 1:
        faults.append(Fault("usage_thresholds.recurring", "at most one threshold recurs"))
    amounts = [t.amount for t in thresholds if not t.recurring]
    if len(set(amounts)) != len(amounts):
        faults.append(Fault("usage_thresholds.amount", "names one amount twice"))
    return faults


def crossed(thresholds: list[UsageThreshold], gross: Decimal, invoiced: Decimal) -> bool:
    """Whether the cycle's amount so far calls for a threshold invoice now (the rule in the module's doc)."""
    if gross <= invoiced:
        return False
    for t in thresholds:
        if t.recurring and gross - invoiced >= t.amount:
            return True
        if not t.recurring and invoiced < t.amount <= gross:
            return True
    return False


def already_invoiced_line(amount: Decimal, numbers: list[str]) -> Line:
    """Minus what threshold invoices of the bill billed, named by their numbers: one unit at that price, so its
    work is the price."""
    return Line(
        meter_id="",
        meter_name=f"Already invoiced ({', '.join(numbers)})" if numbers else "Already invoiced",
        quantity=ONE,
        free=ZERO,
        credited=ZERO,
        credits_used=ZERO,
        billable=ONE,
        unit_price=-amount,
        amount=-amount,
        late=False,
        kind=ALREADY_INVOICED,
    )


def less_invoiced(rated: Rated, invoiced: Decimal, numbers: list[str]) -> tuple[Rated, Decimal]:
    """The bill less what its threshold invoices billed, and the excess they billed past it (a cycle whose
    amount went down after a threshold invoice: a `last` meter that fell, a lower price): the bill does not go
    below zero, the excess is the customer's (credited to its wallet by the caller)."""
    if invoiced <= 0:
        return rated, ZERO
    taken = min(invoiced, max(rated.total, ZERO))
    line = already_invoiced_line(taken, numbers)
    return replace(rated, lines=[*rated.lines, line], total=rated.total - taken), invoiced - taken
