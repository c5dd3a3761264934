"""Alerts: their commands, and the job that records an AlertTrigger when one is crossed.

The job runs beside the billing jobs (projections/engine/jobs.py). Each round it looks only at customers
whose usage or wallet moved since the round before (and, once, at every customer of an alert it has not
seen), prices their open cycles with the same UpcomingInvoices the API answers, and records a trigger
per (alert, customer, period) whose id the store keeps unique: an alert fires once per cycle however many
rounds, workers or restarts see it crossed (docs/webhooks.md)."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable
from decimal import Decimal

from eventsourcing.persistence import IntegrityError

from application.billing_jobs import throttled
from application.ports import AlertRule, ReadSide
from application.upcoming import Upcoming, UpcomingInvoices
from application.written import Written
from domain.alert import Alert, crossed
from domain.alert_trigger import AlertTrigger, trigger_id
from domain.customer import Customer, customer_id
from domain.errors import NotFound
from domain.low_balance import LowBalance, falls_low, low_balance_id
from domain.meter import Meter
from domain.product import Product
from store.event_store import EventStore

log = logging.getLogger("tally.alerts")

# Crossings are looked for at most this often: "within seconds" of the event that crossed.
ALERT_INTERVAL_S = 0.5


class Alerts:
    def __init__(self, store: EventStore, read_side: ReadSide, upcoming: UpcomingInvoices) -> None:
        self.store = store
        self.read_side = read_side
        self.upcoming = upcoming

    def create_alert(
        self, business: uuid.UUID, customer: str | None, meter_id: str | None, threshold: Decimal, kind: str
    ) -> Written[uuid.UUID]:
        alert = Alert.define(business, customer, meter_id, threshold, kind)
        if customer is not None:
            self.store.owned(business, Customer, "customer", customer_id(business, customer))
        if meter_id is not None:
            try:
                meter = uuid.UUID(meter_id)
            except ValueError:
                raise NotFound("meter", meter_id) from None
            self.store.owned(business, Meter, "meter", meter)
        return Written.by(alert.id, self.store.save(alert))

    def get_alert(self, business: uuid.UUID, alert_id: uuid.UUID) -> Alert:
        alert = self.store.owned(business, Alert, "alert", alert_id)
        if alert.deleted:
            raise NotFound("alert", alert_id)
        return alert

    def delete_alert(self, business: uuid.UUID, alert_id: uuid.UUID) -> Written[uuid.UUID]:
        alert = self.get_alert(business, alert_id)
        alert.delete()
        return Written.by(alert.id, self.store.save(alert))

    def check(self, rule: AlertRule, customer: str) -> int:
        """Records the rule's crossings for the customer; answers how many were new."""
        if rule.kind == "credits":
            balance, grants = self.read_side.wallet_standing(rule.business_id, customer)
            if grants and crossed(rule.kind, rule.threshold, balance):
                return self._trigger(rule, customer, balance, f"grants:{grants}", None)
            return 0
        recorded = 0
        for upcoming in self.upcoming.upcoming(rule.business_id, customer):
            # A late line's quantity is an earlier cycle's, re-rated (docs/billing.md): not this cycle's usage.
            lines = [line for line in upcoming.rated.lines if line.meter_id == rule.meter_id and not line.late]
            if rule.kind == "usage" and not lines:
                continue
            value = sum((line.quantity for line in lines), Decimal(0)) if rule.kind == "usage" else upcoming.rated.total
            if crossed(rule.kind, rule.threshold, value):
                recorded += self._trigger(
                    rule, customer, value, f"{upcoming.subscription_id}:{upcoming.cycle.start.isoformat()}", upcoming
                )
        return recorded

    def check_low_balances(self, business: uuid.UUID, customer: str) -> int:
        """Records each entitlement balance of the customer's open cycles that the usage so far has taken below
        its `low_balance_threshold_percent` of the cycle's grant, once per cycle; answers how many were new."""
        recorded = 0
        for upcoming in self.upcoming.upcoming(business, customer):
            product: Product = self.store.repository.get(upcoming.product_id)
            for a in product.attachments:
                pool = upcoming.rated.pools.get(a.credit_entitlement_id)
                percent = pool.terms.low_balance_threshold_percent if pool else None
                if pool is None or percent is None or not falls_low(pool.balance, a.credits_amount, percent):
                    continue
                key = (a.credit_entitlement_id, customer, upcoming.subscription_id, upcoming.cycle.start)
                if self.store.existing_ids([low_balance_id(*key)]):
                    continue
                low = LowBalance(
                    business_id=business,
                    customer_id=customer,
                    entitlement_id=a.credit_entitlement_id,
                    entitlement_name=pool.terms.name,
                    subscription_id=upcoming.subscription_id,
                    cycle_start=upcoming.cycle.start,
                    balance=pool.balance,
                    granted=a.credits_amount,
                    percent=percent,
                )
                try:
                    self.store.save(low)
                except IntegrityError:
                    continue  # another round recorded the same crossing first
                recorded += 1
        return recorded

    def _trigger(self, rule: AlertRule, customer: str, value: Decimal, period: str, upcoming: Upcoming | None) -> int:
        if self.store.existing_ids([trigger_id(rule.id, customer, period)]):
            return 0
        trigger = AlertTrigger(
            business_id=rule.business_id,
            alert_id=rule.id,
            kind=rule.kind,
            customer_id=customer,
            meter_id=rule.meter_id,
            threshold=rule.threshold,
            value=value,
            period=period,
            subscription_id=upcoming.subscription_id if upcoming else None,
            cycle_start=upcoming.cycle.start if upcoming else None,
            cycle_end=upcoming.cycle.end if upcoming else None,
        )
        try:
            self.store.save(trigger)
        except IntegrityError:
            return 0  # another round recorded the same crossing first
        return 1

    def alert_job(self, interval: float = ALERT_INTERVAL_S) -> Callable[[], bool]:
        seen: set[uuid.UUID] = set()
        since: tuple[int, int] | None = None

        def job() -> bool:
            nonlocal since
            rules = self.read_side.alert_rules()
            now = self.read_side.alert_positions()
            usage_moved, wallets_moved = (
                self.read_side.moved_customers(since, now) if since is not None else (set(), set())
            )
            since = now
            checks: set[tuple[uuid.UUID, str]] = set()
            by_id = {rule.id: rule for rule in rules}
            for rule in rules:
                if rule.id not in seen:
                    everyone: Iterable[str] = (
                        [rule.customer_id] if rule.customer_id else self.read_side.customers_of(rule.business_id)
                    )
                    checks.update((rule.id, c) for c in everyone)
                    continue
                moved = wallets_moved if rule.kind == "credits" else usage_moved
                checks.update(
                    (rule.id, c)
                    for business, c in moved
                    if business == rule.business_id and rule.customer_id in (None, c)
                )
            seen.clear()
            seen.update(by_id)
            recorded = self._low_balances(usage_moved | wallets_moved)
            for rule_id, customer in sorted(checks, key=str):
                try:
                    recorded += self.check(by_id[rule_id], customer)
                except Exception:  # one customer's failure must not keep the others' alerts from firing
                    log.exception("checking alert %s for %s failed", rule_id, customer)
            return recorded > 0

        return throttled(job, interval)

    def _low_balances(self, moved: set[tuple[uuid.UUID, str]]) -> int:
        """Only businesses with a low-balance threshold somewhere price their moved customers for it."""
        watched = self.read_side.low_balance_businesses() if moved else set()
        recorded = 0
        for business, customer in sorted(moved, key=str):
            if business not in watched:
                continue
            try:
                recorded += self.check_low_balances(business, customer)
            except Exception:  # one customer's failure must not keep the others' webhooks from firing
                log.exception("checking low balances of %s failed", customer)
        return recorded
