"""/health/live answers while the process does; /health/ready only when the database answers, a projection
worker is alive and the read models are within TALLY_READY_LAG_S of the head; /health is unchanged."""

from litestar.testing import TestClient

from interfaces.http.app import create_app
from projections.engine.beats import beat
from projections.engine.registry import all_projections
from projections.engine.worker import Worker
from tests.cli.processes import eventually
from tests.interfaces.helpers import event, ingest


def test_liveness_asks_nothing_of_the_database(client):
    answer = client.get("/health/live")
    assert answer.status_code == 200
    assert answer.json() == {"status": "alive"}


def test_ready_once_a_worker_runs_and_the_read_models_are_at_the_head(client, auth, make_customer, worker):
    make_customer("cus_abc")
    ingest(client, auth, event("e1"))
    worker.caught_up()
    answer = client.get("/health/ready")
    assert answer.status_code == 200, answer.text
    assert answer.json()["status"] == "ready" and answer.json()["worker"] is True
    assert client.get("/health").status_code == 200


def test_not_ready_without_a_projection_worker(tally):
    with TestClient(create_app(tally)) as client:
        answer = client.get("/health/ready")
    assert answer.status_code == 503
    assert answer.json()["status"] == "not_ready"
    assert answer.json()["worker"] is False
    assert any("worker" in reason for reason in answer.json()["reasons"])


def test_not_ready_while_a_read_model_is_further_behind_than_allowed(tally, make_customer, monkeypatch):
    monkeypatch.setenv("TALLY_READY_LAG_S", "0.5")
    make_customer("cus_abc")
    worker = Worker(tally.store, all_projections(tally.store.schema))
    worker.setup()
    worker.run_once()
    make_customer("cus_def")  # which no worker applies
    with tally.store.datastore.transaction(commit=True) as cur:
        beat(cur, tally.store.schema, "all")  # yet a worker is alive
    with TestClient(create_app(tally)) as client:
        answer = eventually(
            lambda: (lambda a: a if a.status_code == 503 else None)(client.get("/health/ready")),
            10,
            "the unapplied customer is half a second old",
        )
    assert answer.json()["worker"] is True
    assert any("behind" in reason for reason in answer.json()["reasons"]), answer.json()
