"""Threshold invoices (progressive billing, domain/usage_threshold.py): the job that issues them.

It runs beside the billing jobs (interfaces/cli/worker.py). Each round it looks only at customers whose usage
or wallet moved since the round before (every customer of a business with thresholds on its first round), in
businesses with a product that sets `usage_thresholds`, prices their open cycles as the upcoming invoice does
and issues a threshold invoice where one is crossed. The invoice is saved with the subscription that records
it, in one transaction, after the subscription was re-read and found to have billed exactly what the pricing
subtracted: a crossing seen by two rounds, two workers or a worker killed and restarted is billed once."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import datetime

from eventsourcing.persistence import IntegrityError

from application.billing import Billing
from application.billing_jobs import throttled
from application.ports import ReadSide
from application.threshold_bills import invoiced_so_far
from application.upcoming import Upcoming, UpcomingInvoices
from domain.product import Product
from domain.subscription import Subscription
from domain.usage_threshold import crossed
from store.event_store import EventStore

log = logging.getLogger("tally.thresholds")

THRESHOLD_INTERVAL_S = 0.5


class Stale(Exception):
    """The subscription moved on between pricing and saving: the customer is priced again next round."""


class ThresholdInvoices:
    def __init__(self, store: EventStore, read_side: ReadSide, upcoming: UpcomingInvoices, billing: Billing) -> None:
        self.store = store
        self.read_side = read_side
        self.upcoming = upcoming
        self.billing = billing

    def check(self, business: uuid.UUID, customer: str, now: datetime) -> list[uuid.UUID]:
        """Issues the threshold invoices the customer's open cycles call for now; answers their ids."""
        issued = []
        for upcoming in self.upcoming.upcoming(business, customer):
            if upcoming.cycle.end <= now:
                continue  # ended: its close bills it
            product: Product = self.store.repository.get(upcoming.product_id)
            if crossed(product.usage_thresholds, upcoming.gross, upcoming.invoiced):
                issued += self._issue(upcoming, now)
        return issued

    def _issue(self, upcoming: Upcoming, now: datetime) -> list[uuid.UUID]:
        subscription: Subscription = self.store.repository.get(upcoming.subscription_id)
        c = subscription.open_cycle
        if c is None or subscription.bill_start(c) != upcoming.cycle.start:
            raise Stale  # the cycle was closed (or a change billed part of it) since it was priced
        if invoiced_so_far(self.store.repository, subscription, upcoming.cycle.start)[0] != upcoming.invoiced:
            raise Stale  # another round billed a threshold since
        issued = self.billing.bill_threshold(subscription, upcoming, now)
        try:
            self.store.save(subscription, *issued.aggregates)
        except IntegrityError:
            raise Stale from None  # another round, a close or an issue in the business saved first
        log.info(
            "threshold invoice %s of %s for subscription %s (%s so far)",
            issued.invoices[0].number,
            issued.invoices[0].total,
            subscription.id,
            upcoming.gross,
        )
        return [i.id for i in issued.invoices]

    def job(self, clock: Callable[[], datetime], interval: float = THRESHOLD_INTERVAL_S) -> Callable[[], bool]:
        since: tuple[int, int] | None = None
        seen: set[uuid.UUID] = set()
        stale: set[tuple[uuid.UUID, str]] = set()

        def run() -> bool:
            nonlocal since
            watched = self.read_side.threshold_businesses()
            now_at = self.read_side.alert_positions()
            # Without a business that sets thresholds, nobody's movements are read (they would be for nothing).
            moved = self.read_side.moved_customers(since, now_at) if since is not None and watched else (set(), set())
            since = now_at
            checks = {(b, c) for b, c in moved[0] | moved[1] | stale if b in watched}
            stale.clear()
            for business in watched - seen:
                checks.update((business, c) for c in self.read_side.customers_of(business))
            seen.clear()
            seen.update(watched)
            issued = 0
            now = clock()
            for business, customer in sorted(checks, key=str):
                try:
                    issued += len(self.check(business, customer, now))
                except Stale:
                    stale.add((business, customer))
                except Exception:  # one customer's failure must not keep the others' thresholds from billing
                    log.exception("checking usage thresholds of %s failed", customer)
            return issued > 0

        return throttled(run, interval)
