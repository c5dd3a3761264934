"""Limits reached, recorded once a cycle (docs/access.md): the job beside the alert job looks at customers whose
usage moved since its last round and records a LimitReached for each limit their cycle's usage has reached;
its id derives from (subscription, cycle, meter, kind), so rounds, workers and restarts record it once. The
`webhooks` projection sends it as usage.limit_reached or credit.balance_exhausted."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal

from eventsourcing.persistence import IntegrityError

from application.access import Access, Active
from application.billing_jobs import throttled
from application.ports import ReadSide
from domain.access import Standing
from domain.limit_reached import LimitReached, limit_reached_id
from domain.rating import UsagePrice
from store.event_store import EventStore

log = logging.getLogger("tally.limits")

# Limits reached are looked for at most this often, among customers whose usage moved.
LIMIT_INTERVAL_S = 0.5


class LimitWatch:
    def __init__(self, store: EventStore, read_side: ReadSide, access: Access) -> None:
        self.store = store
        self.read_side = read_side
        self.access = access

    def record_reached(self, business: uuid.UUID, external_id: str, now: datetime) -> int:
        """Records each limit the customer's usage has reached in its cycle of now, once; how many were new."""
        recorded = 0
        for a in self.access.active(business, external_id, now):
            for _, limit, (used, _) in self.access.limited_prices(business, external_id, a):
                for kind, s in limit.standings(used, Decimal(0)):
                    if s.reached:
                        recorded += self._reached(business, external_id, a, limit.price, kind, s)
        return recorded

    def limit_job(self, clock: Callable[[], datetime], interval: float = LIMIT_INTERVAL_S) -> Callable[[], bool]:
        since: tuple[int, int] | None = None

        def job() -> bool:
            nonlocal since
            watched = self.read_side.limit_businesses()
            now_at = self.read_side.alert_positions()
            # Without a business that limits anything, nobody's movements are read (they would be for nothing).
            moved = self.read_side.moved_customers(since, now_at)[0] if since is not None and watched else set()
            since = now_at
            recorded = 0
            for business, customer in sorted((b, c) for b, c in moved if b in watched):
                try:
                    recorded += self.record_reached(business, customer, clock())
                except Exception:  # one customer's failure must not keep the others' webhooks from firing
                    log.exception("checking the limits of %s failed", customer)
            return recorded > 0

        return throttled(job, interval)

    def _reached(
        self, business: uuid.UUID, external_id: str, a: Active, price: UsagePrice, kind: str, s: Standing
    ) -> int:
        if self.store.existing_ids([limit_reached_id(a.subscription.id, a.cycle.start, price.meter_id, kind)]):
            return 0
        assert s.limit is not None and s.used is not None
        usage = kind == "usage_limit"
        reached = LimitReached(
            business_id=business,
            customer_id=external_id,
            subscription_id=a.subscription.id,
            meter_id=price.meter_id,
            kind=kind,
            behavior=(price.limit_behavior or "block") if usage else "block",
            limit=s.limit,
            used=s.used,
            cycle_start=a.cycle.start,
            cycle_end=a.cycle.end,
            credit_entitlement_id=None if usage else price.credit_entitlement_id,
        )
        try:
            self.store.save(reached)
        except IntegrityError:
            return 0  # another round recorded the same crossing first
        return 1
