"""Poison input: text no read model can store, times outside the supported range, hostile bodies and
paging. Each is refused (422, or 400 for a body that cannot be read), stores nothing, and the read
models keep reaching the log head."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from application.tally import Tally
from interfaces.bootstrap import open_store
from interfaces.http.app import bind
from store.config import store_env
from tests.conftest import RunningWorker, fresh_schema
from tests.interfaces.helpers import event, ingest

NUL = "\u0000"
YEAR_ONE = "0001-01-01T00:30:00+01:00"  # before year 1 once in UTC


@dataclass
class Target:
    client: TestClient
    auth: dict[str, str]
    tally: Tally
    worker: RunningWorker
    ids: dict[str, str]  # the meter's and the product's


@pytest.fixture(scope="module")
def poisoned(database_url: str, built_app: Litestar) -> Iterator[Target]:
    """A customer, a meter and a daily product to aim poison at, in one store with its worker and app for the
    module: each test checks that its poison stored nothing and that the read models still reach the head, which
    holds whatever the tests before it sent (a store of its own cost each test three times what it checks)."""
    with fresh_schema(database_url) as name:
        tally = open_store(store_env(database_url, name, pool_size=2))
        worker = RunningWorker(tally)
        worker.thread.start()
        auth = {"Authorization": f"Bearer {tally.businesses.create_key('poisoned')}"}
        with TestClient(bind(built_app, tally)) as client:
            customer = {"customer_id": "cus_ok", "name": "Fine"}
            assert client.post("/customers", json=customer, headers=auth).status_code == 201
            meter = client.post(
                "/meters",
                json={"name": "Calls", "event_name": "api.call", "aggregation": {"type": "count"}},
                headers=auth,
            ).json()
            product = client.post(
                "/products", json={"name": "Daily", "currency": "USD", "billing_interval": "day"}, headers=auth
            ).json()
            yield Target(client, auth, tally, worker, {"meter": meter["id"], "product": product["id"]})
        worker.worker.stop()
        worker.thread.join(timeout=10)
        tally.close()


def one_event(**fields: Any) -> dict[str, Any]:
    return {"events": [{**event("e1", customer="cus_ok"), **fields}]}


def meter(**fields: Any) -> dict[str, Any]:
    return {"name": "M", "event_name": "api.call", "aggregation": {"type": "count"}, **fields}


def filtered(**clause: Any) -> dict[str, Any]:
    return meter(filter={"conjunction": "and", "clauses": [{"key": "k", "operator": "equals", "value": "v", **clause}]})


# (what, method, path, body, field the 422 names)
WRITES = [
    ("customer id with NUL", "POST", "/customers", {"customer_id": f"c{NUL}1"}, "customer_id"),
    ("customer name with NUL", "POST", "/customers", {"customer_id": "c2", "name": f"A{NUL}B"}, "name"),
    ("customer email with NUL", "POST", "/customers", {"customer_id": "c3", "email": f"a{NUL}@b.c"}, "email"),
    ("customer name with an escape character", "POST", "/customers", {"customer_id": "c4", "name": "A\x1bB"}, "name"),
    ("customer name with DEL", "POST", "/customers", {"customer_id": "c5", "name": "A\x7fB"}, "name"),
    ("customer name with a newline", "POST", "/customers", {"customer_id": "c6", "name": "A\nB"}, "name"),
    ("customer name changed to NUL", "PATCH", "/customers/cus_ok", {"name": NUL}, "name"),
    ("event id with NUL", "POST", "/events/ingest", one_event(event_id=f"a{NUL}b"), "event_id"),
    ("event name with NUL", "POST", "/events/ingest", one_event(event_name=f"api{NUL}"), "event_name"),
    ("event customer id with NUL", "POST", "/events/ingest", one_event(customer_id=f"cus_ok{NUL}"), "customer_id"),
    ("metadata key with NUL", "POST", "/events/ingest", one_event(metadata={f"k{NUL}": "v"}), "metadata.k\\u0000"),
    ("metadata value with NUL", "POST", "/events/ingest", one_event(metadata={"k": f"v{NUL}"}), "metadata.k"),
    ("timestamp before year 1 in UTC", "POST", "/events/ingest", one_event(timestamp=YEAR_ONE), "timestamp"),
    ("timestamp before 1970", "POST", "/events/ingest", one_event(timestamp="1969-12-31T23:59:59Z"), "timestamp"),
    ("timestamp in year 9999", "POST", "/events/ingest", one_event(timestamp="9999-12-31T23:59:59Z"), "timestamp"),
    ("meter name with NUL", "POST", "/meters", meter(name=f"M{NUL}"), "name"),
    ("meter event name with NUL", "POST", "/meters", meter(event_name=f"e{NUL}"), "event_name"),
    (
        "meter aggregation key with NUL",
        "POST",
        "/meters",
        meter(aggregation={"type": "sum", "key": f"k{NUL}"}),
        "aggregation.key",
    ),
    ("meter filter key with NUL", "POST", "/meters", filtered(key=f"k{NUL}"), "filter.clauses[0].key"),
    ("meter filter value with NUL", "POST", "/meters", filtered(value=f"v{NUL}"), "filter.clauses[0].value"),
    ("meter unit with NUL", "POST", "/meters", meter(measurement_unit=f"calls{NUL}"), "measurement_unit"),
    ("meter description with NUL", "POST", "/meters", meter(description=f"about{NUL}"), "description"),
    ("meter description with a bell", "POST", "/meters", meter(description="ring\x07"), "description"),
    (
        "product name with NUL",
        "POST",
        "/products",
        {"name": f"P{NUL}", "currency": "USD", "billing_interval": "day"},
        "name",
    ),
    ("grant reason with NUL", "POST", "/customers/cus_ok/credits", {"amount": "5", "reason": f"r{NUL}"}, "reason"),
    (
        "grant idempotency key with NUL",
        "POST",
        "/customers/cus_ok/credits",
        {"amount": "5", "idempotency_key": f"k{NUL}"},
        "idempotency_key",
    ),
    (
        "grant expiring before year 1 in UTC",
        "POST",
        "/customers/cus_ok/credits",
        {"amount": "5", "expires_at": YEAR_ONE},
        "expires_at",
    ),
    (
        "grant expiring in year 9999",
        "POST",
        "/customers/cus_ok/credits",
        {"amount": "5", "expires_at": "9999-06-01T00:00:00Z"},
        "expires_at",
    ),
]


def refused(response: Any, status: int, code: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert response.headers["content-type"].startswith("application/problem+json")
    if code:
        assert body["code"] == code
    return body


@pytest.mark.parametrize(("what", "method", "path", "body", "field"), WRITES, ids=[w[0] for w in WRITES])
def test_poison_in_a_command_is_refused_with_its_field_and_stores_nothing(poisoned, what, method, path, body, field):
    client, auth, tally, worker = poisoned.client, poisoned.auth, poisoned.tally, poisoned.worker
    head = tally.store.head()
    answer = refused(client.request(method, path, json=body, headers=auth), 422)
    assert field in [e["field"] for e in answer["errors"]], answer
    assert tally.store.head() == head
    assert ingest(client, auth, event("after", customer="cus_ok")).status_code == 200
    worker.caught_up()


@pytest.mark.parametrize("start", ["0001-01-01T00:00:00Z", YEAR_ONE, "1969-12-31T23:59:00Z"])
def test_a_subscription_starting_outside_the_time_range_is_refused(poisoned, start):
    client, auth, tally, ids = poisoned.client, poisoned.auth, poisoned.tally, poisoned.ids
    head = tally.store.head()
    body = {"customer_id": "cus_ok", "product_id": ids["product"], "start": start}
    answer = refused(client.post("/subscriptions", json=body, headers=auth), 422, "invalid_subscription")
    assert [e["field"] for e in answer["errors"]] == ["start"]
    assert tally.store.head() == head


def test_a_subscription_starts_at_most_1000_cycles_in_the_past(poisoned):
    client, auth, tally, ids = poisoned.client, poisoned.auth, poisoned.tally, poisoned.ids
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    body = {"customer_id": "cus_ok", "product_id": ids["product"]}
    head = tally.store.head()
    too_old = (today - timedelta(days=1002)).isoformat()
    answer = refused(client.post("/subscriptions", json={**body, "start": too_old}, headers=auth), 422)
    assert "1000 cycles" in answer["errors"][0]["reason"]
    assert tally.store.head() == head
    oldest = (today - timedelta(days=1000)).isoformat()
    assert client.post("/subscriptions", json={**body, "start": oldest}, headers=auth).status_code == 201


def test_a_subscription_whose_first_cycle_would_end_past_the_range_is_refused(poisoned):
    client, auth, tally = poisoned.client, poisoned.auth, poisoned.tally
    product = client.post(
        "/products",
        json={"name": "Millennium", "currency": "USD", "billing_interval": "year", "interval_count": 1000},
        headers=auth,
    ).json()
    head = tally.store.head()
    body = {"customer_id": "cus_ok", "product_id": product["id"], "start": "8999-06-01T00:00:00Z"}
    answer = refused(client.post("/subscriptions", json=body, headers=auth), 422, "invalid_subscription")
    assert "first cycle" in answer["errors"][0]["reason"]
    assert tally.store.head() == head


QUERIES = [
    ("/events", {"start": YEAR_ONE}),
    ("/events", {"end": "9999-12-31T00:00:00Z"}),
    ("/events", {"start": "2026-01-01T00:00:00"}),
    ("/meters/{meter}/usage", {"start": YEAR_ONE, "end": "2026-01-01T00:00:00Z"}),
    ("/meters/{meter}/usage", {"start": "2026-01-01T00:00:00Z", "end": "9999-12-31T23:59:00Z"}),
    ("/audit/customer/cus_ok", {"at": YEAR_ONE}),
]


@pytest.mark.parametrize(("path", "params"), QUERIES)
def test_a_query_time_outside_the_range_is_422(poisoned, path, params):
    client, auth, ids = poisoned.client, poisoned.auth, poisoned.ids
    answer = refused(client.get(path.format(**ids), params=params, headers=auth), 422)
    assert {e["field"] for e in answer["errors"]} <= {"start", "end", "at"}


LISTS = ["/customers", "/events", "/meters", "/products", "/invoices", "/customers/cus_ok/credits"]


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("page_number", ["9223372036854775808", "99999999999999999999", "1000001", "-1"])
def test_a_page_number_out_of_bounds_is_422(poisoned, path, page_number):
    client, auth = poisoned.client, poisoned.auth
    answer = refused(client.get(path, params={"page_number": page_number}, headers=auth), 422)
    assert "page_number" in str(answer)


@pytest.mark.parametrize("path", LISTS)
def test_the_last_allowed_page_is_an_empty_page(poisoned, path):
    client, auth = poisoned.client, poisoned.auth
    answer = client.get(path, params={"page_number": "1000000", "page_size": "1000"}, headers=auth)
    assert answer.status_code == 200, answer.text


DEEP = b'{"customer_id":"x","name":' + b"[" * 100_000 + b"]" * 100_000 + b"}"
BODIES = [
    ("/customers", DEEP),
    ("/events/ingest", b'{"events":' + b"[" * 100_000 + b"]" * 100_000 + b"}"),
    (
        "/meters",
        b'{"name":"m","event_name":"e","aggregation":{"type":"count"},"filter":'
        + b"{" * 100_000
        + b"}" * 100_000
        + b"}",
    ),
    (
        "/products",
        b'{"name":"p","currency":"USD","billing_interval":"day","usage_prices":' + b"[" * 65 + b"]" * 65 + b"}",
    ),
    ("/customers", b'{"customer_id":"\xff"}'),
    ("/events/ingest", b'{"events":[{"event_id":"\xed\xa0\x80","customer_id":"cus_ok","event_name":"e"}]}'),
    ("/meters", b'{"name":"\xc3","event_name":"e","aggregation":{"type":"count"}}'),
    ("/customers/cus_ok/credits", b'{"amount":"1","reason":"\xff"}'),
]


@pytest.mark.parametrize(
    ("path", "body"),
    BODIES,
    ids=[
        "deep customer",
        "deep batch",
        "deep filter",
        "65 levels",
        "bad utf-8 customer",
        "surrogate bytes event",
        "truncated utf-8 meter",
        "bad utf-8 grant",
    ],
)
def test_an_unreadable_body_is_400_malformed_json_and_stores_nothing(poisoned, path, body):
    client, auth, tally, worker = poisoned.client, poisoned.auth, poisoned.tally, poisoned.worker
    head = tally.store.head()
    refused(
        client.post(path, content=body, headers={**auth, "Content-Type": "application/json"}), 400, "malformed_json"
    )
    assert tally.store.head() == head
    assert ingest(client, auth, event("after", customer="cus_ok")).status_code == 200
    worker.caught_up()


@pytest.mark.parametrize("path", ["/customers", "/events/ingest", "/meters", "/products", "/customers/cus_ok/credits"])
def test_a_body_that_is_not_json_is_400_malformed_json_on_every_route(poisoned, path):
    client, auth = poisoned.client, poisoned.auth
    refused(
        client.post(path, content=b'{"name": nope}', headers={**auth, "Content-Type": "application/json"}),
        400,
        "malformed_json",
    )


def test_a_body_without_a_json_content_type_is_checked_too(poisoned):
    client, auth = poisoned.client, poisoned.auth
    refused(
        client.post(
            "/events/ingest",
            content=b'{"events":' + b"[" * 1000 + b"]" * 1000 + b"}",
            headers={**auth, "Content-Type": "text/plain"},
        ),
        400,
        "malformed_json",
    )


def test_json_nested_64_levels_is_read_as_usual(poisoned):
    client, auth = poisoned.client, poisoned.auth
    nested: Any = "v"
    for _ in range(60):
        nested = [nested]
    answer = ingest(client, auth, {**event("deep", customer="cus_ok"), "metadata": {"k": nested}})
    assert refused(answer, 422, "invalid_events")["errors"][0]["field"] == "metadata.k"


def test_tab_and_newline_are_allowed_in_prose(poisoned):
    client, auth, worker = poisoned.client, poisoned.auth, poisoned.worker
    description = "Counts calls.\r\n\tSee the docs."
    created = client.post("/meters", json=meter(description=description), headers=auth)
    assert created.status_code == 201, created.text
    worker.caught_up()
    assert client.get(f"/meters/{created.json()['id']}", headers=auth).json()["description"] == description


@pytest.mark.parametrize(
    "path",
    [
        "/events?customer_id=a%00b",
        "/events?event_name=a%00b",
        "/invoices?customer_id=a%00b",
        "/events/a%00b",
        "/customers/a%00b",
        "/customers?x%00=1",
        "/meters/{meter}/usage?start=2026-01-01T00:00:00Z&end=2026-01-02T00:00:00Z&customer_id=a%00",
    ],
)
def test_a_path_or_query_with_nul_is_422_not_a_database_error(poisoned, path):
    client, auth, ids = poisoned.client, poisoned.auth, poisoned.ids
    answer = refused(client.get(path.format(**ids), headers=auth), 422, "invalid_request")
    assert answer["errors"][0]["field"] in ("path", "customer_id", "event_name", "x\\u0000")
