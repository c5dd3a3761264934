"""Simulations over HTTP: what HTTP adds (202 at once, the position to wait for, problem+json, 404 for
another business); the arithmetic is tested in tests/domain and tests/application."""

import uuid
from datetime import datetime, timezone

from tests.interfaces.billing_helpers import (
    close,
    meter,
    product,
    send,
    subscribe,
    yesterday,
)


def run_jobs(tally, worker):
    worker.caught_up()
    while tally.simulations.step(datetime.now(timezone.utc)):
        worker.caught_up()


def test_a_simulation_is_answered_at_once_then_read_back_listed_and_deleted(client, auth, tally, worker, make_customer):
    customer = make_customer("cus_h")
    calls = meter(client, auth, "api.call")
    plan = product(client, auth, {"meter_id": calls, "unit_price": "0.02", "free_threshold": "1000"})
    start = yesterday()
    send(client, auth, customer, "api.call", 2500, start, "c")
    close(client, auth, subscribe(client, auth, customer, plan["id"], start)["id"])

    started = client.post(
        "/simulations",
        headers=auth,
        json={
            "product_id": plan["id"],
            "cycles": 1,
            "usage_prices": [{"meter_id": calls, "unit_price": "0.03", "free_threshold": "1000"}],
            "scenarios": [{"name": "flat", "usage_prices": [], "price": "20.00"}],
        },
    )
    assert started.status_code == 202, started.text
    answer = started.json()
    assert answer["status"] == "pending" and answer["position"] > 0
    run_jobs(tally, worker)

    shown = client.get(f"/simulations/{answer['id']}", headers=auth, params={"min_position": answer["position"]})
    assert shown.status_code == 200, shown.text
    body = shown.json()
    assert body["status"] == "done" and body["progress"] == {"done": 1, "total": 1, "percent": 100}
    assert [(t["name"], t["simulated"], t["difference"]) for t in body["totals"]] == [
        ("proposed", "45.00", "15.00"),
        ("flat", "50.00", "20.00"),
    ]
    assert [(r["scenario"], r["issued"], r["simulated"]) for r in body["revenue"]] == [
        ("flat", "30.00", "50.00"),
        ("proposed", "30.00", "45.00"),
    ]
    listed = client.get("/simulations", headers=auth).json()["items"]
    assert [s["id"] for s in listed] == [answer["id"]]

    deleted = client.delete(f"/simulations/{answer['id']}", headers=auth)
    assert deleted.status_code == 200, deleted.text
    gone = client.get(f"/simulations/{answer['id']}", headers=auth, params={"min_position": deleted.json()["position"]})
    assert gone.status_code == 404 and gone.json()["code"] == "simulation_not_found"


def test_bad_terms_are_a_problem_and_write_nothing(client, auth, tally):
    calls = meter(client, auth, "api.call")
    plan = product(client, auth, {"meter_id": calls, "unit_price": "0.02"})
    head = tally.store.head()
    negative = client.post(
        "/simulations",
        headers=auth,
        json={"product_id": plan["id"], "usage_prices": [{"meter_id": calls, "unit_price": "-1"}]},
    )
    unknown_field = client.post(
        "/simulations",
        headers=auth,
        json={"product_id": plan["id"], "usage_prices": [{"meter_id": calls, "unit_price": "1", "colour": "red"}]},
    )
    both = client.post(
        "/simulations",
        headers=auth,
        json={
            "product_id": plan["id"],
            "cycles": 2,
            "start": "2026-01-01T00:00:00Z",
            "end": "2026-02-01T00:00:00Z",
            "usage_prices": [],
        },
    )
    assert negative.status_code == 422 and negative.headers["content-type"].startswith("application/problem+json")
    assert negative.json()["code"] == "invalid_simulation"
    assert unknown_field.status_code in (400, 422) and both.status_code == 422
    assert tally.store.head() == head


def test_another_business_gets_404_for_the_simulation_and_the_product(client, auth, tally, worker, make_customer):
    calls = meter(client, auth, "api.call")
    plan = product(client, auth, {"meter_id": calls, "unit_price": "0.02"})
    started = client.post("/simulations", headers=auth, json={"product_id": plan["id"], "usage_prices": []})
    assert started.status_code == 202, started.text
    run_jobs(tally, worker)
    other = {"Authorization": f"Bearer {tally.businesses.create_key(f'other-{uuid.uuid4().hex[:8]}')}"}
    sid = started.json()["id"]
    assert client.get(f"/simulations/{sid}", headers=other).status_code == 404
    assert client.delete(f"/simulations/{sid}", headers=other).status_code == 404
    assert (
        client.post("/simulations", headers=other, json={"product_id": plan["id"], "usage_prices": []}).status_code
        == 404
    )
    assert client.get("/simulations", headers=other).json()["items"] == []
