"""Schemathesis over the whole OpenAPI, on the real app and a real database: no request a client can
build from the schema, valid or not, gets a 5xx other than the documented 503 `database_unavailable`,
and every answer is documented: its status code, its content type and its body's schema.

One store, worker and app serve the whole module: a fresh schema per operation would cost more than
the requests themselves (docs/fuzzing.md gives the figures)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from litestar.testing import TestClient
from litestar.types import ASGIApp, Receive, Scope, Send
from schemathesis import checks

from interfaces.bootstrap import open_store
from interfaces.http.app import create_app, openapi_document
from store.config import store_env
from tests.conftest import RunningWorker, fresh_schema

schema = schemathesis.openapi.from_dict(openapi_document())


@pytest.fixture(scope="module")
def fuzzed_app(database_url: str) -> Iterator[tuple[ASGIApp, dict[str, str]]]:
    with fresh_schema(database_url) as name:
        tally = open_store(store_env(database_url, name, pool_size=2))
        running = RunningWorker(tally)
        running.thread.start()
        auth = {"Authorization": f"Bearer {tally.businesses.create_key('fuzzed')}"}
        app = create_app(tally)
        with TestClient(app):  # its startup now, its shutdown (which closes `tally`) once the worker stopped
            yield without_lifespan(app), auth
            running.worker.stop()
            running.thread.join(timeout=10)


def without_lifespan(app: ASGIApp) -> ASGIApp:
    """The app's requests without its lifespan: schemathesis would otherwise start the app per call and
    shut it down, closing the store under the worker. Refusing the lifespan scope before reading any
    message is how an ASGI app says it has none."""

    async def requests_only(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            raise NotImplementedError("the fixture runs this app's lifespan")
        await app(scope, receive, send)

    return requests_only


# What the document promises about every answer; 5xx are asserted apart (a documented 503 is fine).
DOCUMENTED = [checks.status_code_conformance, checks.content_type_conformance, checks.response_schema_conformance]


@pytest.fixture(scope="module")
def fuzz_answers() -> Iterator[Counter[int]]:
    """Statuses answered over the module, printed at its end (`pytest -s`) for docs/fuzzing.md's figures."""
    seen: Counter[int] = Counter()
    yield seen
    print(f"\nschemathesis: {sum(seen.values())} cases, answers {dict(sorted(seen.items()))}")


@schema.parametrize()
@settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_request_from_the_schema_gets_a_server_error_or_an_undocumented_answer(
    case: Any, fuzzed_app: tuple[ASGIApp, dict[str, str]], fuzz_answers: Counter[int]
) -> None:
    app, auth = fuzzed_app
    response = case.call(app=app, headers=auth)
    fuzz_answers[response.status_code] += 1
    documented = response.status_code == 503 and response.json().get("code") == "database_unavailable"
    assert response.status_code < 500 or documented, (case.as_curl_command(), response.text)
    case.validate_response(response, checks=DOCUMENTED, headers=auth)


def test_the_fuzzed_document_is_the_one_the_app_serves(client):
    assert client.get("/schema/openapi.json").json() == openapi_document()
