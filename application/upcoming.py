"""The upcoming invoice: each open cycle priced now, from the `charges`
projection, the meters' usage and the wallet balance, with the same rating
function a cycle close uses. An open cycle that has already ended is a draft
invoice: it shows under the id its invoice will be issued with, with live
amounts, until its close (docs/invoices.md)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from application.bill_inputs import BillInputs
from application.entitlements import Entitlements
from application.late_usage import late_lines_of
from application.ports import ReadSide
from application.threshold_bills import invoiced_so_far
from domain.adjustments import adjusted
from domain.credit_rules import Pool
from domain.customer import Customer, customer_id
from domain.cycles import Cycle
from domain.errors import NotFound
from domain.invoice import invoice_id
from domain.late_usage import with_late
from domain.meter import Meter
from domain.product import Product, prices_of
from domain.proration import SegmentUsage, rate_bill
from domain.rating import Rated
from domain.subscription import Subscription
from domain.usage_threshold import less_invoiced
from store.event_store import EventStore


@dataclass(frozen=True)
class Upcoming:
    subscription_id: uuid.UUID
    product_id: uuid.UUID
    cycle: Cycle
    rated: Rated  # less what the bill's threshold invoices billed (an "already invoiced" line)
    position: int
    gross: Decimal = Decimal(0)  # the bill's amount so far, before threshold invoices
    invoiced: Decimal = Decimal(0)  # what its threshold invoices billed
    parts: tuple[SegmentUsage, ...] = ()  # the bill's plan segments with their usage, as rated


@dataclass(frozen=True)
class Draft:
    customer_id: str
    upcoming: Upcoming

    @property
    def id(self) -> uuid.UUID:
        return invoice_id(self.upcoming.subscription_id, self.upcoming.cycle.start)


class UpcomingInvoices:
    def __init__(self, store: EventStore, read_side: ReadSide, entitlements: Entitlements) -> None:
        self.repository = store.repository
        self.owned = store.owned
        self.existing_ids = store.existing_ids
        self.read_side = read_side
        self.entitlements = entitlements

    def upcoming(self, business: uuid.UUID, external_id: str) -> list[Upcoming]:
        self.owned(business, Customer, "customer", customer_id(business, external_id))
        meters: dict[str, Meter] = {}
        addons = BillInputs(self.repository)  # the add-ons as stored now, as a close prices them
        answers = []
        with self.read_side.snapshot() as view:
            position = view.usage_position()
            balance = view.balance_of(business, external_id)
            pools: dict[str, Pool] = {}
            for charge in view.open_charges(business, external_id):
                for product_id in dict.fromkeys([s.segment.plan.product_id for s in charge.segments]):
                    for e, terms in self.entitlements.terms_for(self.repository.get(product_id)).items():
                        held = pools.get(e) or Pool(terms, *view.entitlement_balance_of(business, external_id, e))
                        pools[e] = Pool(terms, held.balance, held.overage)
                subscription: Subscription = self.repository.get(charge.subscription_id)
                k = charge.cycle.index
                parts = []
                for charged in charge.segments:
                    product: Product = self.repository.get(charged.segment.plan.product_id)
                    prices = (
                        subscription.prices_for(product, k)
                        if subscription.priced_apart(product, k)
                        else prices_of(charged.usage_prices)
                    )
                    for price in prices:
                        if price.meter_id not in meters:
                            meters[price.meter_id] = self.repository.get(uuid.UUID(price.meter_id))
                    segment = charged.segment
                    usages = view.measure(
                        external_id, prices, meters, Cycle(charge.cycle.index, segment.start, segment.end)
                    )
                    parts.append(SegmentUsage(segment, charged.price, usages, addons.addon_prices(segment.plan)))
                late = late_lines_of(
                    view, self.repository, subscription, charge.cycle.start, charge.late_after, position
                )
                rated = with_late(rate_bill(parts, charge.currency, balance, pools), late)
                if parts:
                    product = self.repository.get(parts[-1].segment.plan.product_id)
                    discount = subscription.discount_for(k, product.id)
                    rated = adjusted(rated, charge.currency, discount, product.minimum_amount, str(product.id))
                balance = rated.balance
                pools.update(rated.pools)
                invoiced, numbers = invoiced_so_far(self.repository, subscription, charge.cycle.start)
                less, _ = less_invoiced(rated, invoiced, numbers)
                answers.append(
                    Upcoming(
                        charge.subscription_id,
                        charge.product_id,
                        charge.cycle,
                        less,
                        position,
                        rated.total,
                        invoiced,
                        tuple(parts),
                    )
                )
        return answers

    def drafts(
        self,
        business: uuid.UUID,
        now: datetime,
        customer_id: str | None = None,
        offset: int = 0,
        limit: int | None = None,
    ) -> tuple[list[Draft], int]:
        """The cycles of the business (or of one customer) that ended by `now` and are not closed yet, latest
        end first: `limit` of them from `offset`, priced as `upcoming` prices them, and how many there are.
        Only the page is priced: when many cycles end together (daily plans at midnight) a list stays cheap."""
        ended = self.read_side.ended_cycles(business, now, customer_id)
        # The `charges` read model may not have taken in a close yet: a cycle whose invoice is stored is issued.
        issued = self.existing_ids([invoice_id(e.subscription_id, e.cycle.start) for e in ended])
        ended = [e for e in ended if invoice_id(e.subscription_id, e.cycle.start) not in issued]
        page = ended[offset : None if limit is None else offset + limit]
        priced: dict[uuid.UUID, Draft] = {}
        for customer in dict.fromkeys(e.customer_id for e in page):
            for u in self.upcoming(business, customer):
                if u.cycle.end <= now:
                    priced[u.subscription_id] = Draft(customer, u)
        return [priced[e.subscription_id] for e in page if e.subscription_id in priced], len(ended)

    def draft(self, business: uuid.UUID, invoice: uuid.UUID, now: datetime) -> Draft:
        customer = next(
            (
                e.customer_id
                for e in self.read_side.ended_cycles(business, now)
                if invoice_id(e.subscription_id, e.cycle.start) == invoice
            ),
            None,
        )
        found = (
            next((d for d in self.drafts(business, now, customer)[0] if d.id == invoice), None) if customer else None
        )
        if found is None:
            raise NotFound("invoice", invoice)
        return found
