"""A usage alert fires once per cycle, within a round of the alert job after the event that crossed it;
a credits alert sends credit.balance_low."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from tests.cli.processes import eventually

WAIT_S = 30


def ingest(client, auth, customer, n, prefix):
    now = datetime.now(timezone.utc)
    events = [
        {
            "event_id": f"{prefix}-{i}",
            "customer_id": customer,
            "event_name": "api.call",
            "timestamp": (now - timedelta(seconds=i)).isoformat(),
        }
        for i in range(n)
    ]
    r = client.post("/events/ingest", json={"events": events}, headers=auth)
    assert r.status_code == 200, r.text


def test_a_usage_alert_fires_once_per_cycle(client, auth, receiver, sender, make_customer, tally, worker):
    customer = make_customer("cus_alert")
    meter = client.post(
        "/meters", json={"name": "Calls", "event_name": "api.call", "aggregation": {"type": "count"}}, headers=auth
    ).json()["id"]
    product = client.post(
        "/products",
        json={
            "name": "P",
            "currency": "USD",
            "billing_interval": "month",
            "usage_prices": [{"meter_id": meter, "unit_price": "0.01"}],
        },
        headers=auth,
    ).json()["id"]
    start = datetime.now(timezone.utc) - timedelta(days=1)
    assert (
        client.post(
            "/subscriptions",
            json={"customer_id": customer, "product_id": product, "start": start.isoformat()},
            headers=auth,
        ).status_code
        == 201
    )
    client.post("/webhooks", json={"url": receiver.url("/alerts"), "filter_types": ["alert.triggered"]}, headers=auth)
    r = client.post(
        "/alerts", json={"customer_id": customer, "meter_id": meter, "threshold": "5", "kind": "usage"}, headers=auth
    )
    assert r.status_code == 201, r.text
    job = tally.alerts.alert_job(interval=0)
    worker.caught_up()
    assert not job()  # nothing used yet
    ingest(client, auth, customer, 6, "a")
    worker.caught_up()
    assert job()
    ingest(client, auth, customer, 4, "b")
    worker.caught_up()
    assert not job()  # crossed again in the same cycle: no second trigger
    got = eventually(lambda: receiver.answered("/alerts"), WAIT_S, "alert.triggered delivered")
    worker.caught_up()
    assert len(receiver.at("/alerts")) == 1
    data = json.loads(got[0].body)["data"]
    assert data["customer_id"] == customer and data["meter_id"] == meter and data["value"] == "6"
    assert data["threshold"] == "5" and data["cycle_start"] is not None


def test_a_credits_alert_sends_balance_low_when_the_balance_falls_under_it(
    client, auth, receiver, sender, make_customer, tally, worker
):
    customer = make_customer("cus_low")
    client.post("/webhooks", json={"url": receiver.url("/low"), "filter_types": ["credit.balance_low"]}, headers=auth)
    assert client.post("/alerts", json={"threshold": "5", "kind": "credits"}, headers=auth).status_code == 201
    job = tally.alerts.alert_job(interval=0)
    client.post(f"/customers/{customer}/credits", json={"amount": "10"}, headers=auth)
    worker.caught_up()
    assert not job()
    wallet = tally.credits.wallet_of(tally.businesses.authenticate(auth["Authorization"][7:]), customer)
    wallet.debit(wallet.balance - 2, "c", "m", "test", "test")
    tally.store.save(wallet)
    worker.caught_up()
    assert job()
    got = eventually(lambda: receiver.answered("/low"), WAIT_S, "credit.balance_low delivered")
    body = json.loads(got[0].body)
    assert body["type"] == "credit.balance_low" and body["data"]["available_balance"] == "2"


def test_an_alert_needs_a_meter_for_usage_and_a_known_customer(client, auth, make_customer):
    r = client.post("/alerts", json={"threshold": "5", "kind": "usage"}, headers=auth)
    assert r.status_code == 422 and r.json()["code"] == "invalid_alert"
    r = client.post("/alerts", json={"threshold": "5", "kind": "spend", "customer_id": "nobody"}, headers=auth)
    assert r.status_code == 404
