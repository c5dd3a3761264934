"""Ingestion on a real event store: whole-batch checks, first write wins, races."""

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone

import psycopg
import pytest
from psycopg import sql

from domain.errors import Invalid
from domain.usage_event import IncomingEvent
from tests.cli.processes import eventually

NOW = datetime.now(timezone.utc)


@pytest.fixture(autouse=True)
def cus_1(make_customer):
    make_customer("cus_1")


def batch(*ids, customer="cus_1"):
    return [IncomingEvent(event_id=i, customer_id=customer, event_name="api.call") for i in ids]


def stored(tally, business, *ids):
    return tally.ingestion.stored_keys([(business, i) for i in ids])


def test_a_batch_is_stored_and_reports_its_position(tally, business):
    done = tally.ingestion.ingest(business, batch("a", "b", "c"), NOW)
    assert (done.ingested_count, done.duplicate_count) == (3, 0)
    assert done.position == tally.store.head()
    assert len(stored(tally, business, "a", "b", "c")) == 3


def test_resent_batch_is_reported_as_duplicates(tally, business):
    tally.ingestion.ingest(business, batch("a", "b"), NOW)
    head = tally.store.head()
    done = tally.ingestion.ingest(business, batch("a", "b", "c"), NOW)
    assert (done.ingested_count, done.duplicate_count) == (1, 2)
    assert tally.store.head() > head
    again = tally.ingestion.ingest(business, batch("a", "b", "c"), NOW)
    assert (again.ingested_count, again.duplicate_count) == (0, 3)


def test_first_write_wins(tally, business):
    tally.ingestion.ingest(business, [IncomingEvent("a", "cus_1", "first")], NOW)
    tally.ingestion.ingest(business, [IncomingEvent("a", "cus_1", "second")], NOW)
    assert tally.ingestion.recorded(business, "a")[0].event_name == "first"


def test_an_unknown_customer_rejects_the_whole_batch(tally, business):
    with pytest.raises(Invalid) as caught:
        tally.ingestion.ingest(business, batch("a") + batch("b", customer="cus_nobody"), NOW)
    assert [(f.index, f.field) for f in caught.value.errors] == [(1, "customer_id")]
    assert stored(tally, business, "a", "b") == set()


def test_a_repeated_event_id_in_one_request_rejects_it(tally, business):
    with pytest.raises(Invalid) as caught:
        tally.ingestion.ingest(business, batch("a", "b", "a"), NOW)
    assert [(f.index, f.field) for f in caught.value.errors] == [(2, "event_id")]
    assert stored(tally, business, "a", "b") == set()


def test_batch_size_is_one_to_a_thousand(tally, business):
    with pytest.raises(Invalid):
        tally.ingestion.ingest(business, [], NOW)
    with pytest.raises(Invalid):
        tally.ingestion.ingest(business, batch(*[str(i) for i in range(1001)]), NOW)
    assert tally.ingestion.ingest(business, batch(*[str(i) for i in range(1000)]), NOW).ingested_count == 1000


def test_event_ids_are_scoped_by_business(tally, business):
    other = tally.businesses.register_business("other")
    tally.customers.create_customer(other, "cus_1", None, None)
    tally.ingestion.ingest(business, batch("a"), NOW)
    assert tally.ingestion.ingest(other, batch("a"), NOW).ingested_count == 1


def test_concurrent_overlapping_batches_store_each_id_once(tally, business):
    ids = [f"e{i}" for i in range(300)]
    halves = [ids[:200], ids[100:], ids[50:250], ids]
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda part: tally.ingestion.ingest(business, batch(*part), NOW), halves))
    assert sum(r.ingested_count for r in results) == 300
    assert sum(r.ingested_count + r.duplicate_count for r in results) == sum(len(h) for h in halves)
    assert len(stored(tally, business, *ids)) == 300


def test_a_full_batch_is_one_transaction_with_consecutive_positions(tally, business):
    for round_ in range(5):
        before = tally.store.head()
        done = tally.ingestion.ingest(business, batch(*[f"r{round_}-{i}" for i in range(1000)]), NOW)
        with tally.store.datastore.transaction(commit=False) as cur:
            cur.execute(
                f"SELECT min(position) AS lo, max(position) AS hi, count(*) AS n "
                f'FROM "{tally.store.schema}".usage_log WHERE position > %s',
                (before,),
            )
            row = cur.fetchone()
        assert row["n"] == 1000 and row["hi"] - row["lo"] == 999 and row["hi"] == done.position


def test_fresh_batches_skip_the_check_before_the_lock_until_a_resend_is_seen(tally, business):
    """The COPY's primary key finds stored ids; after a resend, batches are checked first for a while."""
    tally.ingestion.ingest(business, batch("a", "b"), NOW)  # also caches the customer as known
    checked = []
    stored_keys = tally.ingestion.stored_keys
    tally.ingestion.stored_keys = lambda keys: checked.append(len(keys)) or stored_keys(keys)
    tally.ingestion.ingest(business, batch("c"), NOW)
    assert checked == []
    resent = tally.ingestion.ingest(business, batch("a", "d"), NOW)
    assert (resent.ingested_count, resent.duplicate_count) == (1, 1)
    after = tally.ingestion.ingest(business, batch("b", "e"), NOW)
    assert (after.ingested_count, after.duplicate_count) == (1, 1) and checked == [2]
    assert len(stored(tally, business, "a", "b", "c", "d", "e")) == 5


def test_batches_that_arrive_while_one_is_written_are_committed_together_each_with_its_own_counts(
    tally, business, database_url
):
    """Group commit: while the event store's lock is held elsewhere, the first request waits for it and the next
    ones queue behind it; those are then written in one transaction. An id in two queued batches is stored once,
    with the first, and counted as a duplicate by the second."""
    tally.ingestion.ingest(business, batch("old"), NOW)
    with psycopg.connect(database_url) as holder, ThreadPoolExecutor(3) as pool:
        holder.execute(sql.SQL("LOCK TABLE {} IN EXCLUSIVE MODE").format(tally.store.events_table))
        first = pool.submit(tally.ingestion.ingest, business, batch("a1", "a2"), NOW)
        eventually(lambda: tally.ingestion._writing, 30, "the first request writing, waiting for the lock")
        second = pool.submit(tally.ingestion.ingest, business, batch("b1", "shared", "old"), NOW)
        eventually(lambda: len(tally.ingestion._queue) == 1, 30, "one request queued behind it")
        third = pool.submit(tally.ingestion.ingest, business, batch("c1", "shared"), NOW)
        eventually(lambda: len(tally.ingestion._queue) == 2, 30, "two requests queued behind it")
        holder.rollback()
        answers = [f.result(timeout=30) for f in (first, second, third)]

    assert [(a.ingested_count, a.duplicate_count) for a in answers] == [(2, 0), (2, 1), (1, 1)]
    assert answers[1].position == answers[2].position == tally.store.head()
    with tally.store.datastore.transaction(commit=False) as cur:
        cur.execute(
            sql.SQL("SELECT event_id, xmin::text AS tx FROM {} WHERE business_id = %s AND event_id = ANY(%s)").format(
                sql.Identifier(tally.store.schema, "usage_log")
            ),
            (business, ["a1", "b1", "c1", "shared"]),
        )
        transaction = {row["event_id"]: row["tx"] for row in cur.fetchall()}
    assert len(transaction) == 4
    first_tx, b1, c1, shared = (transaction[i] for i in ("a1", "b1", "c1", "shared"))
    assert b1 == c1 == shared != first_tx
