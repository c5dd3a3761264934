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
from datetime import datetime
from decimal import Decimal

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError

from application.credits import Credits
from application.entitlements import Entitlements
from application.observing import Observer, Unobserved
from application.ports import ReadSide
from domain.credit_rules import EntitlementTerms, Pool
from domain.credit_settlement import Closing, grant, settle
from domain.credit_wallet import CreditWallet
from domain.customer import Customer, customer_id
from domain.cycles import Cycle
from domain.entitlements import awaiting_close, cycle_grants, cycle_reference, entitlement_grants
from domain.errors import Conflict, NotReady
from domain.invoice import Invoice, invoice_id
from domain.invoice_numbering import InvoiceNumbering, numbering_id
from domain.meter import Meter
from domain.product import Product
from domain.rating import Line, UsagePrice, rate
from domain.subscription import Subscription
from store.event_store import EventStore

# Closes of one business race for its invoice numbers (domain/invoice_numbering.py): each round of a race
# lets at least one of them through, so this many retries carry that many concurrent closers.
RACE_RETRIES = 10
# Bounded so one save stays far below the event count at which big saves were seen to hang.
CYCLES_PER_SAVE = 100
READY_WAIT_S = 10.0


class Billing:
    def __init__(
        self,
        store: EventStore,
        read_side: ReadSide,
        credits: Credits,
        entitlements: Entitlements,
        observer: Observer | None = None,
    ) -> None:
        self.observer = observer or Unobserved()
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

        def next_chunk() -> list[Cycle]:
            return subscription.due_cycles(ended_by, min(CYCLES_PER_SAVE, due[-1].index + 1 - subscription.closed))

        while chunk := next_chunk():
            for _ in range(RACE_RETRIES):
                try:
                    self._close(subscription, chunk, now)
                    break
                except IntegrityError:
                    # Another close, a grant on the wallet, or an issue in the same business (invoice numbers)
                    # won the race: decide again on what is stored now.
                    subscription = self.repository.get(subscription_id)
                    chunk = next_chunk()
            else:
                raise Conflict("the subscription kept changing while closing; retry", "close_busy")
        return [invoice_id(subscription.id, c.start) for c in due]

    def invoice(self, business: uuid.UUID, invoice: uuid.UUID) -> Invoice:
        issued: Invoice = self.owned(business, Invoice, "invoice", invoice)
        return issued

    def usage_ready(self) -> bool:
        return self.read_side.usage_position() >= self.head() and not self.read_side.backfills_pending()

    def wait_until_usage_ready(self, timeout: float = READY_WAIT_S) -> None:
        deadline = time.monotonic() + timeout
        pause = 0.01
        while not self.usage_ready():
            if time.monotonic() >= deadline:
                raise NotReady(
                    "usage is still being counted (projections behind or a meter back-fill pending); retry shortly",
                    "usage_not_ready",
                )
            time.sleep(pause)
            pause = min(pause * 2, 0.2)

    def _close(self, subscription: Subscription, due: list[Cycle], now: datetime) -> None:
        if not due:
            return
        product: Product = self.repository.get(subscription.product_id)
        prices = product.prices()
        meters: dict[str, Meter] = {p.meter_id: self.repository.get(uuid.UUID(p.meter_id)) for p in prices}
        wallet: CreditWallet | None = None
        if any(p.credits for p in prices):
            wallet = self.wallet_of(subscription.business_id, subscription.customer_id)
        terms = self.entitlements.terms_for(product)
        balances = {
            e: self.entitlements.wallet_of(subscription.business_id, subscription.customer_id, e) for e in terms
        }
        open_cycle = self.open_cycles(subscription)
        self._expire_due([*([wallet] if wallet else []), *balances.values()], now, open_cycle)
        with self.read_side.snapshot() as view:
            position = view.usage_position()
            parked = view.usage_parked_at(subscription.business_id)
            if parked is not None:
                raise NotReady(
                    f"this business's usage is stuck at a parked event (position {parked}), so its "
                    "counts are short: see `tally projections status`, then `tally projections retry`",
                    "usage_parked",
                )
            measured = []
            late_after = subscription.last_position
            for c in due:
                measured.append(
                    view.measure(subscription.customer_id, prices, meters, c, subscription.anchor, late_after, position)
                )
                late_after = max(late_after, position)
        customer: Customer = self.repository.get(customer_id(subscription.business_id, subscription.customer_id))
        bill_to = customer.billing_details.terms()
        numbering = self.numbering(subscription.business_id)
        numbers = numbering.take([invoice_id(subscription.id, c.start) for c in due])
        invoices = []
        for c, usages, number in zip(due, measured, numbers, strict=True):
            pools = {e: Pool(terms[e], b.balance, b.overage) for e, b in balances.items()}
            rated = rate(usages, product.price, product.currency, wallet.balance if wallet else Decimal(0), pools)
            invoice = Invoice(
                business_id=subscription.business_id,
                customer_id=subscription.customer_id,
                subscription_id=subscription.id,
                product_id=product.id,
                cycle_start=c.start,
                cycle_end=c.end,
                currency=product.currency,
                price=rated.price,
                lines=[line.terms() for line in rated.lines],
                total=rated.total,
                issued_at=now,
                number=number,
                bill_to=bill_to,
            )
            subscription.close_cycle(c, invoice.id, position)
            if wallet is not None:
                self._settle_credits(wallet, subscription, prices, c, rated.lines, invoice.id, open_cycle)
            self._settle_entitlements(balances, terms, subscription, product, c, rated.lines, invoice.id, open_cycle)
            invoices.append(invoice)
        self.save(subscription, *invoices, numbering, *([wallet] if wallet else []), *balances.values())

    def _expire_due(
        self, wallets: list[CreditWallet], now: datetime, open_cycle: Callable[[uuid.UUID], Cycle | None]
    ) -> None:
        """Credits pay from the grants active at the close: what expired by `now` (a manual grant's own date)
        is expired first, as the expiry job would have, whether or not it got there yet. Saved on its own,
        before the close's save, so the ledger shows the close's first movement after its pricing
        (docs/simulation.md)."""
        expired = [
            w for w in wallets if w.expire(now, f"expiry:{now.isoformat()}", kept=awaiting_close(w.grants, open_cycle))
        ]
        if expired:
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
        prices: list[UsagePrice],
        c: Cycle,
        lines: list[Line],
        invoice: uuid.UUID,
        open_cycle: Callable[[uuid.UUID], Cycle | None],
    ) -> None:
        """Debit what the cycle used, expire what ended with it (but no grant still paying for another cycle
        not closed yet: the wallet is the customer's, shared by its subscriptions), grant the next cycle's
        credits."""
        reference = cycle_reference(subscription.id, c)
        for line in lines:
            wallet.debit(line.credits_used, reference, line.meter_id, "usage", f"invoice:{invoice}")
        wallet.expire(c.end, reference, kept=awaiting_close(wallet.grants, open_cycle))
        following = subscription.cycle(c.index + 1)
        if following is not None:
            for g in cycle_grants(subscription.id, prices, following):
                wallet.grant(g.grant_id, g.amount, "cycle", g.expires_at, g.reference)

    def _settle_entitlements(
        self,
        balances: dict[str, CreditWallet],
        terms: dict[str, EntitlementTerms],
        subscription: Subscription,
        product: Product,
        c: Cycle,
        lines: list[Line],
        invoice: uuid.UUID,
        open_cycle: Callable[[uuid.UUID], Cycle | None],
    ) -> None:
        """Each entitlement's balance: debits, overage by behaviour, rollover (domain/credit_settlement.py),
        then the next cycle's grants."""
        following = subscription.cycle(c.index + 1)
        closing = Closing(
            cycle_reference(subscription.id, c),
            c.end,
            str(invoice),
            product.currency,
            cycle_reference(subscription.id, following) if following else None,
            following.end if following else None,
        )
        for e, wallet in balances.items():
            settle(wallet, terms[e], product.prices(), lines, closing, awaiting_close(wallet.grants, open_cycle))
        if following is not None:
            for e, g in entitlement_grants(subscription.id, product.attachments, terms, following):
                grant(balances[e], terms[e], g.grant_id, g.amount, g.expires_at, g.reference)
