"""Re-deriving an issued invoice from the event store alone.

Every input is replayed from the log, never read from a projection: the usage
events of the cycle (up to the position the close priced at), the meter
definitions, the product as it stood when the cycle closed, and the wallet as
it stood just before. The same rating function the close used prices them;
each line shows its work and whether it matches what was issued.

The customer's usage events are read from the usage log through its index by business and customer, so
one explain costs the customer's events, not a scan of the whole log (docs/audit.md).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

from application.late_usage import LateBills, Measure, late_of, recorded_prices
from application.ports import AuditLog
from application.threshold_bills import billed_by
from domain.addon import Addon
from domain.adjustments import adjusted
from domain.aggregation import Row
from domain.credit_entitlement import CreditEntitlement
from domain.credit_rules import EntitlementTerms, Pool
from domain.credit_settlement import product_terms
from domain.credit_wallet import CreditWallet, wallet_id
from domain.customer import customer_id
from domain.cycles import LateWindow
from domain.entitlements import cycle_reference
from domain.invoice import Invoice
from domain.late_usage import with_late, without_credits
from domain.meter import Meter
from domain.money_wallet import MoneyWallet, money_wallet_id
from domain.pricing_models import Part
from domain.product import Product
from domain.proration import (
    ADDON_LINE,
    DIFFERENCES,
    AddonPrice,
    Plan,
    Segment,
    SegmentUsage,
    fixed_amounts,
    issued_segments,
    rate_bill,
)
from domain.rating import LateFor, Line, Usage, UsagePrice, group_order
from domain.subscription import Subscription
from domain.usage_threshold import less_invoiced
from store.event_store import EventStore

ZERO = Decimal(0)
COMPARED = (
    "meter_id",
    "quantity",
    "free",
    "credits_used",
    "billable",
    "unit_price",
    "amount",
    "late",
    "model",
    "group",
    "uncharged",
    "segment",
    "late_for",
    "kind",
)
BILLS = (Subscription.CycleClosed, Subscription.PartBilled, Subscription.DifferenceBilled)

# (business, customer, after, upto, (since, before)) -> (position, UsageEvent.Recorded) in log order, of the events
# with after < position <= upto and since <= timestamp < before
Evidence = Callable[[uuid.UUID, str, int, int, tuple[datetime, datetime]], Iterable[tuple[int, Any]]]


@dataclass(frozen=True)
class LineWork:
    meter_id: str
    meter_name: str
    late: bool
    events: int
    quantity: Decimal
    free: Decimal
    credits_used: Decimal
    billable: Decimal
    unit_price: Decimal
    exact_amount: Decimal
    amount: Decimal
    issued_amount: Decimal | None
    matches: bool
    model: str
    group: dict[str, str | None] | None
    parts: list[Part]  # the model's work: units per tier (packages for package) at their prices
    segment: int | None = None  # the plan segment (Explanation.segments) whose prices rated it
    # A late line's bill: what it had billed, what it costs now (this line's quantities), the difference billed.
    late_for: LateFor | None = None
    kind: str = "usage"  # or a line with no meter: already_invoiced (domain/usage_threshold.py)


@dataclass(frozen=True)
class SegmentWork:
    """One plan segment of the invoice: its period, its share of the cycle, the product (version at the bill)
    and quantity it was on, and its fixed price worked out."""

    start: datetime
    end: datetime
    product_id: uuid.UUID
    product_version: int
    quantity: int
    share: str  # "numerator/denominator" of the cycle, exact
    fixed: str  # whole, prorated or none (docs/subscriptions.md)
    trial: bool
    unit_price: Decimal  # the plan's fixed price per unit of quantity
    fixed_share: str
    fixed_amount: Decimal


def segment_work(part: SegmentUsage, version: int, amount: Decimal) -> SegmentWork:
    """A difference (`credited`, `difference`) is no share of the plan's price: its fixed_share reads
    "difference" and its amount is the difference with the segment before (domain/proration.py)."""
    s = part.segment
    return SegmentWork(
        s.start,
        s.end,
        s.plan.product_id,
        version,
        s.plan.quantity,
        f"{s.share.numerator}/{s.share.denominator}",
        s.fixed,
        s.trial,
        part.price,
        "difference" if s.fixed in DIFFERENCES else f"{s.fixed_share.numerator}/{s.fixed_share.denominator}",
        amount,
    )


@dataclass(frozen=True)
class EntitlementWork:
    """A credit entitlement's balance as the cycle was rated, and the terms it was rated with."""

    entitlement_id: str
    balance: Decimal
    overage: Decimal
    terms: EntitlementTerms
    used: Decimal = ZERO  # credits the invoice's lines spent from it


@dataclass(frozen=True)
class Explanation:
    invoice_id: uuid.UUID
    customer_id: str
    cycle_start: datetime
    cycle_end: datetime
    currency: str
    priced_at_position: int
    late_after_position: int
    product_version: int
    credits_available: Decimal
    entitlements: list[EntitlementWork]
    price: Decimal
    lines: list[LineWork]
    total: Decimal
    issued_total: Decimal
    matches: bool
    segments: list[SegmentWork] = field(default_factory=list)
    number: str = ""  # the invoice's number ("" on invoices issued before numbering)
    # What the invoice shows its money wallet paid, and what the wallet's own history says it paid for it.
    wallet_applied: Decimal = Decimal(0)
    wallet_paid: Decimal = Decimal(0)


class InvoiceExplainer:
    def __init__(self, store: EventStore, log: AuditLog) -> None:
        self.log = log
        self.repository = store.repository
        self.owned = store.owned

    def explain_invoice(
        self, business: uuid.UUID | None, invoice: uuid.UUID, evidence: Evidence | None = None
    ) -> Explanation:
        issued: Invoice = (
            self.owned(business, Invoice, "invoice", invoice) if business else self.repository.get(invoice)
        )
        subscription: Subscription = self.repository.get(issued.subscription_id)
        history = list(self.repository.event_store.get(subscription.id))
        bill = next(
            e for e in history if isinstance(e, (*BILLS, Subscription.ThresholdInvoiced)) and e.invoice_id == issued.id
        )
        # A threshold invoice is no bill of its own: it prices the open bill as the bills before it left it.
        b = sum(1 for e in history if isinstance(e, BILLS) and e.originator_version < bill.originator_version)
        upto = (
            bill.usage_position if isinstance(bill, Subscription.ThresholdInvoiced) else subscription.usage_positions[b]
        )
        after = subscription.usage_positions[b - 1] if b else 0
        k = bill.index
        closed_at = self.log.positions(subscription.id)[bill.originator_version]
        # Its discount, overrides and price versions as they stood at the bill.
        then: Subscription = self.repository.get(subscription.id, version=bill.originator_version - 1)
        segments = issued_segments(issued)
        products: dict[uuid.UUID, Product] = {}
        for s in segments:
            if s.plan.product_id not in products:
                products[s.plan.product_id] = self.repository.get(
                    s.plan.product_id, version=self._version_before(s.plan.product_id, closed_at)
                )
        wallet = self._wallet_before(issued, subscription, k, closed_at)
        pools = self._pools_before(issued, subscription, k, closed_at, list(products.values()))
        find = evidence or self.log.recorded_usage
        # Only what happened from the subscription's start (its trial, if any, ends later) to this cycle's end
        # can count: late events and the earlier bills they re-rate lie there. Found through the customer's
        # time index, not the customer's whole history.
        occurred = (subscription.anchor, issued.cycle_end)
        events = [
            (p, e.occurred_at, e.event_name, e.metadata)
            for p, e in find(issued.business_id, issued.customer_id, 0, upto, occurred)
        ]
        window = LateWindow(after, upto, subscription.billing_since, issued.cycle_start)
        late = [e for e in events if window.holds(e[0], e[1])]
        # An invoice issued before late re-rating billed its late events alone, without allowance or credits.
        legacy = not recorded_prices(issued)
        meters: dict[str, Meter] = {}
        parts: list[SegmentUsage] = []
        counted: list[tuple[UsagePrice, int]] = []
        for i, segment in enumerate(segments):
            product = products[segment.plan.product_id]
            carried = self._addons_before(segment.plan, closed_at)
            if isinstance(bill, Subscription.DifferenceBilled):  # the fixed-price difference only: no usage
                parts.append(SegmentUsage(segment, product.price, [], carried))
                continue
            prices = then.prices_for(product, k)
            for price in prices:
                meters.setdefault(price.meter_id, self.repository.get(uuid.UUID(price.meter_id)))
            usages: list[Usage] = []
            in_segment = [e for e in events if segment.start <= e[1] < segment.end]
            for price in prices:
                self._measure(usages, counted, price, meters[price.meter_id], in_segment, late=False)
            if legacy and i == 0 and late:
                for price in prices:
                    alone = replace(without_credits(price), free_threshold=ZERO)
                    self._measure(usages, counted, alone, meters[price.meter_id], late, late=True)
            parts.append(SegmentUsage(segment, product.price, usages, carried))
        balance = wallet.balance if wallet else ZERO
        # A part or a difference charges no overage; a threshold invoice prices as the upcoming invoice does.
        closing = isinstance(bill, (Subscription.CycleClosed, Subscription.ThresholdInvoiced))
        rated = rate_bill(parts, issued.currency, balance, pools, closing)
        # Overage and add-on lines count no events; overage is credits at the entitlement's price per unit.
        counted += [(UsagePrice(line.meter_id, line.unit_price), 0) for line in rated.lines[len(counted) :]]
        lines = [
            self._line_work(line, price, n, issued, i, parts[line.segment or 0].segment.fixed_share)
            for i, (line, (price, n)) in enumerate(zip(rated.lines, counted))
        ]
        used = {e: ZERO for e in pools}
        for line, (price, _) in zip(rated.lines, counted):
            if price.credit_entitlement_id in used:
                used[price.credit_entitlement_id] += line.credits_used
        if not legacy and not isinstance(bill, Subscription.DifferenceBilled):
            late_bills = LateBills(self.repository).rerated(subscription, b, late, self._measure_in(events))
            rated = with_late(rated, late_of(late_bills))
            bill_of = {str(lb.bill.invoice_id): lb for lb in late_bills}
            for line in rated.lines[len(lines) :]:
                lb = bill_of[line.late_for.invoice_id] if line.late_for else None
                price = lb.price_of(line) if lb else UsagePrice(line.meter_id, line.unit_price)
                n = lb.events.get(line.meter_id, 0) if lb else 0
                lines.append(self._line_work(line, price, n, issued, len(lines), Fraction(1)))
        if not isinstance(bill, Subscription.DifferenceBilled):
            last = products[segments[-1].plan.product_id]
            minimum = last.minimum_amount if closing else None
            rated = adjusted(rated, issued.currency, then.discount_for(k, last.id), minimum, str(last.id))
        rated, _ = less_invoiced(rated, *self._threshold_invoiced(history, bill, issued, closed_at))
        # Discount, minimum and already-invoiced lines count no events: each is one unit at its price.
        for line in rated.lines[len(lines) :]:
            lines.append(
                self._line_work(line, UsagePrice(line.meter_id, line.unit_price), 0, issued, len(lines), Fraction(1))
            )
        wallet_paid = self._wallet_paid(issued)
        matches = (
            len(rated.lines) == len(issued.lines)
            and all(w.matches for w in lines)
            and rated.total == issued.total
            and rated.price == issued.price
            and wallet_paid == issued.wallet_applied
        )
        return Explanation(
            issued.id,
            issued.customer_id,
            issued.cycle_start,
            issued.cycle_end,
            issued.currency,
            upto,
            after,
            products[segments[-1].plan.product_id].version,
            balance,
            [EntitlementWork(e, p.balance, p.overage, p.terms, used[e]) for e, p in pools.items()],
            rated.price,
            lines,
            rated.total,
            issued.total,
            matches,
            [
                segment_work(p, products[p.segment.plan.product_id].version, amount)
                for p, amount in zip(parts, fixed_amounts(parts, issued.currency), strict=True)
            ],
            issued.number,
            issued.wallet_applied,
            wallet_paid,
        )

    def _threshold_invoiced(
        self, history: list[Any], bill: Any, issued: Invoice, closed_at: int
    ) -> tuple[Decimal, list[str]]:
        """What the threshold invoices of the bill before it had billed (those not void when it was made)."""
        earlier = [
            e.invoice_id
            for e in history
            if isinstance(e, Subscription.ThresholdInvoiced)
            and e.originator_version < bill.originator_version
            and (e.index, e.start) == (bill.index, issued.cycle_start)
        ]
        return billed_by([self.repository.get(i, version=self._version_before(i, closed_at)) for i in earlier])

    def _wallet_paid(self, issued: Invoice) -> Decimal:
        """The payments the money wallet in the invoice's currency recorded for it (docs/wallets.md)."""
        wallet = money_wallet_id(customer_id(issued.business_id, issued.customer_id), issued.currency)
        return sum(
            (
                e.amount
                for e in self.repository.event_store.get(wallet)
                if isinstance(e, MoneyWallet.Debited) and e.event_type == "payment" and e.reference == str(issued.id)
            ),
            Decimal(0),
        )

    @staticmethod
    def _line_work(line: Line, price: UsagePrice, n: int, issued: Invoice, i: int, share: Fraction) -> LineWork:
        """An add-on line's exact amount is price x quantity x its segment's fixed `share`."""
        issued_line = issued.lines[i] if i < len(issued.lines) else None
        same = issued_line is not None and all(getattr(issued_line, f) == getattr(line, f) for f in COMPARED)
        late_for = line.late_for
        pricing = price.for_value(next(iter(line.group.values())) if line.group else None, ZERO).pricing
        exact = pricing.amount(line.billable)
        if line.meter_id.startswith(ADDON_LINE):
            worked = Fraction(exact) * share
            exact = Decimal(worked.numerator) / Decimal(worked.denominator)
        return LineWork(
            line.meter_id,
            line.meter_name,
            line.late,
            n,
            line.quantity,
            line.free,
            line.credits_used,
            line.billable,
            line.unit_price,
            exact,
            line.amount,
            issued_line.amount if issued_line else None,
            same,
            line.model,
            line.group,
            pricing.parts(line.billable),
            line.segment,
            late_for,
            line.kind,
        )

    def _measure_in(self, events: list[Row]) -> Measure:
        """Measures a segment of an earlier bill from the log's events (those the explained close knew)."""

        def measure(segment: Segment, prices: list[UsagePrice], meters: dict[str, Meter]) -> list[Usage]:
            usages: list[Usage] = []
            in_segment = [e for e in events if segment.start <= e[1] < segment.end]
            for price in prices:
                self._measure(usages, [], price, meters[price.meter_id], in_segment, late=False)
            return usages

        return measure

    @staticmethod
    def _measure(
        usages: list[Usage],
        counted: list[tuple[UsagePrice, int]],
        price: UsagePrice,
        meter: Meter,
        events: list[tuple[int, datetime, str, dict[str, Any]]],
        late: bool,
    ) -> None:
        """The usage of one price as the close measured it, and the events behind each line it rates to."""
        if price.group_by is None:
            n, quantity = meter.rule.measure(events)
            if quantity or not late:
                usages.append(Usage(price, meter.name, quantity or ZERO, late=late))
                counted.append((price, n))
            return
        measured = {g[0]: m for g, m in meter.rule.measure_groups(events, (price.group_by,)).items()}
        groups = {value: quantity or ZERO for value, (_, quantity) in measured.items()}
        if late and not any(groups.values()):
            return
        usages.append(Usage(price, meter.name, sum(groups.values(), ZERO), late=late, groups=groups))
        counted += [(price, measured[v][0]) for v in sorted(groups, key=group_order)] or [(price, 0)]

    def _addons_before(self, plan: Plan, closed_at: int) -> dict[uuid.UUID, AddonPrice]:
        """The plan's add-ons as they stood when the bill was made."""
        carried = {}
        for item in plan.addons:
            addon: Addon = self.repository.get(item.addon_id, version=self._version_before(item.addon_id, closed_at))
            carried[item.addon_id] = AddonPrice(addon.name, addon.price)
        return carried

    def _version_before(self, aggregate: uuid.UUID, position: int) -> int:
        return max(v for v, p in self.log.positions(aggregate).items() if p < position)

    def _pools_before(
        self, issued: Invoice, subscription: Subscription, k: int, closed_at: int, products: list[Product]
    ) -> dict[str, Pool]:
        """Each entitlement's balance as cycle k was rated, with its terms as they stood at the close and the
        products' overrides (the later segment's where two products attach one entitlement)."""
        terms: dict[str, EntitlementTerms] = {}
        for product in products:
            base: dict[str, EntitlementTerms] = {}
            for e in product.entitlement_ids():
                entitlement: CreditEntitlement = self.repository.get(
                    uuid.UUID(e), version=self._version_before(uuid.UUID(e), closed_at)
                )
                base[e] = entitlement.terms
            terms |= product_terms(product.attachments, base)
        pools = {}
        for e, t in terms.items():
            held = self._wallet_before(issued, subscription, k, closed_at, e)
            pools[e] = Pool(t, held.balance if held else ZERO, held.overage if held else ZERO)
        return pools

    def _wallet_before(
        self, issued: Invoice, subscription: Subscription, k: int, closed_at: int, entitlement: str | None = None
    ) -> CreditWallet | None:
        """The wallet as cycle k was rated: everything recorded before its close, plus what the settlement
        of earlier cycles closed in the same transaction did (their debits, expiries, rollovers and overage
        settlements, and the grants and repayments they made for the cycles up to k)."""
        wid = wallet_id(customer_id(issued.business_id, issued.customer_id), entitlement)
        positions = self.log.positions(wid)
        if not positions:
            return None
        settled = {cycle_reference(subscription.id, c) for j in range(k) if (c := subscription.cycle(j))}
        granted = settled | {cycle_reference(subscription.id, c) for c in [subscription.cycle(k)] if c}
        version = 0
        for e in self.repository.event_store.get(wid):
            before = positions[e.originator_version] < closed_at
            reference = getattr(e, "cycle", None) or getattr(e, "reference", "")
            for_cycle = isinstance(e, (CreditWallet.CreditsGranted, CreditWallet.OverageRepaid))
            earlier = reference in (granted if for_cycle else settled)
            if not (before or earlier):
                break
            version = e.originator_version
        return self.repository.get(wid, version=version) if version else None
