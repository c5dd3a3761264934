"""A meter created after events exist counts all of them, and the events that arrive
while it back-fills are counted exactly once; a worker killed mid-stream double-counts nothing."""

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from psycopg import sql

from domain.usage_event import IncomingEvent
from projections.engine import operations
from projections.engine.registry import all_projections
from projections.engine.tracking import read_position
from projections.engine.worker import BACKGROUND_EVERY, Worker
from projections.usage.meter_queries import backfills_pending, usage_total
from tests.projections.test_worker_restart import kill_mid_stream, resume_until
from tests.projections.workload import drain

NOW = datetime.now(timezone.utc)
T0 = NOW - timedelta(days=3)
EVER = (T0 - timedelta(days=1), NOW + timedelta(days=1))


def batch(prefix, start, n):
    return [
        IncomingEvent(f"{prefix}{i}", f"cus_{i % 3}", "api.call", T0 + timedelta(seconds=7 * i), {"n": i % 10})
        for i in range(start, start + n)
    ]


def expected_sum(indexes):
    return Decimal(sum(i % 10 for i in indexes))


def meter_state(tally, meter_id):
    with tally.store.datastore.transaction(commit=False) as cur:
        cur.execute(
            sql.SQL("SELECT backfill_cursor, backfill_upto FROM {}.meters WHERE id = %s").format(
                sql.Identifier(tally.store.schema)
            ),
            (meter_id,),
        )
        state = cur.fetchone()
        cur.execute(
            sql.SQL("SELECT sum(count) AS n FROM {}.meter_usage WHERE meter_id = %s").format(
                sql.Identifier(tally.store.schema)
            ),
            (meter_id,),
        )
        return state, cur.fetchone()["n"]


def totals(tally, meter_id):
    with tally.store.datastore.transaction(commit=False) as cur:
        return usage_total(cur, tally.store.schema, meter_id, None, *EVER), backfills_pending(cur, tally.store.schema)


@pytest.fixture
def ten_thousand_events(tally, business, make_customer):
    for c in range(3):
        make_customer(f"cus_{c}")
    for start in range(0, 10_000, 1000):
        tally.ingestion.ingest(business, batch("e", start, 1000), NOW)


def test_a_meter_created_after_10000_events_counts_them_and_those_arriving_during_its_backfill_once(
    tally, business, ten_thousand_events
):
    drain(tally)
    meter = tally.meters.create_meter(business, "n", "api.call", {"type": "sum", "key": "n"})
    worker = Worker(tally.store, all_projections(tally.store.schema))
    while worker.run_once() and meter_state(tally, meter.id)[0] is None:
        pass
    worker.run_once()  # the first back-fill chunk
    (state, counted) = meter_state(tally, meter.id)
    assert 0 < state["backfill_cursor"] < state["backfill_upto"], "the back-fill must be under way"
    usage_status = next(s for s in operations.status(tally.store, sample_s=0.01) if s.name == "usage")
    assert usage_status.pending == [
        f"meter {meter.id} (n): back-fill at position {state['backfill_cursor']} of {state['backfill_upto']}"
    ]
    for start in range(10_000, 12_000, 500):
        tally.ingestion.ingest(business, batch("e", start, 500), NOW)
    worker.run_once()  # new events are counted live, before the back-fill resumes
    assert meter_state(tally, meter.id)[0]["backfill_cursor"] == state["backfill_cursor"]
    drain(tally)
    assert totals(tally, meter.id) == (expected_sum(range(12_000)), False)
    assert meter_state(tally, meter.id)[1] == 12_000


def test_a_backfill_advances_while_events_keep_arriving(tally, business, ten_thousand_events):
    drain(tally)
    meter = tally.meters.create_meter(business, "n", "api.call", {"type": "count"})
    worker = Worker(tally.store, all_projections(tally.store.schema))
    for round_ in range(BACKGROUND_EVERY):
        tally.ingestion.ingest(business, batch("f", 100 * round_, 100), NOW)
        assert worker.run_once(), "every round has a page to apply"
    assert meter_state(tally, meter.id)[0]["backfill_cursor"] > 0


@pytest.mark.long
def test_a_worker_killed_mid_stream_double_counts_no_bucket(tally, business, ten_thousand_events, database_url, schema):
    counted = tally.meters.create_meter(business, "count", "api.call", {"type": "count"})
    for start in range(10_000, 12_000, 1000):
        tally.ingestion.ingest(business, batch("e", start, 1000), NOW)
    summed = tally.meters.create_meter(business, "sum", "api.call", {"type": "sum", "key": "n"})
    Worker(tally.store, all_projections(tally.store.schema)).setup()
    head = tally.store.head()
    kill_mid_stream(tally, database_url, schema)
    with tally.store.datastore.transaction(commit=False) as cur:
        assert 0 < read_position(cur, schema, "usage") < head, "killed mid-stream"
    resume_until(tally, database_url, schema, head)
    drain(tally)  # whatever back-fill the second worker left
    assert totals(tally, counted.id) == (Decimal(12_000), False)
    assert totals(tally, summed.id) == (expected_sum(range(12_000)), False)
    assert operations.verify(tally.store, "usage").differences == []
