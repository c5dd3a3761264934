"""Measures of what grows with load or history, apart from the ingest runs: the projection worker's pace
with the usage projection whole (N = 1) and split over two processes (N = 2), a wallet with a long
history loading from its snapshot, and bytes on disk per stored event."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import psycopg
from psycopg import sql

from application.tally import Tally
from bench.bodies import EVENT_NAME
from domain.credit_wallet import wallet_id
from domain.customer import customer_id as customer_uuid
from domain.rating import UsagePrice
from domain.usage_event import IncomingEvent
from interfaces.bootstrap import open_store
from projections.engine.partitions import Partition
from projections.engine.registry import live_names
from store import usage_log
from store.config import store_env
from store.event_store import EVENTS_TABLE

PACE_SCHEMA = "tally_bench_pace"
BUSINESSES = 8  # the split is by business: enough of them to spread over two workers
CUSTOMERS = 100
BATCH = 1000
LOADS = 20


def worker_pace(url: str, events: int, counts: tuple[int, ...] = (1, 2)) -> dict[str, Any]:
    """Events/s each way of running the workers drains the same backlog at, every read model included
    (the split one's partitions start together)."""
    tally = _seed(url, events)
    try:
        head = tally.store.head()
        out: dict[str, Any] = {"pace_events": head, "pace_businesses_per_partition": [BUSINESSES // 2] * 2}
        for count in counts:
            _reset(url)
            out[f"worker_events_per_s_n{count}"] = round(_drain(url, count, head))
        return out
    finally:
        tally.close()
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(PACE_SCHEMA)))


def _seed(url: str, events: int) -> Tally:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(PACE_SCHEMA)))
    tally = open_store(store_env(url, PACE_SCHEMA, pool_size=2))
    now = datetime.now(timezone.utc)
    businesses: list[Any] = []
    first = Partition(0, 2)
    n = 0
    while len(businesses) < BUSINESSES:
        business = tally.businesses.register_business(f"pace-{n}")
        n += 1
        # As many businesses on each side of a split in two, so N = 2 is not measured on a lopsided split.
        if sum(first.owns(b) == first.owns(business) for b in businesses) >= BUSINESSES // 2:
            continue
        businesses.append(business)
        for c in range(CUSTOMERS):
            tally.customers.create_customer(business, f"cus_{c}", None, None)
        tally.meters.create_meter(business, "tokens", EVENT_NAME, {"type": "sum", "key": "tokens"})
        businesses.append(business)
    for k in range(events // BATCH):
        batch = [
            IncomingEvent(
                f"p{k}-{i}",
                f"cus_{i % CUSTOMERS}",
                EVENT_NAME,
                now - timedelta(seconds=(i * 7919) % 500_000),
                {"tokens": i % 977 + 1},
            )
            for i in range(BATCH)
        ]
        tally.ingestion.ingest(businesses[k % BUSINESSES], batch, now)
    return tally


def _reset(url: str) -> None:
    """Drops every read model, so each way starts from an empty projection at position 0."""
    with psycopg.connect(url, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = %s AND tablename NOT IN ('tally_events', 'usage_log') "
            "AND tablename NOT LIKE '%%snapshots'",
            (PACE_SCHEMA,),
        ).fetchall()
        for (table,) in rows:
            conn.execute(sql.SQL("DROP TABLE {}.{}").format(sql.Identifier(PACE_SCHEMA), sql.Identifier(table)))


def _drain(url: str, count: int, head: int) -> float:
    env = {**os.environ, "DATABASE_URL": url, "TALLY_SCHEMA": PACE_SCHEMA}
    splits = [None] if count == 1 else [Partition(i, count) for i in range(count)]
    names = live_names(splits[0])
    query = sql.SQL(
        "SELECT count(*) AS n, coalesce(min(position), 0) AS p FROM {}.projection_tracking WHERE name = ANY(%s)"
    ).format(sql.Identifier(PACE_SCHEMA))
    logs = [tempfile.TemporaryFile() for _ in splits]
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "interfaces.cli.main",
                "worker",
                *(["--partition", f"{s.index}/{s.count}"] if s else []),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
            start_new_session=True,
        )
        for s, log in zip(splits, logs)
    ]
    try:
        with psycopg.connect(url, autocommit=True) as conn:
            started, at = None, 0
            while True:
                for w, log in zip(workers, logs):
                    if w.poll() is not None:
                        log.seek(0)
                        raise RuntimeError(
                            f"a worker exited ({w.returncode}) while draining the backlog: "
                            f"{log.read()[-1500:].decode(errors='replace')}"
                        )
                try:
                    n, at = conn.execute(query, (names,)).fetchone()  # type: ignore[misc]
                except psycopg.errors.UndefinedTable:
                    n = 0
                if n == len(names) and started is None:
                    started, first = time.monotonic(), at  # every worker has set up and begun
                if started is not None and at >= head:
                    return (head - first) / max(time.monotonic() - started, 1e-6)
                time.sleep(0.05)
    finally:
        for w in workers:
            w.terminate()
        for w in workers:
            w.wait(timeout=30)
        for log in logs:
            log.close()


def long_history_load(tally: Tally, business: Any, customer: str, grants: int) -> dict[str, Any]:
    """A wallet granted `grants` times, loaded LOADS times: from its latest snapshot plus the events after."""
    for n in range(grants):
        tally.credits.grant_credits(
            business, customer, Decimal("1"), None, None, f"history-{n}", datetime.now(timezone.utc)
        )
    wallet = wallet_id(customer_uuid(business, customer))
    started = time.perf_counter()
    for _ in range(LOADS):
        tally.store.repository.get(wallet)
    return {
        "long_history_events": grants,
        "long_history_load_ms": round((time.perf_counter() - started) / LOADS * 1000, 2),
    }


def store_size(url: str, schema: str) -> dict[str, Any]:
    """On-disk size (tables, indexes, TOAST) of the event store with every read model, in all and per stored
    event."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CHECKPOINT")
        (mine,) = conn.execute(
            "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n "
            "ON n.oid = c.relnamespace WHERE n.nspname = %s AND c.relkind = 'r'",
            (schema,),
        ).fetchone()  # type: ignore[misc]
        events, _ = usage_log.size(conn, schema, EVENTS_TABLE)
    return {"bytes_per_event": round(int(mine) / max(events, 1)), "store_mb": round(int(mine) / 2**20, 1)}


def bytes_per_event(url: str, schema: str, baseline_table: str) -> dict[str, Any]:
    """Bytes on disk per stored event of tally (`store_size`) and of the baseline's one table per row."""
    mine = store_size(url, schema)
    with psycopg.connect(url, autocommit=True) as conn:
        theirs, rows = conn.execute(
            sql.SQL("SELECT pg_total_relation_size(%s::regclass), (SELECT count(*) FROM {})").format(
                sql.SQL(baseline_table)
            ),
            (baseline_table,),
        ).fetchone()  # type: ignore[misc]
    return {
        "bytes_per_event": mine["bytes_per_event"],
        "baseline_bytes_per_event": round(int(theirs) / max(rows, 1)),
    }


def explain_time(tally: Tally, business: Any, meter_id: str, customer: str) -> dict[str, Any]:
    """`audit explain` of one invoice: a daily plan on the run's meter started two days ago, its two
    cycles closed, the last one explained (its customer's events found through the usage index)."""
    now = datetime.now(timezone.utc)
    product = tally.catalogue.create_product(
        business, "bench plan", "USD", Decimal(0), "day", 1, [UsagePrice(meter_id, Decimal("0.001"))]
    ).id
    subscription = tally.subscriptions.start_subscription(business, customer, product, now - timedelta(days=2), now).id
    *_, invoice = tally.billing.close_cycles(business, subscription, now)
    started = time.perf_counter()
    explained = tally.explainer.explain_invoice(business, invoice)
    return {
        "audit_explain_ms": round((time.perf_counter() - started) * 1000, 1),
        "audit_explain_events": sum(line.events for line in explained.lines),
        "audit_explain_matches": explained.matches,
    }
