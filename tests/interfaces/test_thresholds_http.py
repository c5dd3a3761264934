"""Usage thresholds over HTTP: accepted on a product and shown, replaced by PUT, refused (422 problem+json,
nothing stored) at or below zero, with more decimals than the currency, or twice recurring."""

from __future__ import annotations

PLAIN = {"name": "Tokens", "currency": "USD", "billing_interval": "month"}


def test_thresholds_are_shown_replaced_and_ended(client, auth):
    created = client.post("/products", json={**PLAIN, "usage_thresholds": [{"amount": "50.00"}]}, headers=auth)
    assert created.status_code == 201, created.text
    product = created.json()["id"]
    assert created.json()["usage_thresholds"] == [{"amount": "50.00", "recurring": False}]
    replaced = client.put(
        f"/products/{product}/usage-thresholds",
        json={"usage_thresholds": [{"amount": "20", "recurring": True}, {"amount": "100.00"}]},
        headers=auth,
    )
    assert replaced.status_code == 200, replaced.text
    shown = client.get(f"/products/{product}", headers=auth).json()["usage_thresholds"]
    assert shown == [{"amount": "20", "recurring": True}, {"amount": "100.00", "recurring": False}]
    client.put(f"/products/{product}/usage-thresholds", json={"usage_thresholds": []}, headers=auth)
    assert client.get(f"/products/{product}", headers=auth).json()["usage_thresholds"] == []


def test_bad_thresholds_are_refused_and_nothing_is_stored(client, auth):
    kept = client.post("/products", json=PLAIN, headers=auth).json()["id"]
    for thresholds in (
        [{"amount": "0"}],
        [{"amount": "-5.00"}],
        [{"amount": "5.001"}],
        [{"amount": "5", "recurring": True}, {"amount": "6", "recurring": True}],
        [{"amount": "5", "every": "day"}],
    ):
        refused = client.post("/products", json={**PLAIN, "usage_thresholds": thresholds}, headers=auth)
        assert refused.status_code == 422, (thresholds, refused.text)
        assert refused.headers["content-type"].startswith("application/problem+json")
        put = client.put(f"/products/{kept}/usage-thresholds", json={"usage_thresholds": thresholds}, headers=auth)
        assert put.status_code == 422, (thresholds, put.text)
    assert [p["id"] for p in client.get("/products", headers=auth).json()["items"]] == [kept]
    assert client.get(f"/products/{kept}", headers=auth).json()["usage_thresholds"] == []
