"""A database that stops answering or is stopped: 503 database_unavailable with Retry-After, within the
10 s the issue sets, never a 500 or a hung request; and service resumes without a restart."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from interfaces.bootstrap import open_store
from interfaces.http.app import bind
from store.config import SERVING, store_env
from tests.conftest import RunningWorker
from tests.interfaces.db_proxy import DatabaseProxy

GIVE_UP_S = 10.0


@pytest.fixture
def proxy(database_url: str) -> Iterator[DatabaseProxy]:
    running = DatabaseProxy(database_url)
    yield running
    running.close()


@pytest.fixture
def through_proxy(
    proxy: DatabaseProxy, schema: str, worker: RunningWorker, built_app: Litestar
) -> Iterator[TestClient]:
    """An API process whose database is reached through the proxy, with the API's own timeouts
    (the worker reaches it directly)."""
    proxied = open_store(store_env(proxy.url, schema, pool_size=2, timeouts=SERVING))
    with TestClient(bind(built_app, proxied)) as client:
        yield client
    proxied.close()


def assert_unavailable(response: object, started: float) -> None:
    took = time.monotonic() - started
    assert response.status_code == 503, response.text  # type: ignore[attr-defined]
    assert response.json()["code"] == "database_unavailable"  # type: ignore[attr-defined]
    assert response.headers["retry-after"].isdigit()  # type: ignore[attr-defined]
    assert response.headers["content-type"].startswith("application/problem+json")  # type: ignore[attr-defined]
    assert took < GIVE_UP_S, f"answered after {took:.1f}s"


def test_a_stalled_database_answers_503_in_time_and_the_next_request_after_it_resumes_succeeds(
    through_proxy: TestClient, proxy: DatabaseProxy, auth: dict[str, str]
) -> None:
    assert through_proxy.get("/customers", headers=auth).status_code == 200
    proxy.stall()
    started = time.monotonic()
    response = through_proxy.get("/customers", headers=auth)
    proxy.resume()
    assert_unavailable(response, started)
    assert through_proxy.get("/customers", headers=auth).status_code == 200


def test_a_stalled_database_during_the_key_check_answers_503(
    through_proxy: TestClient, proxy: DatabaseProxy, key: str
) -> None:
    proxy.stall()
    started = time.monotonic()
    response = through_proxy.get("/customers", headers={"Authorization": f"Bearer {key}"})
    proxy.resume()
    assert_unavailable(response, started)


def test_a_stalled_database_during_a_command_answers_503(
    through_proxy: TestClient, proxy: DatabaseProxy, auth: dict[str, str]
) -> None:
    assert through_proxy.get("/customers", headers=auth).status_code == 200
    proxy.stall()
    started = time.monotonic()
    response = through_proxy.post("/customers", json={"customer_id": "cus_stalled"}, headers=auth)
    proxy.resume()
    assert_unavailable(response, started)


def test_a_stopped_database_answers_503_and_service_resumes_when_it_is_back(
    through_proxy: TestClient, proxy: DatabaseProxy, auth: dict[str, str]
) -> None:
    assert through_proxy.get("/customers", headers=auth).status_code == 200
    proxy.stop()
    started = time.monotonic()
    assert_unavailable(through_proxy.get("/customers", headers=auth), started)
    proxy.start()
    # The pool replaces the connections it lost in the background; a request meanwhile may still meet one.
    statuses = [through_proxy.get("/customers", headers=auth).status_code for _ in range(3)]
    assert statuses[-1] == 200 and 500 not in statuses, statuses
