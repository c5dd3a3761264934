"""How billing documents read in JSON: decimals as exact strings, and the invoice line that
invoices (projections/invoices/queries.py) and upcoming invoices share."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import msgspec

from domain.pricing_models import Model
from domain.rating import Line


def number(value: Decimal) -> str:
    """A quantity without exponent or trailing zeros ("2500", "12.5")."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


class LateForView(msgspec.Struct):
    """The bill a late line re-rated: its invoice and period, what it had billed and what it costs now
    (docs/billing.md, Late events)."""

    invoice_id: str
    start: datetime
    end: datetime
    billed: str
    rerated: str


class LineView(msgspec.Struct):
    meter_id: str
    meter_name: str
    quantity: str
    free: str
    credits_used: str
    credited: str
    billable: str
    unit_price: str
    amount: str
    late: bool
    model: Model = "per_unit"  # how billable was priced (docs/pricing.md); unit_price is 0 for other models
    group: dict[str, str | None] | None = None  # {group_by key: value} of a per-value price's line
    uncharged: str = "0"  # units past a credit entitlement's overage_limit: not charged, flagged
    segment: int | None = None  # the plan segment it was rated in, when its invoice has several (subscriptions.md)
    late_for: LateForView | None = None  # a late line's re-rated bill; None on other lines and older late ones
    kind: str = "usage"  # "usage", or a line with no meter: "already_invoiced" (docs/thresholds.md)


def line_view(line: Line) -> LineView:
    return LineView(
        meter_id=line.meter_id,
        meter_name=line.meter_name,
        quantity=number(line.quantity),
        free=number(line.free),
        credits_used=number(line.credits_used),
        credited=number(line.credited),
        billable=number(line.billable),
        unit_price=number(line.unit_price),
        amount=str(line.amount),
        late=line.late,
        model=line.model,
        group=line.group,
        uncharged=number(line.uncharged),
        segment=line.segment,
        late_for=LateForView(
            line.late_for.invoice_id,
            line.late_for.start,
            line.late_for.end,
            str(line.late_for.billed),
            str(line.late_for.rerated),
        )
        if line.late_for
        else None,
        kind=line.kind,
    )
