"""What the worker does on its own: close cycles once `cycle_end + grace` has
passed, and expire credits at a grant's `expires_at` (a subscription's grants
at `expires_at + grace`, and never while a cycle they pay for is open: the two
jobs may fall behind differently, so the expiry job does not count on the
closing job having come first; application/credits.py).

Each call of a job is one bounded step (docs/supervision.md): the runner
waits for the read models between steps, so a step's size bounds how far
they can fall behind while a backlog is worked off."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

from application.billing import Billing
from application.credits import Credits
from application.ports import ReadSide
from domain.errors import NotReady

log = logging.getLogger("tally.billing")

DEFAULT_GRACE = timedelta(hours=1)
BATCH = 100
IDLE_INTERVAL_S = 5.0
# One closing step closes at most this many cycles, of one subscription or several: one save's worth, which
# the read models take in well within a second, so they stay about that close to the head (docs/supervision.md).
STEP_CYCLES = 100
# A step waits this long for the usage read model (it is normally there: the runner waited for it).
STEP_READY_WAIT_S = 2.0


def throttled(job: Callable[[], bool], interval: float = IDLE_INTERVAL_S) -> Callable[[], bool]:
    """Runs the job again at once while it finds work, else at most every `interval` seconds."""
    next_run = 0.0

    def run() -> bool:
        nonlocal next_run
        if time.monotonic() < next_run:
            return False
        did = job()
        next_run = 0.0 if did else time.monotonic() + interval
        return did

    return run


class BillingJobs:
    def __init__(self, read_side: ReadSide, billing: Billing, credits: Credits) -> None:
        self.read_side = read_side
        self.close_cycles = billing.close_cycles
        self.expire_credits = credits.expire_credits
        self.wait_until_usage_ready = billing.wait_until_usage_ready

    def due(
        self, now: datetime, grace: timedelta, limit: int = BATCH, after: uuid.UUID | None = None
    ) -> list[tuple[uuid.UUID, uuid.UUID]]:
        return self.read_side.due_subscriptions(now - grace, limit, after)

    def close_due(
        self, now: datetime, grace: timedelta, wait: bool, progress: Callable[[int, int], None] | None = None
    ) -> int:
        """Closes every cycle due by now - grace; answers how many invoices were issued.
        `progress(done, total)` counts subscriptions."""
        total = self.read_side.due_count(now - grace)
        if wait and total:
            # Once for the batch: waiting per close would wait for the read models to take in each invoice.
            self.wait_until_usage_ready()
        issued, done, after = 0, 0, None
        while batch := self.due(now, grace, BATCH, after):
            for business, subscription in batch:
                try:
                    issued += len(self.close_cycles(business, subscription, now, wait=False))
                except Exception:  # one broken subscription must not stop the others from being billed
                    log.exception("closing subscription %s failed", subscription)
                done += 1
                if progress:
                    progress(done, max(total, done))
            after = batch[-1][1]
        return issued

    def closing_job(
        self, clock: Callable[[], datetime], grace: timedelta = DEFAULT_GRACE, step_cycles: int = STEP_CYCLES
    ) -> Callable[[], bool]:
        """Each call closes at most `step_cycles` due cycles, taking subscriptions in id order from where the
        last call stopped, so a subscription far behind is closed a slice at a time between the others.
        Like a close command, it first waits for the usage read model to reach the head with no meter
        back-fill pending; if that takes too long the step is skipped, to be tried again."""
        after: uuid.UUID | None = None

        def job() -> bool:
            nonlocal after
            now = clock()
            batch = self.due(now, grace, BATCH, after)
            if not batch and after is not None:
                after = None
                batch = self.due(now, grace, BATCH)
            if not batch:
                return False
            try:
                self.wait_until_usage_ready(STEP_READY_WAIT_S)
            except NotReady:
                return False
            closed = 0
            for business, subscription in batch:
                if closed >= step_cycles:
                    break
                try:
                    closed += len(
                        self.close_cycles(business, subscription, now, wait=False, limit=step_cycles - closed)
                    )
                except Exception:  # one broken subscription must not stop the others from being billed
                    log.exception("closing subscription %s failed", subscription)
                after = subscription
            return closed > 0

        return throttled(job)

    def expiry_job(self, clock: Callable[[], datetime], grace: timedelta = DEFAULT_GRACE) -> Callable[[], bool]:
        def job() -> bool:
            now = clock()
            wallets = self.read_side.wallets_expiring(now, grace, BATCH)
            return self.expire_credits(wallets, now, grace) > 0 if wallets else False

        return throttled(job)
