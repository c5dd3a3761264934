"""A store made by an older tally (tests/store/golden/, made by its make_golden.py) opens with today's code: the
worker's start-up upgrades it with no manual step, and it answers the invoices it answered then, lines and
amounts, closes its open cycle into the invoices recorded beside it, and explains and verifies them from the
log. Fails when a change stops old events from decoding (a renamed event class without an upcaster), changes
an amount, or needs a manual step to read an old store."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from litestar.testing import TestClient

from application.tally import Tally
from interfaces.bootstrap import open_store
from interfaces.http.app import create_app
from projections.engine import parking
from projections.engine.registry import PROJECTIONS
from projections.engine.tracking import read_positions
from projections.engine.upgrades import outdated_in
from tests.conftest import RunningWorker
from tests.store.golden.restoring import RECORD, restore


@pytest.fixture
def golden_store(database_url: str, schema: str, env: dict[str, str]) -> Iterator[Tally]:
    restore(database_url, schema)
    opened = open_store(env)
    yield opened
    opened.close()


def answered(client: TestClient, auth: dict[str, str], invoice: str) -> dict[str, Any]:
    answer = client.get(f"/invoices/{invoice}", headers=auth)
    assert answer.status_code == 200, answer.text
    return answer.json()


def same(recorded: dict[str, Any], now: dict[str, Any]) -> None:
    """Every field recorded then is answered alike now (fields added since are not compared)."""
    assert set(recorded) <= set(now), f"fields no longer answered: {set(recorded) - set(now)}"
    for field, value in recorded.items():
        if field == "lines":
            assert len(now["lines"]) == len(value), recorded["id"]
            for was, line in zip(value, now["lines"], strict=True):
                assert {k: line.get(k) for k in was} == was, recorded["id"]
        else:
            assert now[field] == value, (recorded["id"], field)


def test_an_old_store_opens_upgraded_and_answers_the_same_invoices(golden_store: Tally) -> None:
    with golden_store.store.datastore.transaction(commit=False) as cur:
        kept = sorted(read_positions(cur, golden_store.store.schema))  # projections added since are built anew
        before = outdated_in(cur, golden_store.store.schema)
    assert {(o.name, o.built) for o in before} == {(name, 0) for name in kept}, "made before versions"
    worker = RunningWorker(golden_store)
    with TestClient(create_app(golden_store)) as client:
        head = golden_store.store.head()
        rebuilding = client.get("/health").json()["rebuilding"]
        assert rebuilding == {name: {"done": 0, "total": head} for name in kept}
        worker.thread.start()
        try:
            assert worker.worker.upgrader.done.wait(120), "start-up rebuilds what an older version built"
            assert sorted(worker.worker.upgrader.rebuilt) == kept
            assert client.get("/health").json()["rebuilding"] == {}
            worker.caught_up()
            with golden_store.store.datastore.transaction(commit=False) as cur:
                assert parking.stuck(cur, golden_store.store.schema, list(PROJECTIONS)) == [], "old events apply"
            answers_the_recorded_invoices(golden_store, worker, client)
        finally:
            worker.worker.stop()
            worker.thread.join(timeout=10)


def answers_the_recorded_invoices(tally: Tally, worker: RunningWorker, client: TestClient) -> None:
    business = tally.businesses.business_named(RECORD["business"])
    auth = {"Authorization": f"Bearer {tally.businesses.create_key(RECORD['business'])}"}
    closing = RECORD["closed_by_the_test"]
    at = datetime.fromisoformat(closing["at"])
    closed = [i for s in closing["subscriptions"] for i in tally.billing.close_cycles(business, uuid.UUID(s), at)]
    worker.caught_up()
    for recorded in RECORD["issued"]:
        same(recorded, answered(client, auth, recorded["id"]))
    assert [str(i) for i in closed] == [r["id"] for r in closing["invoices"]]
    for recorded in closing["invoices"]:
        same(recorded, answered(client, auth, recorded["id"]))
    for recorded in RECORD["issued"] + closing["invoices"]:
        explained = client.get(f"/audit/invoice/{recorded['id']}/explain", headers=auth).json()
        assert explained["matches"] and explained["total"] == recorded["total"], explained
    assert tally.verification.verify(business).findings == []
