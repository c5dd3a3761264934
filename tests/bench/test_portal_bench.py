"""The portal benchmark's requests are ones the portal answers: the load generator, given the session cookie the
API hands a business, gets the customer's page (200) on every request."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from litestar import Litestar

from application.tally import Tally
from bench.load import query
from bench.portal import session_cookie
from interfaces.http.app import bind
from tests.conftest import RunningWorker
from tests.interfaces.dashboard.conftest import Served


@pytest.fixture
def api_server(tally: Tally, worker: RunningWorker, built_app: Litestar) -> Iterator[Served]:
    with Served(bind(built_app, tally)) as running:
        yield running


def apart(job: dict[str, Any]) -> dict[str, Any]:
    """The load generator's query on a thread of its own, as in its own process: the thread running the tests
    may hold a running event loop (the browser tests' Playwright keeps one)."""
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, query(job)).result()


def test_the_load_generator_opens_a_customers_portal_page_with_its_session_cookie(
    api_server: Served, key: str, make_customer: Any
) -> None:
    make_customer("cus_bench")
    port = int(api_server.base.rsplit(":", 1)[1])
    cookie = session_cookie(port, key, "cus_bench")
    job = {"host": "127.0.0.1", "port": port, "key": key, "cookie": cookie, "paths": ["/portal"] * 3}
    answered = apart(job)
    assert answered["requests"] == 3 and answered["failed_requests"] == 0
    refused = apart({**job, "cookie": None})
    assert refused["failed_requests"] == 3  # without the cookie the page is a 401
