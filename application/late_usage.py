"""Which issued bills late events touched, and their late lines (domain/late_usage.py).

A close (and the upcoming invoice, and `audit explain`) hands in the late events: those recorded since the
previous bill was priced whose timestamp falls in a part of the subscription already billed. Each is placed in
the bill whose period holds it; each bill touched is re-rated on the terms it was issued with (the prices its
invoice recorded; an invoice issued before invoices recorded them is re-rated on its product's prices as they
stand), with its usage measured by the caller (the usage read model's snapshot for a close, the log for an
audit), and billed the difference. A bill whose last late line could not give all of its credit (the invoice
would have gone below zero) is re-rated again, so the rest follows.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from application.ports import UsageSnapshot
from domain.aggregation import Row
from domain.cycles import Cycle, LateWindow
from domain.invoice import Invoice, difference_invoice_id
from domain.late_usage import Bill, late_lines, owed, rerate
from domain.meter import Meter
from domain.proration import Segment, SegmentUsage, issued_segments
from domain.rating import ZERO, Line, Usage, UsagePrice
from domain.subscription import Subscription

# The usage of a bill's segment with these prices, as known now.
Measure = Callable[[Segment, list[UsagePrice], dict[str, Meter]], list[Usage]]


@dataclass(frozen=True)
class LateBill:
    """A bill re-rated: the bill, how many late events each of its meters counted, and its late lines."""

    bill: Bill
    events: dict[str, int]
    lines: list[Line]
    prices: dict[tuple[int | None, str], UsagePrice]  # (segment when several, meter id) -> its price

    def price_of(self, line: Line) -> UsagePrice:
        return self.prices[(line.late_for.segment if line.late_for else None, line.meter_id)]


class LateBills:
    def __init__(self, repository: Any) -> None:
        self.repository = repository
        self.meters: dict[str, Meter] = {}

    def rerated(self, subscription: Subscription, bills: int, rows: list[Row], measure: Measure) -> list[LateBill]:
        """The late bills among the subscription's first `bills` bills, oldest first."""
        ids = subscription.invoice_ids[:bills]
        if not ids:
            return []
        # The last bill that could carry late lines (with the difference invoices after it, which carry none).
        invoices: list[Invoice] = []
        for iid in reversed(ids):
            invoices.insert(0, self.repository.get(iid))
            if invoices[0].id != difference_invoice_id(subscription.id, invoices[0].cycle_start):
                break
        owing = {
            line.late_for.invoice_id
            for invoice in invoices
            for line in invoice.lines
            if line.late_for is not None and owed(line)
        }
        if not rows and not owing:
            return []
        earliest = min([r[1] for r in rows] + [invoices[0].cycle_start])
        for iid in reversed(ids[: len(ids) - len(invoices)]):
            if invoices[0].cycle_start <= earliest and not owing - {str(i.id) for i in invoices}:
                break
            invoices.insert(0, self.repository.get(iid))
        answers = []
        for j, invoice in enumerate(invoices):
            inside = [r for r in rows if invoice.cycle_start <= r[1] < invoice.cycle_end]
            if not inside and str(invoice.id) not in owing:
                continue
            answers.append(self._rerated(invoice, invoices[j + 1 :], inside, owing, measure))
        return answers

    def _rerated(
        self, invoice: Invoice, after: list[Invoice], inside: list[Row], owing: set[str], measure: Measure
    ) -> LateBill:
        later = [
            line
            for k, following in enumerate(after)
            for line in following.lines
            if line.late and (line.late_for.invoice_id == str(invoice.id) if line.late_for else k == 0)
        ]
        bill = Bill(invoice.id, invoice.cycle_start, invoice.cycle_end, invoice.lines, later)
        parts: list[SegmentUsage] = []
        events: dict[str, int] = {}
        priced: dict[tuple[int | None, str], UsagePrice] = {}
        terms = self._terms(invoice)
        for i, (segment, prices) in enumerate(terms):
            for price in prices:
                meter = self._meter(price.meter_id)
                events[price.meter_id] = events.get(price.meter_id, 0) + meter.rule.measure(inside)[0]
                priced[(i if len(terms) > 1 else None, price.meter_id)] = price
            parts.append(SegmentUsage(segment, ZERO, measure(segment, prices, self.meters)))
        touched = {m for m, n in events.items() if n}
        if str(invoice.id) in owing:
            touched |= {line.meter_id for line in later if line.late_for is not None and owed(line)}
        lines = late_lines(bill, rerate(parts, invoice.lines, invoice.currency), touched)
        return LateBill(bill, events, lines, priced)

    def _terms(self, invoice: Invoice) -> list[tuple[Segment, list[UsagePrice]]]:
        """Each segment of the invoice with the prices it was rated with."""
        answers = []
        for i, segment in enumerate(issued_segments(invoice)):
            if recorded_prices(invoice):
                prices = [UsagePrice.from_terms(t) for t in (invoice.segments or [])[i]["usage_prices"]]
            else:
                prices = self.repository.get(segment.plan.product_id).prices()
            answers.append((segment, prices))
        return answers

    def _meter(self, meter_id: str) -> Meter:
        if meter_id not in self.meters:
            self.meters[meter_id] = self.repository.get(uuid.UUID(meter_id))
        return self.meters[meter_id]


def recorded_prices(invoice: Invoice) -> bool:
    """Whether the invoice recorded the prices it was rated with: every invoice issued since late usage is
    re-rated does (its late lines are differences); those before billed late events alone."""
    return bool(invoice.segments) and all("usage_prices" in s for s in invoice.segments or [])


def late_of(bills: list[LateBill]) -> list[Line]:
    return [line for b in bills for line in b.lines]


def late_lines_of(
    view: UsageSnapshot, repository: Any, subscription: Subscription, before: datetime, late_after: int, position: int
) -> list[Line]:
    """The late lines of the subscription's bill starting at `before`, priced at the snapshot `view` (at
    `position`): late events are those recorded after `late_after`."""
    window = LateWindow(late_after, position, subscription.billing_since, before)
    rows = view.late_events(subscription.business_id, subscription.customer_id, window)

    def measure(segment: Segment, prices: list[UsagePrice], meters: dict[str, Meter]) -> list[Usage]:
        return view.measure(subscription.customer_id, prices, meters, Cycle(0, segment.start, segment.end))

    bills = LateBills(repository).rerated(subscription, len(subscription.invoice_ids), rows, measure)
    return late_of(bills)
