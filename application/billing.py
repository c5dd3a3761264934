"""Closing cycles into invoices.

A close waits until the `usage` read model has reached the log head and no
meter back-fill is pending, refuses while the business is stuck at a parked
`usage` event (its counts would be short), then reads the quantities and the position they
stand at in ONE repeatable-read transaction, prices them with the same rating
function the upcoming invoice uses, and saves subscription, invoices and
wallet in one transaction. The invoice id derives from the cycle and the
aggregates carry versions, so concurrent or repeated closes store one invoice
per cycle: the loser re-reads and answers what the winner stored.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError

from application.bill_inputs import BillInputs
from application.credits import Credits
from application.entitlements import Entitlements
from application.late_usage import late_lines_of
from application.observing import Observer, Unobserved
from application.ports import ReadSide
from application.threshold_bills import less_threshold_invoices
from application.upcoming import Upcoming
from application.wallets import Wallets
from domain.adjustments import adjusted
from domain.credit_rules import Pool
from domain.credit_settlement import Closing, debit_usage, grant, settle
from domain.credit_wallet import CreditWallet
from domain.customer import Customer, customer_id
from domain.cycles import Cycle
from domain.entitlements import awaiting_close, cycle_grants, cycle_reference, entitlement_grants
from domain.errors import Conflict, NotReady
from domain.invoice import Invoice, difference_invoice_id, invoice_id, threshold_invoice_id
from domain.invoice_numbering import InvoiceNumbering, numbering_id
from domain.late_usage import with_late
from domain.product import Product
from domain.proration import Basis, Segment, SegmentUsage, billed_terms, rate_bill
from domain.rating import Line, Rated
from domain.subscription import Subscription
from store.event_store import EventStore

# Closes of one business race for its invoice numbers (domain/invoice_numbering.py): each round of a race
# lets at least one of them through, so this many retries carry that many concurrent closers.
RACE_RETRIES = 10
# Bounded so one save stays far below the event count at which big saves were seen to hang.
CYCLES_PER_SAVE = 100
READY_WAIT_S = 10.0


@dataclass(frozen=True)
class Issued:
    """Invoices a bill issued, and every aggregate to save with the subscription (invoices, numbering,
    wallets)."""

    invoices: list[Invoice]
    aggregates: list[Any]
    # Per invoice, what its bill's threshold invoices billed past it: credited to the customer's wallet.
    excess: dict[uuid.UUID, Decimal] = field(default_factory=dict)


class Billing:
    def __init__(
        self,
        store: EventStore,
        read_side: ReadSide,
        credits: Credits,
        entitlements: Entitlements,
        observer: Observer | None = None,
        wallets: Wallets | None = None,
    ) -> None:
        self.observer = observer or Unobserved()
        self.wallets = wallets or Wallets(store)
        self.repository = store.repository
        self.snapshotted = store.snapshotted
        self.save = store.save
        self.owned = store.owned
        self.head = store.head
        self.read_side = read_side
        self.wallet_of = credits.wallet_of
        self.open_cycles = credits.open_cycles
        self.entitlements = entitlements

    def close_cycles(
        self,
        business: uuid.UUID,
        subscription_id: uuid.UUID,
        now: datetime,
        wait: bool = True,
        limit: int | None = None,
        until: datetime | None = None,
    ) -> list[uuid.UUID]:
        """Closes every cycle of the subscription that ended by `until` (default: `now`, the time the invoices
        are issued at), the oldest `limit` of them when given, so a subscription far behind is closed in
        steps; answers their invoices' ids, in cycle order (a cycle closed meanwhile by a concurrent close
        answers the invoice that close issued)."""
        started = time.monotonic()
        with self.observer.span("close cycles", {"tally.subscription_id": str(subscription_id)}):
            invoices = self._close_cycles(business, subscription_id, now, wait, limit, until)
        if invoices:
            self.observer.closed(len(invoices), time.monotonic() - started)
        return invoices

    def _close_cycles(
        self,
        business: uuid.UUID,
        subscription_id: uuid.UUID,
        now: datetime,
        wait: bool,
        limit: int | None,
        until: datetime | None,
    ) -> list[uuid.UUID]:
        subscription: Subscription = self.owned(business, Subscription, "subscription", subscription_id)
        ended_by = until or now
        due = subscription.due_cycles(ended_by, limit)
        if not due:
            return []
        if wait:
            self.wait_until_usage_ready()
        starts = {c.index: subscription.bill_start(c) for c in due}

        def next_chunk() -> list[Cycle]:
            return subscription.due_cycles(ended_by, min(CYCLES_PER_SAVE, due[-1].index + 1 - subscription.closed))

        while chunk := next_chunk():
            for _ in range(RACE_RETRIES):
                try:
                    self.save(subscription, *self.close(subscription, chunk, now).aggregates)
                    break
                except IntegrityError:
                    # Another close, a grant on the wallet, or an issue in the same business (invoice numbers)
                    # won the race: decide again on what is stored now.
                    subscription = self.repository.get(subscription_id)
                    chunk = next_chunk()
            else:
                raise Conflict("the subscription kept changing while closing; retry", "close_busy")
        return [invoice_id(subscription.id, starts[c.index]) for c in due]

    def invoice(self, business: uuid.UUID, invoice: uuid.UUID) -> Invoice:
        issued: Invoice = self.owned(business, Invoice, "invoice", invoice)
        return issued

    def usage_ready(self) -> bool:
        return (
            self.read_side.usage_position() >= self.head()
            and not self.read_side.backfills_pending()
            and not self.read_side.upgrading()
        )

    def wait_until_usage_ready(self, timeout: float = READY_WAIT_S) -> None:
        deadline = time.monotonic() + timeout
        pause = 0.01
        while not self.usage_ready():
            if time.monotonic() >= deadline:
                raise NotReady(
                    "usage is still being counted (projections behind, a meter back-fill pending, or read models "
                    "being rebuilt by an upgrade); retry shortly",
                    "usage_not_ready",
                )
            time.sleep(pause)
            pause = min(pause * 2, 0.2)

    def close(self, subscription: Subscription, due: list[Cycle], now: datetime, preview: bool = False) -> Issued:
        """Bills the due cycles, each on its plan segments, and closes them on the subscription; answers the
        invoices and what they change, for the caller to save with it."""
        inputs = self._inputs(subscription, [s for c in due for s in subscription.segments(c)], now, preview)
        measured = self._measured(subscription, inputs, [(c, subscription.segments(c)) for c in due])
        starts = [subscription.bill_start(c) for c in due]
        numbering = self.numbering(subscription.business_id)
        numbers = numbering.take([invoice_id(subscription.id, start) for start in starts])
        invoices, excess = [], {}
        bill_to = self._bill_to(subscription)
        for c, start, (parts, late, position), number in zip(due, starts, measured, numbers, strict=True):
            rated = self._adjusted(inputs, subscription, c.index, parts, self._rate(inputs, parts, late), True)
            rated, over = less_threshold_invoices(self.repository, subscription, start, rated)
            invoice = self._invoice(subscription, start, c.end, parts, rated, now, number, bill_to)
            excess[invoice.id] = over
            subscription.close_cycle(c, invoice.id, position)
            following = subscription.cycle(c.index + 1)
            next_product = (
                inputs.product(subscription.timeline.plan_at(following.start).product_id) if following else None
            )
            if inputs.wallet is not None:
                self._settle_credits(
                    inputs.wallet, subscription, next_product, c, rated.lines, invoice.id, inputs.open_cycle
                )
            self._settle_entitlements(inputs, subscription, next_product, c, rated.lines, invoice.id, inputs.open_cycle)
            invoices.append(invoice)
        return self._paid_from_wallets(Issued(invoices, [*invoices, numbering, *inputs.wallets], excess), now)

    def bill_part(self, subscription: Subscription, at: datetime, now: datetime, preview: bool = False) -> Issued:
        """Bills the open cycle's part before `at` (a plan change's), if it has one: the usage measured,
        credits debited; the cycle stays open, its allowances and grants with it."""
        c = subscription.open_cycle
        assert c is not None
        parts = subscription.segments(c, until=at)
        if not parts:
            return Issued([], [])
        start = subscription.bill_start(c)
        inputs = self._inputs(subscription, parts, now, preview)
        [(measured, late, position)] = self._measured(subscription, inputs, [(replace(c, end=at), parts)])
        numbering = self.numbering(subscription.business_id)
        [number] = numbering.take([invoice_id(subscription.id, start)])
        rated, over = less_threshold_invoices(
            self.repository,
            subscription,
            start,
            self._adjusted(inputs, subscription, c.index, measured, self._rate(inputs, measured, late, False), False),
        )
        invoice = self._invoice(subscription, start, at, measured, rated, now, number, self._bill_to(subscription))
        subscription.bill_part(at, invoice.id, position)
        reference = cycle_reference(subscription.id, c)
        if inputs.wallet is not None:
            for line in rated.lines:
                inputs.wallet.debit(line.credits_used, reference, line.meter_id, "usage", f"invoice:{invoice.id}")
        for e, wallet in inputs.balances.items():
            debit_usage(wallet, inputs.terms[e], inputs.prices, rated.lines, reference, str(invoice.id))
        return self._paid_from_wallets(
            Issued([invoice], [invoice, numbering, *inputs.wallets], {invoice.id: over}), now
        )

    def bill_threshold(self, subscription: Subscription, upcoming: Upcoming, now: datetime) -> Issued:
        """A threshold invoice of the open bill so far, as the upcoming invoice prices it (less what earlier
        threshold invoices billed); no credits move: the bill that ends the cycle settles them."""
        c = subscription.open_cycle
        assert c is not None
        numbering = self.numbering(subscription.business_id)
        rated = upcoming.rated
        start = subscription.bill_start(c)
        sequence = len(subscription.threshold_invoices)
        number = numbering.take([threshold_invoice_id(subscription.id, start, sequence)])[0]
        parts = list(upcoming.parts)
        invoice = self._invoice(
            subscription, start, now, parts, rated, now, number, self._bill_to(subscription), sequence
        )
        subscription.invoice_threshold(now, invoice.id, rated.total, upcoming.position)
        return self._paid_from_wallets(Issued([invoice], [invoice, numbering]), now)

    def bill_difference(self, subscription: Subscription, at: datetime, now: datetime) -> Issued:
        """Charges a difference_immediately change at `at`: the new plan's fixed price x quantity less the old
        one's, whole, on an invoice for [at, cycle end) of its own, when positive (a negative difference is
        credited on the cycle's invoice: domain/proration.py). No usage, no credits."""
        c = subscription.open_cycle
        assert c is not None
        parts = subscription.segments(c)
        [before] = [s for s in parts if s.end == at]
        [after] = [s for s in parts if s.start == at]
        inputs = BillInputs(self.repository)
        bases: tuple[tuple[Segment, Basis], ...] = ((before, "none"), (after, "difference"))
        priced = [
            SegmentUsage(
                replace(s, fixed=basis), inputs.product(s.plan.product_id).price, [], inputs.addon_prices(s.plan)
            )
            for s, basis in bases
        ]
        rated = rate_bill(priced, inputs.product(after.plan.product_id).currency, closing=False)
        if rated.total <= 0:
            return Issued([], [])
        numbering = self.numbering(subscription.business_id)
        [number] = numbering.take([difference_invoice_id(subscription.id, at)])
        invoice = self._invoice(subscription, at, c.end, priced, rated, now, number, self._bill_to(subscription))
        subscription.bill_difference(at, invoice.id)
        return self._paid_from_wallets(Issued([invoice], [invoice, numbering]), now)

    def _paid_from_wallets(self, issued: Issued, now: datetime) -> Issued:
        """Every invoice a bill issues is paid from the customer's money wallet in its currency as far as it
        goes (application/wallets.py); the wallets are saved with it."""
        return Issued(issued.invoices, [*issued.aggregates, *self.wallets.pay(issued.invoices, now, issued.excess)])

    def _inputs(self, subscription: Subscription, parts: list[Segment], now: datetime, preview: bool) -> BillInputs:
        """The products of the segments (and of the plans that follow them), their meters, the wallet and the
        entitlement balances the bill spends, with what expired by `now` expired (saved, unless a preview)."""
        inputs = BillInputs(self.repository)
        for pid in [s.plan.product_id for s in parts] + [subscription.product_id]:
            inputs.product(pid)
        if subscription.scheduled is not None:
            inputs.product(subscription.scheduled["product_id"])
        if any(p.credits for p in inputs.prices):
            inputs.wallet = self.wallet_of(subscription.business_id, subscription.customer_id)
        for product in list(inputs.products.values()):
            inputs.terms |= self.entitlements.terms_for(product)
        inputs.balances = {
            e: self.entitlements.wallet_of(subscription.business_id, subscription.customer_id, e) for e in inputs.terms
        }
        inputs.open_cycle = self.open_cycles(subscription)
        self._expire_due(inputs.wallets, now, inputs.open_cycle, save=not preview)
        return inputs

    def _measured(
        self, subscription: Subscription, inputs: BillInputs, bills: list[tuple[Cycle, list[Segment]]]
    ) -> list[tuple[list[SegmentUsage], list[Line], int]]:
        """Each bill's segments with their usage, its late lines, and the usage position they stand at, read in
        one snapshot. Only a chunk's first bill has late lines: the bills after it were not issued yet."""
        with self.read_side.snapshot() as view:
            position = view.usage_position()
            parked = view.usage_parked_at(subscription.business_id)
            if parked is not None:
                raise NotReady(
                    f"this business's usage is stuck at a parked event (position {parked}), so its "
                    "counts are short: see `tally projections status`, then `tally projections retry`",
                    "usage_parked",
                )
            answers = []
            for i, (c, parts) in enumerate(bills):
                measured = []
                for segment in parts:
                    product = inputs.product(segment.plan.product_id)
                    usages = view.measure(
                        subscription.customer_id,
                        subscription.prices_for(product, c.index),
                        inputs.meters,
                        Cycle(c.index, segment.start, segment.end),
                    )
                    measured.append(SegmentUsage(segment, product.price, usages, inputs.addon_prices(segment.plan)))
                late = (
                    late_lines_of(
                        view,
                        self.repository,
                        subscription,
                        subscription.bill_start(c),
                        subscription.last_position,
                        position,
                    )
                    if i == 0
                    else []
                )
                answers.append((measured, late, position))
        return answers

    def _rate(self, inputs: BillInputs, parts: list[SegmentUsage], late: list[Line], closing: bool = True) -> Rated:
        pools = {e: Pool(inputs.terms[e], b.balance, b.overage) for e, b in inputs.balances.items()}
        currency = inputs.product(parts[0].segment.plan.product_id).currency
        balance = inputs.wallet.balance if inputs.wallet else Decimal(0)
        return with_late(rate_bill(parts, currency, balance, pools, closing), late)

    @staticmethod
    def _adjusted(
        inputs: BillInputs, subscription: Subscription, k: int, parts: list[SegmentUsage], rated: Rated, closing: bool
    ) -> Rated:
        """The bill's discount, and, on the bill that closes the cycle, its product's minimum commitment
        (domain/adjustments.py: after usage, fixed price and late lines; the wallet pays at issue, after)."""
        product = inputs.product(parts[-1].segment.plan.product_id)
        minimum = product.minimum_amount if closing else None
        return adjusted(rated, rated.currency, subscription.discount_for(k, product.id), minimum, str(product.id))

    def _bill_to(self, subscription: Subscription) -> dict[str, Any]:
        customer: Customer = self.repository.get(customer_id(subscription.business_id, subscription.customer_id))
        return customer.billing_details.terms()

    def _invoice(
        self,
        subscription: Subscription,
        start: datetime,
        end: datetime,
        parts: list[SegmentUsage],
        rated: Rated,
        now: datetime,
        number: str,
        bill_to: dict[str, Any],
        threshold: int | None = None,
    ) -> Invoice:
        """`threshold`: the sequence of a threshold invoice in its bill (None for any other invoice)."""
        return Invoice(
            business_id=subscription.business_id,
            customer_id=subscription.customer_id,
            subscription_id=subscription.id,
            product_id=parts[-1].segment.plan.product_id,
            cycle_start=start,
            cycle_end=end,
            currency=rated.currency,
            price=rated.price,
            lines=[line.terms() for line in rated.lines],
            total=rated.total,
            issued_at=now,
            number=number,
            bill_to=bill_to,
            segments=billed_terms(parts, rated.currency),
            billing_reason="cycle" if threshold is None else "threshold",
            sequence=threshold,
        )

    def _expire_due(
        self,
        wallets: list[CreditWallet],
        now: datetime,
        open_cycle: Callable[[uuid.UUID], Cycle | None],
        save: bool = True,
    ) -> None:
        """Credits pay from the grants active at the close: what expired by `now` (a manual grant's own date)
        is expired first, as the expiry job would have, whether or not it got there yet. Saved on its own,
        before the close's save, so the ledger shows the close's first movement after its pricing
        (docs/simulation.md); a preview prices with it and saves nothing."""
        expired = [
            w for w in wallets if w.expire(now, f"expiry:{now.isoformat()}", kept=awaiting_close(w.grants, open_cycle))
        ]
        if expired and save:
            self.save(*expired)

    def numbering(self, business: uuid.UUID) -> InvoiceNumbering:
        """The business's invoice numbering as stored, or a new one (saved with its first use)."""
        try:
            numbering: InvoiceNumbering = self.snapshotted.get(numbering_id(business))
        except AggregateNotFoundError:
            numbering = InvoiceNumbering(business_id=business)
        return numbering

    def _settle_credits(
        self,
        wallet: CreditWallet,
        subscription: Subscription,
        next_product: Product | None,
        c: Cycle,
        lines: list[Line],
        invoice: uuid.UUID,
        open_cycle: Callable[[uuid.UUID], Cycle | None],
    ) -> None:
        """Debit what the cycle used, expire what ended with it (but no grant still paying for another cycle
        not closed yet: the wallet is the customer's, shared by its subscriptions), grant the next cycle's
        credits (of the plan the next cycle is on)."""
        reference = cycle_reference(subscription.id, c)
        for line in lines:
            wallet.debit(line.credits_used, reference, line.meter_id, "usage", f"invoice:{invoice}")
        wallet.expire(c.end, reference, kept=awaiting_close(wallet.grants, open_cycle))
        following = subscription.cycle(c.index + 1)
        if following is not None and next_product is not None:
            for g in cycle_grants(subscription.id, subscription.prices_for(next_product, following.index), following):
                wallet.grant(g.grant_id, g.amount, "cycle", g.expires_at, g.reference)

    def _settle_entitlements(
        self,
        inputs: BillInputs,
        subscription: Subscription,
        next_product: Product | None,
        c: Cycle,
        lines: list[Line],
        invoice: uuid.UUID,
        open_cycle: Callable[[uuid.UUID], Cycle | None],
    ) -> None:
        """Each entitlement's balance: debits, overage by behaviour, rollover (domain/credit_settlement.py),
        then the next cycle's grants (of the plan the next cycle is on)."""
        following = subscription.cycle(c.index + 1)
        closing = Closing(
            cycle_reference(subscription.id, c),
            c.end,
            str(invoice),
            inputs.product(subscription.product_id).currency,
            cycle_reference(subscription.id, following) if following else None,
            following.end if following else None,
        )
        for e, wallet in inputs.balances.items():
            settle(wallet, inputs.terms[e], inputs.prices, lines, closing, awaiting_close(wallet.grants, open_cycle))
        if following is not None and next_product is not None:
            for e, g in entitlement_grants(subscription.id, next_product.attachments, inputs.terms, following):
                grant(inputs.balances[e], inputs.terms[e], g.grant_id, g.amount, g.expires_at, g.reference)
