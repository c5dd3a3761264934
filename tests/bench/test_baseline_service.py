"""The hand-written baseline stores a batch once; a resent batch stores nothing."""

import json
from datetime import datetime, timezone

import psycopg
import pytest
from litestar.testing import TestClient

from bench import baseline
from bench.bodies import body


@pytest.fixture
def baseline_client(database_url, monkeypatch):
    """The baseline has one table in a schema of its own, dropped and made again here: a test holds a lock on
    it, so another xdist worker's drop cannot fail this test's insert."""
    with psycopg.connect(database_url, autocommit=True) as held:
        held.execute("SELECT pg_advisory_lock(hashtext('tally bench baseline tests'))")
        baseline.create_table(database_url)
        monkeypatch.setenv("BENCH_DATABASE_URL", database_url)
        monkeypatch.setenv("BENCH_KEY", "secret")
        with TestClient(baseline.create_app()) as test_client:
            yield test_client


def test_a_batch_is_stored_and_a_resend_is_all_duplicates(baseline_client):
    payload = body("t", range(0, 10), customers=3, now=datetime.now(timezone.utc))
    headers = {"Authorization": "Bearer secret", "Content-Type": "application/json"}
    assert baseline_client.post("/events/ingest", content=payload, headers=headers).json() == {
        "ingested_count": 10,
        "duplicate_count": 0,
    }
    assert baseline_client.post("/events/ingest", content=payload, headers=headers).json() == {
        "ingested_count": 0,
        "duplicate_count": 10,
    }


def test_the_baseline_checks_its_key(baseline_client):
    answer = baseline_client.post(
        "/events/ingest", content=body("t", range(1), 1), headers={"Authorization": "Bearer x"}
    )
    assert answer.status_code == 401


def test_a_body_with_a_resent_half_repeats_ids_of_the_earlier_prefix():
    events = json.loads(body("new", range(10, 14), customers=2, resend_prefix="old"))["events"]
    assert [e["event_id"] for e in events] == ["old-5", "old-6", "new-12", "new-13"]
    assert {e["customer_id"] for e in events} == {"cus_0", "cus_1"}
