"""Re-deriving an issued invoice from the event store alone.

Every input is replayed from the log, never read from a projection: the usage
events of the cycle (up to the position the close priced at), the meter
definitions, the product as it stood when the cycle closed, and the wallet as
it stood just before. The same rating function the close used prices them;
each line shows its work and whether it matches what was issued.

Finding the customer's usage events is the one step that asks the read side: which positions hold them
(the `usage_events` index by business and customer), so one explain costs the customer's events, not a
scan of the whole log. The events themselves are read from the log by position and checked to be the
business's and the customer's. When the usage read model cannot vouch for them (behind, or the business
parked) the log is scanned as before; `tally audit verify` always scans (docs/audit.md).
"""
from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from psycopg import sql

from application.ports import ReadSide
from domain.credit_wallet import CreditWallet, wallet_id
from domain.customer import customer_id
from domain.cycles import LateWindow
from domain.entitlements import cycle_reference
from domain.invoice import Invoice
from domain.meter import Meter
from domain.product import Product
from domain.rating import Usage, rate
from domain.subscription import Subscription
from domain.usage_event import UsageEvent
from store.event_store import EventStore
from store.evidence import recorded_usage
from store.log import read_notifications

ZERO = Decimal(0)
COMPARED = ("meter_id", "quantity", "free", "credits_used", "billable", "unit_price", "amount", "late")

# (business, customer, after, upto) -> (position, UsageEvent.Recorded) in log order
Evidence = Callable[[uuid.UUID, str, int, int], Iterable[tuple[int, Any]]]


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
    price: Decimal
    lines: list[LineWork]
    total: Decimal
    issued_total: Decimal
    matches: bool


class InvoiceExplainer:
    def __init__(self, store: EventStore, read_side: ReadSide) -> None:
        self.store = store
        self.read_side = read_side
        self.repository = store.repository
        self.datastore = store.datastore
        self.events_table = store.events_table
        self.owned = store.owned

    def _located_usage(self, business: uuid.UUID, customer: str, after: int, upto: int) -> Iterable[tuple[int, Any]]:
        positions = self.read_side.usage_positions(business, customer, upto)
        if positions is None:
            return recorded_usage(self.store, business, customer, after, upto)
        with self.datastore.transaction(commit=False) as cur:
            notifications = read_notifications(cur, self.events_table, [p for p in positions if p > after])
        found = [(n.id, self.store.mapper.to_domain_event(n)) for n in notifications]
        if len(found) != len([p for p in positions if p > after]) or any(
                not isinstance(e, UsageEvent.Recorded) or e.business_id != business or e.customer_id != customer
                for _, e in found):
            # The read model does not agree with the log: the log decides.
            return recorded_usage(self.store, business, customer, after, upto)
        return found

    def explain_invoice(self, business: uuid.UUID | None, invoice: uuid.UUID,
                        evidence: Evidence | None = None) -> Explanation:
        issued: Invoice = self.owned(business, Invoice, "invoice", invoice) if business else \
            self.repository.get(invoice)
        subscription: Subscription = self.repository.get(issued.subscription_id)
        k = subscription.invoice_ids.index(issued.id)
        upto = subscription.usage_positions[k]
        after = subscription.usage_positions[k - 1] if k else 0
        closing = next(e for e in self.repository.event_store.get(subscription.id)
                       if isinstance(e, Subscription.CycleClosed) and e.index == k)
        closed_at = self._positions(subscription.id)[closing.originator_version]
        product: Product = self.repository.get(issued.product_id, version=self._version_before(issued.product_id,
                                                                                               closed_at))
        wallet = self._wallet_before(issued, subscription, k, closed_at)
        find = evidence or self._located_usage
        events = [(p, e.occurred_at, e.event_name, e.metadata)
                  for p, e in find(issued.business_id, issued.customer_id, 0, upto)]
        late = LateWindow(after, upto, subscription.anchor, issued.cycle_start)
        usages, counted = [], []
        for price in product.prices():
            meter: Meter = self.repository.get(uuid.UUID(price.meter_id))
            n, quantity = meter.rule.measure(e for e in events if issued.cycle_start <= e[1] < issued.cycle_end)
            usages.append(Usage(price, meter.name, quantity or ZERO))
            counted.append(n)
            if not late.empty:
                n, quantity = meter.rule.measure(e for e in events if late.holds(e[0], e[1]))
                if quantity:
                    usages.append(Usage(price, meter.name, quantity, late=True))
                    counted.append(n)
        balance = wallet.balance if wallet else ZERO
        rated = rate(usages, product.price, product.currency, balance)
        lines = []
        for i, (line, n) in enumerate(zip(rated.lines, counted)):
            issued_line = issued.lines[i] if i < len(issued.lines) else None
            same = issued_line is not None and all(getattr(issued_line, f) == getattr(line, f) for f in COMPARED)
            lines.append(LineWork(line.meter_id, line.meter_name, line.late, n, line.quantity, line.free,
                                  line.credits_used, line.billable, line.unit_price, line.billable * line.unit_price,
                                  line.amount, issued_line.amount if issued_line else None, same))
        matches = (len(rated.lines) == len(issued.lines) and all(w.matches for w in lines)
                   and rated.total == issued.total and rated.price == issued.price)
        return Explanation(issued.id, issued.customer_id, issued.cycle_start, issued.cycle_end, issued.currency,
                           upto, after, product.version, balance, rated.price, lines, rated.total, issued.total,
                           matches)

    def _positions(self, aggregate: uuid.UUID) -> dict[int, int]:
        query = sql.SQL("SELECT originator_version, notification_id FROM {} WHERE originator_id = %s").format(
            self.events_table)
        with self.datastore.transaction(commit=False) as cur:
            cur.execute(query, (aggregate,))
            return {r["originator_version"]: r["notification_id"] for r in cur.fetchall()}

    def _version_before(self, aggregate: uuid.UUID, position: int) -> int:
        return max(v for v, p in self._positions(aggregate).items() if p < position)

    def _wallet_before(self, issued: Invoice, subscription: Subscription, k: int,
                       closed_at: int) -> CreditWallet | None:
        """The wallet as cycle k was rated: everything recorded before its close, plus what the settlement
        of earlier cycles closed in the same transaction did (their debits and expiries, and the grants
        they made for the cycles up to k)."""
        wid = wallet_id(customer_id(issued.business_id, issued.customer_id))
        positions = self._positions(wid)
        if not positions:
            return None
        settled = {cycle_reference(subscription.id, c) for j in range(k) if (c := subscription.cycle(j))}
        granted = settled | {cycle_reference(subscription.id, c) for c in [subscription.cycle(k)] if c}
        version = 0
        for e in self.repository.event_store.get(wid):
            before = positions[e.originator_version] < closed_at
            reference = getattr(e, "cycle", None) or getattr(e, "reference", "")
            earlier = reference in (granted if isinstance(e, CreditWallet.CreditsGranted) else settled)
            if not (before or earlier):
                break
            version = e.originator_version
        return self.repository.get(wid, version=version) if version else None

