"""2,000 due cycles (twenty closing steps) closed by `tally worker` while the read models keep up:
the jobs run beside the projections, one bounded step ahead of them at most. Twenty steps show the bound
holds step after step; more would only make the test longer."""

import os
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from psycopg import sql

from application.billing_jobs import STEP_CYCLES
from domain.rating import UsagePrice
from projections.engine.registry import all_projections
from projections.engine.worker import Worker
from tests.cli.processes import eventually

ROOT = Path(__file__).resolve().parents[2]
SUBSCRIPTIONS, CYCLES = 20, 100
# Each closed cycle writes two events: the subscription's CycleClosed and the invoice's Issued. Each save (here
# one per step: a step's 100 cycles are of one subscription) writes one more, the business's invoice numbers
# taken; the first save also starts the numbering (docs/invoices.md).
EVENTS_PER_CYCLE = 2
NUMBERING_EVENTS = 2
DEADLINE_S = 900


@pytest.fixture
def backlog(tally):
    """SUBSCRIPTIONS daily subscriptions with CYCLES due cycles each; read models at the head."""
    business = tally.businesses.register_business("acme")
    tally.customers.create_customer(business, "cus_1", None, None)
    meter = tally.meters.create_meter(business, "calls", "api.call", {"type": "count"})
    price = UsagePrice(str(meter.id), Decimal("0.02"))
    product = tally.catalogue.create_product(business, "daily", "USD", Decimal(0), "day", 1, [price])
    start = datetime.now(timezone.utc) - timedelta(days=CYCLES, hours=1)
    for _ in range(SUBSCRIPTIONS):
        tally.subscriptions.start_subscription(business, "cus_1", product.id, start, datetime.now(timezone.utc))
    worker = Worker(tally.store, all_projections(tally.store.schema))
    worker.setup()
    while worker.run_once():
        pass
    return tally


def sample(tally):
    """(head, lowest read model position, invoices in the read model), from one snapshot."""
    with tally.store.datastore.transaction(commit=False) as cur:
        cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cur.execute(
            sql.SQL(
                "SELECT (SELECT coalesce(max(notification_id), 0) FROM {events}) AS head, "
                "(SELECT min(position) FROM {schema}.projection_tracking) AS low, "
                "(SELECT count(*) FROM {schema}.invoices) AS invoices"
            ).format(events=tally.store.events_table, schema=sql.Identifier(tally.store.schema))
        )
        row = cur.fetchone()
    return row["head"], row["low"], row["invoices"]


def lag_seconds(samples):
    """For each sample, how long ago the head stood where the slowest read model stands now."""
    worst = 0.0
    for t, _, low, _ in samples:
        reached = next(s for s, head, _, _ in samples if head >= low)
        worst = max(worst, t - reached)
    return worst


@pytest.mark.long
def test_closing_2000_due_cycles_keeps_every_read_model_within_one_step_of_the_head(backlog, database_url, schema):
    tally = backlog
    env = {**os.environ, "DATABASE_URL": database_url, "TALLY_SCHEMA": schema, "PYTHONPATH": str(ROOT)}
    samples = [(time.monotonic(), *sample(tally))]
    worker = subprocess.Popen(
        [sys.executable, "-m", "interfaces.cli.main", "worker", "--grace", "0"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def closed_and_caught_up() -> bool:
        samples.append((time.monotonic(), *sample(tally)))
        return samples[-1][3] == SUBSCRIPTIONS * CYCLES and samples[-1][2] >= samples[-1][1]

    try:
        eventually(closed_and_caught_up, DEADLINE_S, "every due cycle closed and every read model at the head")
    finally:
        worker.terminate()
        worker.wait(timeout=30)

    worst = max(head - low for _, head, low, _ in samples)
    moving = [t for (t, head, _, _), (_, before, _, _) in zip(samples[1:], samples) if head != before]
    print(
        f"\n{SUBSCRIPTIONS * CYCLES} cycles closed in {moving[-1] - samples[0][0]:.1f} s; worst lag "
        f"{worst} positions, {lag_seconds(samples):.2f} s ({len(samples)} samples)"
    )
    assert worst <= STEP_CYCLES * EVENTS_PER_CYCLE + NUMBERING_EVENTS
