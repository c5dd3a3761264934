"""Sends webhook deliveries: a loop of its own beside the projection worker, so sending never holds the
read models back, with a pool of sending threads and at most PER_ENDPOINT sends in flight to any one
endpoint, so one slow endpoint never delays another. An endpoint's `rate_limit` caps the sends started
to it in any second.

Each delivery is signed with the `standardwebhooks` library (the headers Dodo's SDK verifies), sent to
an address resolved and checked once (interfaces/webhook_http.py) with a 10 s timeout and no redirects,
and retried on any failure (whatever raised) or a non-2xx answer after the delays of TALLY_WEBHOOK_RETRY_S;
past the last delay it is failed. Claims are leases (projections/webhooks/outbox.py): a sender killed
mid-send loses nothing, the delivery is sent again with the same webhook-id."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from typing import Any

import psycopg
from psycopg import sql
from standardwebhooks import Webhook

from domain.webhook_target import parse_target
from interfaces import webhook_http
from interfaces.observability import metrics
from interfaces.webhook_http import Failed, Resolver, system_resolver
from projections.webhooks import outbox as webhook_outbox
from projections.webhooks.outbox import Claimed

log = logging.getLogger("tally.webhooks")

RETRY_ENV = "TALLY_WEBHOOK_RETRY_S"
DEFAULT_RETRY_S = (5, 300, 1800, 7200, 18000, 36000)
TIMEOUT_S = 10.0
# A claim outlives the longest send, so a live sender's delivery is never taken by another.
LEASE = timedelta(seconds=TIMEOUT_S + 5)
THREADS = 16
PER_ENDPOINT = 4
# Idle, the sender sleeps until the next retry comes due, a NOTIFY says a delivery came due now, or a
# send finished; at most this long, so a lost notification (a dropped listener) costs a second, not a send.
IDLE_WAIT_S = 1.0
MIN_WAIT_S = 0.02


def retry_delays(env: dict[str, str] | os._Environ[str] = os.environ) -> list[timedelta]:
    text = env.get(RETRY_ENV, "").strip()
    if not text:
        return [timedelta(seconds=s) for s in DEFAULT_RETRY_S]
    try:
        delays = [float(part) for part in text.split(",")]
    except ValueError:
        raise SystemExit(f"{RETRY_ENV} must be comma-separated seconds, e.g. 5,300,1800") from None
    if any(d < 0 for d in delays):
        raise SystemExit(f"{RETRY_ENV} must not hold negative delays")
    return [timedelta(seconds=d) for d in delays]


def outcome(code: int | None, retry_in: timedelta | None) -> str:
    """An attempt as the metrics count it (tally_webhook_deliveries_total{outcome})."""
    if code is not None and 200 <= code < 300:
        return "delivered"
    return "retrying" if retry_in is not None else "failed"


class Sender:
    def __init__(
        self,
        datastore: Any,
        schema: str,
        stopping: threading.Event,
        delays: list[timedelta],
        allow_private: bool,
        threads: int = THREADS,
        per_endpoint: int = PER_ENDPOINT,
        resolve: Resolver = system_resolver,
    ) -> None:
        self.datastore = datastore
        self.schema = schema
        self.stopping = stopping
        self.delays = delays
        self.allow_private = allow_private
        self.threads = threads
        self.per_endpoint = per_endpoint
        self.resolve = resolve
        self.lock = threading.Lock()
        self.in_flight: dict[Any, int] = {}
        # Per rate-limited endpoint: its limit, and when its sends of the last second started.
        self.rates: dict[Any, int] = {}
        self.started: dict[Any, deque[float]] = {}
        self.wake = threading.Event()

    def run(self) -> None:
        threading.Thread(target=self.listen, name="webhooks-listen", daemon=True).start()
        with ThreadPoolExecutor(self.threads, thread_name_prefix="webhook") as pool:
            while not self.stopping.is_set():
                try:
                    claimed = self.claim()
                    idle = None if claimed else self.idle_wait()
                except Exception:
                    log.exception("claiming webhook deliveries failed; retrying")
                    self.stopping.wait(1.0)
                    continue
                for delivery in claimed:
                    pool.submit(self.deliver, delivery)
                if idle is not None:
                    self.wake.wait(idle)
                    self.wake.clear()

    def idle_wait(self) -> float:
        """How long nothing can come due unannounced: until the next pending delivery's time, at most
        IDLE_WAIT_S (a delivery held back by a busy or rate-limited endpoint is due, but waits for a send
        to finish, which wakes the sender too)."""
        with self.datastore.transaction(commit=False) as cur:
            due = webhook_outbox.next_due_s(cur, self.schema)
        return min(IDLE_WAIT_S, max(MIN_WAIT_S, IDLE_WAIT_S if due is None else due))

    def listen(self) -> None:
        """Wakes the sender on each NOTIFY of a delivery come due (webhook_outbox.CHANNEL), on a
        connection of its own; reconnects after a failure, and meanwhile the sender polls each second."""
        pool = self.datastore.pool
        while not self.stopping.is_set():
            try:
                with psycopg.connect(pool.conninfo, **{**pool.kwargs, "autocommit": True}) as conn:
                    conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(webhook_outbox.CHANNEL)))
                    self.wake.set()  # anything announced before LISTEN took effect
                    while not self.stopping.is_set():
                        for _ in conn.notifies(timeout=IDLE_WAIT_S, stop_after=1):
                            self.wake.set()
            except psycopg.Error:
                log.warning(
                    "listening for due webhook deliveries failed; polling each %.0f s meanwhile",
                    IDLE_WAIT_S,
                    exc_info=True,
                )
                self.stopping.wait(IDLE_WAIT_S)

    def claim(self) -> list[Claimed]:
        with self.lock:
            free = self.threads - sum(self.in_flight.values())
            busy = [e for e, n in self.in_flight.items() if n >= self.per_endpoint] + self.rate_limited()
        if free <= 0:
            return []
        with self.datastore.transaction(commit=True) as cur:
            claimed = webhook_outbox.claim(cur, self.schema, free, self.per_endpoint, busy, LEASE)
        now = time.monotonic()
        with self.lock:
            for delivery in claimed:
                self.in_flight[delivery.endpoint_id] = self.in_flight.get(delivery.endpoint_id, 0) + 1
                if delivery.rate_limit is not None:
                    self.rates[delivery.endpoint_id] = delivery.rate_limit
                    self.started.setdefault(delivery.endpoint_id, deque()).append(now)
        return claimed

    def rate_limited(self) -> list[Any]:
        """Endpoints whose next claim could start more sends within a second than their rate_limit allows."""
        second_ago = time.monotonic() - 1.0
        limited = []
        for endpoint, starts in list(self.started.items()):
            while starts and starts[0] <= second_ago:
                starts.popleft()
            if not starts:
                del self.started[endpoint]
                continue
            rate = self.rates[endpoint]
            if len(starts) + min(self.per_endpoint, rate) > rate:
                limited.append(endpoint)
        return limited

    def deliver(self, delivery: Claimed) -> None:
        try:
            code, error = self.attempt(delivery)
            retry_in = self.delays[delivery.attempt - 1] if delivery.attempt <= len(self.delays) else None
            with self.datastore.transaction(commit=True) as cur:
                webhook_outbox.record(cur, self.schema, delivery.delivery_id, delivery.attempt, code, error, retry_in)
            metrics.instruments().delivery(outcome(code, retry_in))
        except Exception:  # the lease runs out and the delivery is sent again
            log.exception("recording webhook delivery %s failed", delivery.delivery_id)
        finally:
            with self.lock:
                self.in_flight[delivery.endpoint_id] -= 1
                if not self.in_flight[delivery.endpoint_id]:
                    del self.in_flight[delivery.endpoint_id]
            self.wake.set()

    def attempt(self, delivery: Claimed) -> tuple[int | None, str | None]:
        """The answer's code and error class; whatever goes wrong is a failed attempt like any other, so
        the retry schedule bounds it. The detail goes to the log only."""
        try:
            code = self.send(delivery)
        except Failed as failed:
            log.info(
                "webhook delivery %s, attempt %d: %s (%r)",
                delivery.delivery_id,
                delivery.attempt,
                failed.reason,
                failed.__cause__,
            )
            return None, failed.reason
        except Exception:
            log.warning("webhook delivery %s, attempt %d failed", delivery.delivery_id, delivery.attempt, exc_info=True)
            return None, webhook_http.SEND_FAILED
        return code, None if 200 <= code < 300 else webhook_http.HTTP_STATUS

    def send(self, delivery: Claimed) -> int:
        try:
            target = parse_target(delivery.url)  # an endpoint stored before the URL rule may not pass it
        except ValueError as refused:
            raise Failed(webhook_http.INVALID_TARGET) from refused
        now = datetime.now(timezone.utc)
        webhook_id = str(delivery.delivery_id)
        headers = {
            **delivery.headers,
            "content-type": "application/json",
            "user-agent": "tally-webhooks",
            "webhook-id": webhook_id,
            "webhook-timestamp": str(int(now.timestamp())),
            "webhook-signature": Webhook(delivery.secret).sign(webhook_id, now, delivery.payload),
        }
        return webhook_http.post(
            target, delivery.payload.encode(), headers, self.resolve, self.allow_private, TIMEOUT_S
        )

    def start(self) -> threading.Thread:
        thread = threading.Thread(target=self.run, name="webhooks", daemon=True)
        thread.start()
        return thread
