"""Nothing accepted is ignored: a field tally would only store is refused with 422 and a hint, nothing
written (docs/credit-entitlements.md, "Fields tally refuses"); a rollover timeframe acts and is refused only half
given."""

from __future__ import annotations

ENTITLEMENT = {"name": "credits", "unit": "credits", "precision": 0, "rollover_enabled": True, "overage_enabled": False}


def test_a_rollover_timeframe_is_taken_whole_and_refused_half_on_an_entitlement_and_on_an_attachment(client, auth):
    refused = client.post("/credit-entitlements", json={**ENTITLEMENT, "rollover_timeframe_count": 2}, headers=auth)
    assert refused.status_code == 422 and refused.headers["content-type"].startswith("application/problem+json")
    assert [e["field"] for e in refused.json()["errors"]] == ["rollover_timeframe_count"]
    assert client.get("/credit-entitlements", headers=auth).json()["items"] == []

    timeframe = {"rollover_timeframe_count": 2, "rollover_timeframe_interval": "Month"}
    taken = client.post("/credit-entitlements", json={**ENTITLEMENT, **timeframe}, headers=auth)
    assert taken.status_code == 201, taken.text
    assert {k: taken.json()[k] for k in timeframe} == timeframe
    entitlement = taken.json()["id"]
    half = {"credit_entitlement_id": entitlement, "credits_amount": "100", "rollover_timeframe_interval": "Day"}
    product = {"name": "p", "currency": "USD", "billing_interval": "month", "credit_entitlements": [half]}
    assert client.post("/products", json=product, headers=auth).status_code in (
        200,
        201,
    )  # the count is the entitlement's
    plain = client.post("/credit-entitlements", json=ENTITLEMENT, headers=auth).json()["id"]
    half = {"credit_entitlement_id": plain, "credits_amount": "100", "rollover_timeframe_count": 1}
    product = {"name": "q", "currency": "USD", "billing_interval": "month", "credit_entitlements": [half]}
    assert client.post("/products", json=product, headers=auth).status_code == 422


def test_trial_credits_on_an_attachment_are_refused_with_a_hint_and_no_product_stored(client, auth):
    entitlement = client.post("/credit-entitlements", json=ENTITLEMENT, headers=auth).json()["id"]
    plain = {"name": "plain", "currency": "USD", "billing_interval": "month"}
    kept = client.post("/products", json=plain, headers=auth).json()["id"]
    for trial in ({"trial_credits": "10"}, {"trial_credits_expire_after_trial": True}):
        attached = {"credit_entitlement_id": entitlement, "credits_amount": "100", **trial}
        product = {"name": "p", "currency": "USD", "billing_interval": "month", "credit_entitlements": [attached]}
        refused = client.post("/products", json=product, headers=auth)
        assert refused.status_code == 422, refused.text
        [fault] = refused.json()["errors"]
        assert fault["field"] == f"credit_entitlements.{next(iter(trial))}" and "ledger entry" in fault["reason"]
        path = f"/products/{kept}/credit-entitlements/{entitlement}"
        assert client.put(path, json={"credits_amount": "100", **trial}, headers=auth).status_code == 422
    assert [p["id"] for p in client.get("/products", headers=auth).json()["items"]] == [kept]
    assert client.get(f"/products/{kept}", headers=auth).json()["credit_entitlements"] == []


def test_a_priced_meters_own_text_on_dodos_product_is_refused_not_ignored(client, auth):
    meter = client.post(
        "/meters", json={"name": "calls", "event_name": "api.call", "aggregation": {"type": "count"}}, headers=auth
    ).json()["id"]
    price = {
        "type": "usage_based_price",
        "currency": "USD",
        "payment_frequency_count": 1,
        "payment_frequency_interval": "Month",
        "subscription_period_count": 20,
        "subscription_period_interval": "Year",
        "fixed_price": 0,
        "meters": [{"meter_id": meter, "price_per_unit": "2", "free_threshold": 0, "name": "API calls"}],
    }
    body = {"name": "Dodo", "price": price, "tax_category": "saas"}
    refused = client.post("/products", json=body, headers=auth)
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "price.meters.name"
    del price["meters"][0]["name"]
    assert client.post("/products", json=body, headers=auth).status_code in (200, 201)
