"""POST /events/ingest and GET /events over HTTP, as a Dodo client sees them."""

import uuid

import pytest

from tests.interfaces.helpers import event, ingest, items


def listed(client, auth, position, **params):
    query = {"min_position": position, "page_size": 1000, **params}
    return items(client.get("/events", params=query, headers=auth))


def test_an_ingested_event_is_listed(client, auth, make_customer):
    make_customer("cus_abc", name="Acme")
    r = ingest(client, auth, event("evt_123", metadata={"endpoint": "/v1/users", "tokens": "150", "gb": 12.5}))
    assert r.status_code == 200
    assert r.json()["ingested_count"] == 1 and r.json()["duplicate_count"] == 0
    [row] = listed(client, auth, r.json()["position"])
    assert row["event_id"] == "evt_123" and row["customer_id"] == "cus_abc"
    assert row["metadata"] == {"endpoint": "/v1/users", "tokens": "150", "gb": 12.5}
    one = client.get("/events/evt_123", headers=auth)
    assert one.status_code == 200 and one.json()["event_name"] == "api.call"


def test_resent_batch_is_counted_as_duplicates_and_listed_once(client, auth, make_customer):
    make_customer("cus_abc", name="Acme")
    body = [event("a"), event("b")]
    first = ingest(client, auth, *body).json()
    again = ingest(client, auth, *body).json()
    assert (again["ingested_count"], again["duplicate_count"]) == (0, 2)
    assert sorted(e["event_id"] for e in listed(client, auth, max(first["position"], again["position"]))) == ["a", "b"]


def test_events_are_listed_newest_first_and_filtered(client, auth, make_customer):
    make_customer("cus_abc", name="Acme")
    client.post("/customers", json={"customer_id": "cus_other"}, headers=auth)
    pos = ingest(
        client,
        auth,
        event("old", timestamp="2026-01-01T00:00:00Z"),
        event("new", timestamp="2026-01-03T00:00:00Z"),
        event("mid", name="sms.sent", timestamp="2026-01-02T00:00:00Z"),
        event("theirs", customer="cus_other", timestamp="2026-01-02T00:00:00Z"),
    ).json()["position"]
    assert [e["event_id"] for e in listed(client, auth, pos, customer_id="cus_abc")] == ["new", "mid", "old"]
    assert [e["event_id"] for e in listed(client, auth, pos, event_name="sms.sent")] == ["mid"]
    window = listed(client, auth, pos, start="2026-01-02T00:00:00Z", end="2026-01-03T00:00:00Z")
    assert sorted(e["event_id"] for e in window) == ["mid", "theirs"]
    page = client.get("/events", params={"page_size": 3, "page_number": 1}, headers=auth).json()
    assert [e["event_id"] for e in page["items"]] == ["old"] and page["has_more"] is False


@pytest.mark.parametrize(
    "body, status",
    [
        ({"events": [{"event_id": "x", "customer_id": "cus_abc"}]}, 422),
        ({"events": [event("x", customer="cus_nobody")]}, 422),
        ({"events": [event("x"), event("x")]}, 422),
        ({"events": [event("x", timestamp="2999-01-01T00:00:00Z")]}, 422),
        ({"events": [event("x", timestamp="not a time")]}, 422),
        ({"events": [event("x", metadata={"nested": {"a": 1}})]}, 422),
        ({"events": [event(f"m{i}") for i in range(1001)]}, 422),
        ({"events": []}, 422),
        ({"events": [event("x"), event("y", name="")]}, 422),
        ({"nope": []}, 422),
    ],
    ids=[
        "missing field",
        "unknown customer",
        "repeated id",
        "far future",
        "bad timestamp",
        "nested metadata",
        "too many",
        "empty",
        "one bad among good",
        "no events",
    ],
)
def test_bad_batches_are_rejected_whole_with_problem_json(client, auth, make_customer, body, status):
    make_customer("cus_abc", name="Acme")
    r = client.post("/events/ingest", json=body, headers=auth)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["code"] in {"invalid_events", "invalid_request", "invalid_batch_size"}
    marker = ingest(client, auth, event("marker")).json()["position"]
    assert [e["event_id"] for e in listed(client, auth, marker)] == ["marker"]


def test_faults_name_the_event_and_field(client, auth, make_customer):
    make_customer("cus_abc", name="Acme")
    r = ingest(client, auth, event("ok"), event("bad", customer="cus_nobody"))
    assert r.json()["errors"] == [{"index": 1, "field": "customer_id", "reason": "unknown customer cus_nobody"}]


def test_malformed_json_is_a_400_problem(client, auth, make_customer):
    make_customer("cus_abc", name="Acme")
    r = client.post(
        "/events/ingest", content=b'{"events": [not json]}', headers={**auth, "Content-Type": "application/json"}
    )
    assert r.status_code == 400 and r.json()["code"] == "malformed_json"


def test_a_body_over_one_mebibyte_is_413(client, auth, make_customer):
    make_customer("cus_abc", name="Acme")
    big = [event(f"e{i}", metadata={"pad": "x" * 490, "pad2": "y" * 490}) for i in range(1000)]
    r = client.post("/events/ingest", json={"events": big}, headers=auth)
    assert r.status_code == 413 and r.json()["code"] == "payload_too_large"


def test_missing_or_wrong_keys_are_401(client, make_customer):
    make_customer("cus_abc", name="Acme")
    assert client.get("/events").status_code == 401
    r = client.get("/events", headers={"Authorization": f"Bearer tally_{uuid.uuid4().hex}_nope"})
    assert r.status_code == 401 and r.json()["code"] == "unauthorized"
    assert client.get("/events", headers={"Authorization": "Basic abc"}).status_code == 401


def test_another_business_sees_none_of_it(client, auth, make_customer, tally):
    make_customer("cus_abc", name="Acme")
    pos = ingest(client, auth, event("mine")).json()["position"]
    other = {"Authorization": f"Bearer {tally.businesses.create_key('rival')}"}
    assert listed(client, other, pos) == []
    assert client.get("/customers/cus_abc", headers=other).status_code == 404
    assert client.get("/events/mine", headers=other).status_code == 404
    assert ingest(client, other, event("theirs")).status_code == 422
    assert client.patch("/customers/cus_abc", json={"name": "x"}, headers=other).status_code == 404


def test_customers_are_created_listed_and_updated(client, auth):
    made = client.post("/customers", json={"name": "Gen"}, headers=auth).json()
    assert made["customer_id"].startswith("cus_")
    dup = client.post("/customers", json={"customer_id": made["customer_id"]}, headers=auth)
    assert dup.status_code == 409 and dup.json()["code"] == "customer_exists"
    r = client.patch(f"/customers/{made['customer_id']}", json={"email": "a@b.c"}, headers=auth)
    assert r.json()["email"] == "a@b.c" and r.json()["name"] == "Gen"
    listed_ = items(client.get("/customers", params={"min_position": r.json()["position"]}, headers=auth))
    assert [(c["customer_id"], c["email"]) for c in listed_] == [(made["customer_id"], "a@b.c")]


def test_health_reports_head_and_projection_positions(client, auth, make_customer, worker):
    make_customer("cus_abc", name="Acme")
    pos = ingest(client, auth, event("h")).json()["position"]
    worker.caught_up(pos)
    body = client.get("/health").json()
    assert body["position"] == pos and set(body["projections"]) >= {"usage", "customers"}
    assert all(p == pos for p in body["projections"].values())


def test_openapi_lists_ingest(client):
    assert "/events/ingest" in client.get("/schema/openapi.json").json()["paths"]
