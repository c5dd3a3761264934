"""Exactly-once: a worker killed mid-stream and restarted lists every event once."""

import os
import signal
import subprocess
import sys
from datetime import datetime, timezone

import pytest
from psycopg import sql

from domain.usage_event import IncomingEvent
from projections.engine.registry import all_projections
from projections.engine.tracking import PositionConflict, read_position, record_position
from projections.engine.worker import Worker, wait_for

NOW = datetime.now(timezone.utc)
EVENTS = 12_000


def counted(tally):
    """What the usage read model's buckets count, and how many events the log holds up to its position."""
    with tally.store.datastore.transaction(commit=False) as cur:
        cur.execute(
            sql.SQL(
                "SELECT (SELECT coalesce(sum(count), 0) FROM {s}.meter_usage) AS n, (SELECT count(*) FROM {s}.usage_log "
                "WHERE position <= (SELECT position FROM {s}.projection_tracking WHERE name = 'usage')) AS logged"
            ).format(s=sql.Identifier(tally.store.schema))
        )
        return cur.fetchone()


def position_of(tally, name="usage"):
    with tally.store.datastore.transaction(commit=False) as cur:
        return read_position(cur, tally.store.schema, name)


def start_worker(database_url, schema):
    env = {**os.environ, "DATABASE_URL": database_url, "TALLY_SCHEMA": schema}
    return subprocess.Popen(
        [sys.executable, "-m", "interfaces.cli.main", "worker", "--page-size", "50"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def kill_mid_stream(tally, database_url, schema):
    """Starts a worker process and SIGKILLs it once it has applied its first page."""
    first = start_worker(database_url, schema)
    try:
        assert wait_for(tally.store, ["usage"], 1, timeout=30)
        os.kill(first.pid, signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        first.kill()


def resume_until(tally, database_url, schema, head):
    """Starts a fresh worker process and stops it once every projection reached `head`."""
    second = start_worker(database_url, schema)
    try:
        assert wait_for(tally.store, ["usage", "customers"], head, timeout=60)
    finally:
        second.terminate()
        second.wait(timeout=10)


@pytest.fixture
def filled(tally):
    business = tally.businesses.register_business("acme")
    tally.customers.create_customer(business, "cus_1", None, None)
    tally.meters.create_meter(business, "calls", "api.call", {"type": "count"})
    for offset in range(0, EVENTS, 1000):
        batch = [IncomingEvent(f"e{i}", "cus_1", "api.call") for i in range(offset, offset + 1000)]
        tally.ingestion.ingest(business, batch, NOW)
    Worker(tally.store, all_projections(tally.store.schema)).setup()
    return tally


@pytest.mark.long
def test_a_worker_killed_mid_stream_resumes_without_double_counting(filled, database_url, schema):
    tally, head = filled, filled.store.head()
    kill_mid_stream(tally, database_url, schema)
    killed_at = position_of(tally)
    assert 0 < killed_at < head, "the worker must be killed mid-stream for this test to mean anything"
    partial = counted(tally)
    assert 0 < partial["n"] == partial["logged"] < EVENTS
    resume_until(tally, database_url, schema, head)
    rows = counted(tally)
    assert rows["n"] == rows["logged"] == EVENTS


def test_a_position_never_moves_back_so_a_page_cannot_apply_twice(filled):
    tally = filled
    Worker(tally.store, all_projections(tally.store.schema)).run_once()
    at = position_of(tally)
    with pytest.raises(PositionConflict):
        with tally.store.datastore.transaction(commit=True) as cur:
            record_position(cur, tally.store.schema, "usage", at)
    assert position_of(tally) == at
