"""Money fields take plain decimal strings only, in the API and in the dashboard's forms (docs/input.md)."""

from __future__ import annotations

import pytest

from tests.interfaces.dashboard.test_pages_http import sign_in

LOOSE = [" 1 ", "1_000", "\u0663", "1e3", "+-1", "+1", "--1", "NaN", "Infinity", "1.", ".5", "1.2.3", "", 1, 1.5]


def balance(client, auth, customer):
    shown = client.get(f"/customers/{customer}/credits", headers=auth).json()
    return shown["balance"], shown["ledger"]


@pytest.mark.parametrize("amount", LOOSE)
def test_a_grant_of_a_loosely_written_amount_is_refused_and_grants_nothing(client, auth, make_customer, amount):
    customer = make_customer("cus_loose")
    r = client.post(f"/customers/{customer}/credits", json={"amount": amount, "idempotency_key": "k"}, headers=auth)
    assert r.status_code == 422 and r.json()["code"] == "invalid_request", r.text
    assert [e["field"] for e in r.json()["errors"]] == ["amount"]
    assert balance(client, auth, customer) == ("0", [])


def test_a_plainly_written_amount_is_granted(client, auth, make_customer):
    customer = make_customer("cus_plain")
    r = client.post(f"/customers/{customer}/credits", json={"amount": "0012.50"}, headers=auth)
    assert r.status_code == 200, r.text
    assert balance(client, auth, customer)[0] == "12.5"


def test_a_loose_decimal_deep_in_a_product_is_refused_with_its_path(client, auth):
    meter = client.post(
        "/meters", json={"name": "calls", "event_name": "call", "aggregation": {"type": "count"}}, headers=auth
    ).json()["id"]
    tiers = [{"up_to": "1_000", "unit_price": "0.02"}, {"up_to": None, "unit_price": "1e-2"}]
    body = {
        "name": "plan",
        "currency": "USD",
        "billing_interval": "month",
        "usage_prices": [{"meter_id": meter, "model": "graduated", "tiers": tiers}],
    }
    r = client.post("/products", json=body, headers=auth)
    assert r.status_code == 422, r.text
    assert [e["field"] for e in r.json()["errors"]] == [
        "usage_prices[0].tiers[0].up_to",
        "usage_prices[0].tiers[1].unit_price",
    ]
    assert client.get("/products", headers=auth).json()["items"] == []


def test_the_dashboards_grant_form_refuses_a_loose_amount_as_the_api_does(client, auth, key, make_customer):
    customer = make_customer("cus_form")
    sign_in(client, key)
    page = client.post(f"/dashboard/customers/{customer}/credits", data={"amount": "1_000"})
    assert page.status_code == 422 and "ASCII digits" in page.text
    assert balance(client, auth, customer) == ("0", [])
