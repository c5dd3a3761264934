"""Webhook delivery latency: from a fact committed (the command returned) to the receiver holding it,
p50/p99 over N facts, with the real worker and sender on threads and a receiver on 127.0.0.1.

    DATABASE_URL=postgresql://... PYTHONPATH=. .venv/bin/python -m bench.webhook_latency [N]
"""

from __future__ import annotations

import os
import statistics
import sys
import threading
import time
import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import psycopg
from psycopg import sql

from interfaces.bootstrap import open_store
from interfaces.webhook_sender import Sender
from projections.engine.registry import all_projections
from projections.engine.worker import Worker
from store.config import store_env
from tests.webhooks.receiver import receiving


def main(n: int = 1000) -> None:
    url = os.environ["DATABASE_URL"]
    schema = f"latency_{uuid.uuid4().hex[:8]}"
    tally = open_store(store_env(url, schema, pool_size=6), allow_private_webhooks=True)
    stopping = threading.Event()
    worker = Worker(tally.store, all_projections(schema))
    worker.setup()
    threads = [threading.Thread(target=worker.run, daemon=True)]
    sender = Sender(tally.store.datastore, schema, stopping, [timedelta(seconds=1)], allow_private=True)
    try:
        with receiving() as receiver:
            arrived: dict[str, float] = {}
            business = tally.businesses.authenticate(tally.businesses.create_key("latency"))
            tally.customers.create_customer(business, "cus_l", None, None)
            tally.webhooks.create_webhook(business, {"url": receiver.url("/l")})
            threads[0].start()
            threads.append(sender.start())
            committed: list[tuple[int, float]] = []
            for i in range(n):
                done = tally.credits.grant_credits(
                    business, "cus_l", Decimal(1), None, None, f"l{i}", datetime.now(timezone.utc)
                )
                committed.append((done.position, time.time()))
                time.sleep(0.005)  # a steady stream, not one burst: latency, not backlog
            deadline = time.time() + 120
            while len(receiver.requests) < n and time.time() < deadline:
                time.sleep(0.1)
            for r in receiver.requests:
                arrived.setdefault(r.headers["webhook-id"], r.arrived_at)
            with tally.store.datastore.transaction(commit=False) as cur:
                cur.execute(sql.SQL("SELECT id, position FROM {}.webhook_deliveries").format(sql.Identifier(schema)))
                by_position = {row["position"]: str(row["id"]) for row in cur.fetchall()}
            latencies = sorted(
                (arrived[by_position[p]] - t) * 1000 for p, t in committed if by_position.get(p) in arrived
            )
            q = statistics.quantiles(latencies, n=100)
            print(
                f"webhook latency over {len(latencies)}/{n} facts: p50 {q[49]:.0f} ms, p99 {q[98]:.0f} ms, "
                f"max {latencies[-1]:.0f} ms"
            )
    finally:
        stopping.set()
        worker.stop()
        for thread in threads:
            thread.join(timeout=15)
        tally.close()
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(schema)))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
