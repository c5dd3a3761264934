"""Another business's products, subscriptions, invoices and usage are out of reach (404),
and bad billing requests change nothing (problem+json with a stable code)."""

from datetime import datetime, timedelta, timezone

import pytest

from tests.interfaces.billing_helpers import close, meter, product, send, subscribe

START = (datetime.now(timezone.utc) - timedelta(days=1, minutes=30)).replace(second=0, microsecond=0)


@pytest.fixture
def other(tally):
    return {"Authorization": f"Bearer {tally.businesses.create_key('other-business')}"}


@pytest.fixture
def billed(client, auth):
    assert client.post("/customers", json={"customer_id": "cus_x"}, headers=auth).status_code == 201
    calls = meter(client, auth, "api.call")
    plan = product(client, auth, {"meter_id": calls, "unit_price": "1"})
    return calls, plan


def test_a_customer_of_another_business_is_never_billed_for_this_ones_events(client, auth, other, billed):
    assert client.post("/customers", json={"customer_id": "cus_x"}, headers=other).status_code == 201
    their_plan = product(client, other, {"meter_id": meter(client, other, "api.call"), "unit_price": "1"})
    send(client, auth, "cus_x", "api.call", 5, START + timedelta(minutes=5), "ours")
    send(client, other, "cus_x", "api.call", 2, START + timedelta(minutes=5), "theirs")
    ours = subscribe(client, auth, "cus_x", billed[1]["id"], START)
    theirs = subscribe(client, other, "cus_x", their_plan["id"], START)

    assert close(client, other, theirs["id"])[0]["total"] == "2.00"
    assert close(client, auth, ours["id"])[0]["total"] == "5.00"


def test_another_business_cannot_see_or_touch_billing_resources(client, auth, other, billed):
    calls, plan = billed
    subscription = subscribe(client, auth, "cus_x", plan["id"], START)
    [invoice] = close(client, auth, subscription["id"])
    assert client.post("/customers", json={"customer_id": "cus_x"}, headers=other).status_code == 201
    requests = [
        ("GET", f"/products/{plan['id']}", None),
        ("PUT", f"/products/{plan['id']}/usage-prices/{calls}", {"unit_price": "0"}),
        ("DELETE", f"/products/{plan['id']}/usage-prices/{calls}", None),
        ("GET", f"/subscriptions/{subscription['id']}", None),
        ("POST", f"/subscriptions/{subscription['id']}/close-cycle", None),
        ("POST", f"/products/{plan['id']}/archive", None),
        ("POST", f"/subscriptions/{subscription['id']}/cancel", None),
        ("GET", f"/invoices/{invoice['id']}", None),
        ("POST", "/subscriptions", {"customer_id": "cus_x", "product_id": plan["id"]}),
    ]
    for method, path, body in requests:
        r = client.request(method, path, json=body, headers=other)
        assert r.status_code == 404 and r.headers["content-type"].startswith("application/problem+json"), path
    assert client.get("/invoices", headers=other).json()["items"] == []
    assert client.get("/products", headers=other).json()["items"] == []


@pytest.mark.parametrize(
    "body, code",
    [
        ({"name": "p", "currency": "XXX", "billing_interval": "month"}, "invalid_product"),
        ({"name": "p", "currency": "USD", "billing_interval": "month", "price": "1.001"}, "invalid_product"),
        ({"name": "p", "currency": "JPY", "billing_interval": "month", "price": "1.5"}, "invalid_product"),
        ({"name": "p", "currency": "USD", "billing_interval": "month", "interval_count": 0}, "invalid_product"),
        ({"name": "p", "currency": "USD", "billing_interval": "fortnight"}, "invalid_request"),
        ({"name": "p", "currency": "USD", "billing_interval": "month", "surprise": 1}, "invalid_request"),
        (
            {
                "name": "p",
                "currency": "USD",
                "billing_interval": "month",
                "usage_prices": [{"meter_id": "00000000-0000-0000-0000-000000000000", "unit_price": "1"}],
            },
            "unknown_meter",
        ),
    ],
)
def test_a_bad_product_is_refused_whole(client, auth, body, code):
    r = client.post("/products", json=body, headers=auth)
    assert r.status_code in (400, 422) and r.json()["code"] == code, r.text
    assert client.get("/products", headers=auth).json()["items"] == []


@pytest.mark.parametrize(
    "price, field",
    [
        ({"unit_price": "-1"}, "unit_price"),
        ({"unit_price": "0.0000000000001"}, "unit_price"),
        ({"unit_price": "1", "free_threshold": "-5"}, "free_threshold"),
        ({"unit_price": "1e100000"}, "unit_price"),
        ({"unit_price": "NaN"}, "unit_price"),
        ({"unit_price": "1", "credits": {"per_cycle": "10", "per_unit": "0"}}, "credits.per_unit"),
    ],
)
def test_a_bad_usage_price_is_refused_and_the_price_stays(client, auth, billed, price, field):
    calls, plan = billed
    r = client.put(f"/products/{plan['id']}/usage-prices/{calls}", json=price, headers=auth)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == field, r.text
    assert client.get(f"/products/{plan['id']}", headers=auth).json()["usage_prices"][0]["unit_price"] == "1"


def test_unit_prices_keep_twelve_decimal_places(client, auth, billed):
    calls, plan = billed
    r = client.put(f"/products/{plan['id']}/usage-prices/{calls}", json={"unit_price": "0.0000025"}, headers=auth)
    assert r.status_code == 200 and r.json()["usage_prices"][0]["unit_price"] == "0.0000025"


def test_an_archived_product_takes_no_new_subscriptions_or_prices(client, auth, billed):
    calls, plan = billed
    r = client.post(f"/products/{plan['id']}/archive", headers=auth)
    assert r.status_code == 200 and r.json()["archived"] is True
    r = client.post("/subscriptions", json={"customer_id": "cus_x", "product_id": plan["id"]}, headers=auth)
    assert r.status_code == 409 and r.json()["code"] == "product_archived"
    r = client.put(f"/products/{plan['id']}/usage-prices/{calls}", json={"unit_price": "2"}, headers=auth)
    assert r.status_code == 409 and r.json()["code"] == "product_archived"


def test_subscribing_an_unknown_customer_or_product_is_not_found(client, auth, billed):
    _, plan = billed
    r = client.post("/subscriptions", json={"customer_id": "cus_nobody", "product_id": plan["id"]}, headers=auth)
    assert r.status_code == 404 and r.json()["code"] == "customer_not_found"
    r = client.post("/subscriptions", json={"customer_id": "cus_x", "product_id": "not-a-uuid"}, headers=auth)
    assert r.status_code in (400, 422)
    r = client.post(
        "/subscriptions",
        json={"customer_id": "cus_x", "product_id": plan["id"], "start": "2026-01-01T00:00:00"},
        headers=auth,
    )
    assert r.status_code in (400, 422) and r.json()["code"] == "invalid_request"
