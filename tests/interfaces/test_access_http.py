"""Access over HTTP (docs/access.md): what HTTP adds to the service's behaviour: the check's answer and its
numbers as decimal strings, the consume's 201 and 409, features, a customer's entitlements, and every
refusal as problem+json with nothing stored."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

from tests.interfaces.billing_helpers import created, iso, meter, product, send, subscribe


def now_minute() -> datetime:
    return datetime.now(timezone.utc).replace(second=0, microsecond=0)


def limited(client, auth, calls: str, limit: str, behavior: str = "block", **extra) -> str:
    price = {"meter_id": calls, "unit_price": "0.02", "usage_limit": limit, "limit_behavior": behavior}
    return product(client, auth, price, billing_interval="month", **extra)["id"]


def consume(client, auth, customer: str, calls: str, event_id: str, quantity=1):
    event = {"event_id": event_id, "customer_id": customer, "event_name": "api.call"}
    body = {"meter_id": calls, "quantity": quantity, "event": event}
    return client.post(f"/customers/{customer}/access/consume", json=body, headers=auth)


def test_the_check_answers_the_cycles_usage_against_the_limit(client, auth, make_customer):
    customer = make_customer("cus_a")
    calls = meter(client, auth, "api.call")
    plan = limited(client, auth, calls, "5")
    assert product(client, auth)  # another product, unrelated
    subscribe(client, auth, customer, plan, now_minute())
    send(client, auth, customer, "api.call", 4, now_minute(), "a")

    r = client.get(f"/customers/{customer}/access?meter_id={calls}&quantity=1", headers=auth)

    body = r.json()
    assert r.status_code == 200, r.text
    assert {k: body[k] for k in ("allowed", "reason", "used", "limit", "remaining", "meter_id")} == {
        "allowed": True,
        "reason": "ok",
        "used": "4",
        "limit": "5",
        "remaining": "1",
        "meter_id": calls,
    }
    assert body["cycle_start"] == iso(now_minute()) and body["position"] > 0
    two = client.get(f"/customers/{customer}/access?meter_id={calls}&quantity=2", headers=auth).json()
    assert (two["allowed"], two["reason"]) == (False, "usage_limit")


def test_a_consume_answers_201_until_the_limit_then_409_limit_reached(client, auth, make_customer):
    customer = make_customer("cus_r")
    calls = meter(client, auth, "api.call")
    subscribe(client, auth, customer, limited(client, auth, calls, "2"), now_minute())

    answers = [consume(client, auth, customer, calls, f"e{i}") for i in range(3)]
    again = consume(client, auth, customer, calls, "e0")

    assert [r.status_code for r in answers] == [201, 201, 409]
    assert answers[1].json()["event"]["event_id"] == "e1" and answers[1].json()["remaining"] == "0"
    assert answers[2].headers["content-type"].startswith("application/problem+json")
    assert (answers[2].json()["code"], answers[2].json()["reason"]) == ("limit_reached", "usage_limit")
    assert (again.status_code, again.json()["event"]["event_id"]) == (201, "e0")
    assert client.get("/events/e2", headers=auth).status_code == 404


def test_features_are_granted_by_the_products_that_attach_them(client, auth, make_customer):
    team, solo = make_customer("cus_team"), make_customer("cus_solo")
    sso = created(client.post("/features", json={"key": "sso", "name": "SSO", "type": "boolean"}, headers=auth))
    plan = product(client, auth, billing_interval="month", features=[{"feature_id": sso["id"]}])
    assert [(e["id"], e["integration_type"], e["integration_config"]) for e in plan["entitlements"]] == [
        (sso["id"], "feature_flag", {"feature_id": "sso", "feature_type": "boolean"})
    ]
    subscribe(client, auth, team, plan["id"], now_minute())
    subscribe(client, auth, solo, product(client, auth)["id"], now_minute())

    granted = client.get(f"/customers/{team}/access?feature=sso", headers=auth).json()
    refused = client.get(f"/customers/{solo}/access?feature=sso", headers=auth).json()
    listed = client.get(f"/customers/{team}/entitlements", headers=auth).json()["items"]

    assert (granted["allowed"], refused["allowed"], refused["reason"]) == (True, False, "feature_not_granted")
    assert [(i["entitlement_id"], i["integration_type"], i["kind"]) for i in listed] == [
        (sso["id"], "feature_flag", "feature")
    ]
    assert client.get(f"/features/{sso['id']}", headers=auth).json()["key"] == "sso"
    duplicate = client.post("/features", json={"key": "sso", "name": "Again", "type": "boolean"}, headers=auth)
    assert (duplicate.status_code, duplicate.json()["code"]) == (409, "feature_exists")


def test_entitlements_list_each_meter_limit_with_its_standing(client, auth, make_customer):
    customer = make_customer("cus_e")
    calls = meter(client, auth, "api.call")
    subscribe(client, auth, customer, limited(client, auth, calls, "3", "notify"), now_minute())
    send(client, auth, customer, "api.call", 3, now_minute(), "e")

    [item] = client.get(f"/customers/{customer}/entitlements", headers=auth).json()["items"]

    assert (item["kind"], item["meter_id"], item["limit"], item["used"], item["remaining"], item["allowed"]) == (
        "meter",
        calls,
        "3",
        "3",
        "0",
        True,
    )


def test_refusals_are_problems_and_store_nothing(client, auth, make_customer):
    customer = make_customer("cus_b")
    calls = meter(client, auth, "api.call")
    subscribe(client, auth, customer, limited(client, auth, calls, "5"), now_minute())
    cases = [
        (client.get(f"/customers/{customer}/access?meter_id={uuid.uuid4()}", headers=auth), 404),
        (client.get(f"/customers/{customer}/access?feature=nope", headers=auth), 404),
        (client.get(f"/customers/{customer}/access?meter_id={calls}&quantity=0", headers=auth), 422),
        (client.get(f"/customers/{customer}/access?meter_id={calls}&quantity=abc", headers=auth), 422),
        (client.get(f"/customers/{customer}/access", headers=auth), 422),
        (client.get(f"/customers/cus_nobody/access?meter_id={calls}", headers=auth), 404),
        (consume(client, auth, customer, calls, "bad-1", quantity=-1), 422),
        (consume(client, auth, customer, calls, "bad-2", quantity=2), 422),
        (consume(client, auth, customer, calls, "bad-3", quantity="1e2"), 422),
    ]

    assert [(r.status_code, r.headers["content-type"].split(";")[0]) for r, _ in cases] == [
        (status, "application/problem+json") for _, status in cases
    ]
    assert [client.get(f"/events/bad-{i}", headers=auth).status_code for i in (1, 2, 3)] == [404, 404, 404]


def test_a_limit_is_refused_with_the_path_of_the_field_that_breaks_it(client, auth):
    calls = meter(client, auth, "api.call")
    price = {"meter_id": calls, "unit_price": "0.02", "usage_limit": "10", "limit_behavior": "stop"}
    r = client.post(
        "/products",
        json={"name": "p", "currency": "USD", "billing_interval": "month", "usage_prices": [price]},
        headers=auth,
    )
    unknown = client.post(
        "/products",
        json={
            "name": "p",
            "currency": "USD",
            "billing_interval": "month",
            "features": [{"feature_id": str(uuid.uuid4())}],
        },
        headers=auth,
    )

    assert r.status_code == 422 and "limit_behavior" in r.text
    assert (unknown.status_code, unknown.json()["errors"][0]["field"]) == (422, "features.feature_id")


def test_dodos_sdk_reads_a_product_granting_a_feature_and_the_customers_entitlements(client, auth, key, make_customer):
    from tests.interfaces.test_dodo_sdk import _sdk

    customer = make_customer("cus_sdk")
    sso = created(client.post("/features", json={"key": "sso", "name": "SSO", "type": "boolean"}, headers=auth))
    plan = product(client, auth, billing_interval="month", features=[{"feature_id": sso["id"]}])
    subscribe(client, auth, customer, plan["id"], now_minute())
    sdk = _sdk(client, key)

    read = sdk.products.retrieve(plan["id"])
    granted = sdk.customers.list_entitlements(customer)

    assert [(e.integration_type, e.integration_config.feature_id) for e in read.entitlements] == [
        ("feature_flag", "sso")
    ]
    assert [(i.entitlement_id, i.integration_type, i.status) for i in granted.items] == [
        (sso["id"], "feature_flag", "delivered")
    ]


def test_concurrent_consumes_over_http_take_turns_and_never_overspend(client, auth, make_customer):
    from concurrent.futures import ThreadPoolExecutor

    customer = make_customer("cus_race")
    calls = meter(client, auth, "api.call")
    subscribe(client, auth, customer, limited(client, auth, calls, "5"), now_minute())

    with ThreadPoolExecutor(20) as pool:
        codes = list(pool.map(lambda i: consume(client, auth, customer, calls, f"r{i}").status_code, range(30)))

    assert sorted(codes) == [201] * 5 + [409] * 25
    used = client.get(f"/customers/{customer}/access?meter_id={calls}", headers=auth).json()["used"]
    assert used == "5"
