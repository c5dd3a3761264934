"""What the worker does on its own: close cycles once `cycle_end + grace` has
passed, and expire credits at a grant's `expires_at` (a cycle's grants at
`expires_at + grace`, so they still pay for their cycle when it closes late)."""
from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

from application.billing import Billing
from application.credits import Credits
from application.ports import ReadSide

log = logging.getLogger("tally.billing")

DEFAULT_GRACE = timedelta(hours=1)
BATCH = 100
IDLE_INTERVAL_S = 5.0


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

    def due(self, now: datetime, grace: timedelta, limit: int = BATCH,
            after: uuid.UUID | None = None) -> list[tuple[uuid.UUID, uuid.UUID]]:
        return self.read_side.due_subscriptions(now - grace, limit, after)

    def close_due(self, now: datetime, grace: timedelta, wait: bool,
                  progress: Callable[[int, int], None] | None = None) -> int:
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

    def closing_job(self, clock: Callable[[], datetime], grace: timedelta = DEFAULT_GRACE) -> Callable[[], bool]:
        """For the worker, which runs jobs only when caught up: it closes without waiting,
        but never while a meter back-fill is pending (its counts would be short)."""
        def job() -> bool:
            if self.read_side.backfills_pending():
                return False
            return self.close_due(clock(), grace, wait=False) > 0
        return throttled(job)

    def expiry_job(self, clock: Callable[[], datetime], grace: timedelta = DEFAULT_GRACE) -> Callable[[], bool]:
        def job() -> bool:
            now = clock()
            wallets = self.read_side.wallets_expiring(now, grace, BATCH)
            return self.expire_credits(wallets, now, grace) > 0 if wallets else False
        return throttled(job)
