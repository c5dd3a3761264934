"""Discounts, minimum commitments, per-subscription prices and price versions over HTTP, on the seed plan (calls
at 0.02 after 1,000 free: 2,500 calls a cycle = "30.00"), and their bad paths (nothing stored on a refusal)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from tests.interfaces.billing_helpers import JAN1, close, created, iso, meter, product, send, subscribe

SEED = {"unit_price": "0.02", "free_threshold": "1000"}
DAY = timedelta(days=1)


@pytest.fixture
def calls(client, auth) -> str:
    return meter(client, auth, "api.call")


def customer(client, auth, name: str, days: int, calls: int = 2500, since: datetime = JAN1) -> None:
    assert client.post("/customers", json={"customer_id": name}, headers=auth).status_code == 201
    for d in range(days):
        send(client, auth, name, "api.call", calls, since + d * DAY, f"{name}-{d}")


def totals(invoices: list[dict[str, Any]]) -> list[str]:
    return [i["total"] for i in invoices]


def amounts(invoice: dict[str, Any]) -> list[str]:
    return [line["amount"] for line in invoice["lines"]]


def discount(client, auth, **body: Any) -> dict[str, Any]:
    return created(client.post("/discounts", json={"type": "percentage", **body}, headers=auth))


def test_a_discount_takes_its_share_off_its_cycles_and_then_stops(client, auth, calls):
    plan = product(client, auth, {"meter_id": calls, **SEED})["id"]
    save20 = discount(client, auth, code="save20", amount=2000, subscription_cycles=2, usage_limit=1)
    assert save20["code"] == "SAVE20" and save20["times_used"] == 0
    customer(client, auth, "cus_a", 3)
    body = {"customer_id": "cus_a", "product_id": plan, "start": JAN1.isoformat(), "discount_code": "SAVE20"}
    sub = created(client.post("/subscriptions", json=body, headers=auth))
    assert sub["discount_id"] == save20["id"]
    invoices = close(client, auth, sub["id"])[:3]
    assert totals(invoices) == ["24.00", "24.00", "30.00"]
    assert [("-6.00" in amounts(i)) for i in invoices] == [True, True, False]
    explained = client.get(f"/audit/invoice/{invoices[0]['id']}/explain", headers=auth).json()
    assert explained["matches"] is True
    assert explained["lines"][-1]["meter_name"] == "Discount SAVE20 (20%)"
    assert explained["lines"][-1]["exact_amount"] == "-6.000"


def test_a_used_up_code_is_refused_and_counts_no_use(client, auth, calls):
    plan = product(client, auth, {"meter_id": calls, **SEED})["id"]
    once = discount(client, auth, code="ONCE", amount=1000, usage_limit=1)
    for name in ("cus_1", "cus_2"):
        assert client.post("/customers", json={"customer_id": name}, headers=auth).status_code == 201
    first = {"customer_id": "cus_1", "product_id": plan, "discount_code": "once"}
    assert client.post("/subscriptions", json=first, headers=auth).status_code == 201
    second = client.post("/subscriptions", json={**first, "customer_id": "cus_2"}, headers=auth)
    assert second.status_code == 422 and second.json()["code"] == "discount_used_up"
    assert client.get(f"/discounts/{once['id']}", headers=auth).json()["times_used"] == 1
    assert client.get("/subscriptions?customer_id=cus_2", headers=auth).json()["items"] == []
    unknown = client.post("/subscriptions", json={**first, "discount_code": "NOPE"}, headers=auth)
    assert unknown.status_code == 404


@pytest.mark.parametrize("amount", [0, 10001])
def test_basis_points_outside_1_to_10000_are_refused_and_not_stored(client, auth, amount):
    r = client.post("/discounts", json={"type": "percentage", "amount": amount, "code": "BAD"}, headers=auth)
    assert r.status_code == 422 and r.headers["content-type"].startswith("application/problem+json")
    assert client.get("/discounts/code/BAD", headers=auth).status_code == 404


def test_a_taken_code_is_a_conflict(client, auth):
    discount(client, auth, code="TWICE", amount=100)
    assert (
        client.post("/discounts", json={"type": "percentage", "amount": 5, "code": "twice"}, headers=auth).status_code
        == 409
    )


def test_a_minimum_commitment_tops_a_cycle_up_and_leaves_a_bigger_one_alone(client, auth, calls):
    plan = product(client, auth, {"meter_id": calls, **SEED}, minimum_amount="50.00")
    assert plan["minimum_amount"] == "50.00"
    customer(client, auth, "cus_low", 1)
    customer(client, auth, "cus_high", 1, calls=5000)
    low = close(client, auth, subscribe(client, auth, "cus_low", plan["id"], JAN1)["id"])[0]
    high = close(client, auth, subscribe(client, auth, "cus_high", plan["id"], JAN1)["id"])[0]
    assert low["total"] == "50.00" and amounts(low) == ["30.00", "20.00"]
    assert low["lines"][-1]["meter_name"] == "Minimum commitment 50.00"
    assert high["total"] == "80.00" and amounts(high) == ["80.00"]
    assert client.get(f"/audit/invoice/{low['id']}/explain", headers=auth).json()["matches"] is True


def test_a_minimum_with_more_places_than_the_currency_is_refused(client, auth, calls):
    body = {"name": "bad", "currency": "USD", "billing_interval": "day", "minimum_amount": "50.001"}
    r = client.post("/products", json=body, headers=auth)
    assert r.status_code == 422, r.text
    assert "bad" not in str(client.get("/products", headers=auth).json())


def test_an_override_prices_one_subscription_apart(client, auth, calls):
    plan = product(client, auth, {"meter_id": calls, **SEED})["id"]
    customer(client, auth, "cus_o", 1)
    customer(client, auth, "cus_p", 1)
    mine = subscribe(client, auth, "cus_o", plan, JAN1)["id"]
    other = subscribe(client, auth, "cus_p", plan, JAN1)["id"]
    r = client.put(
        f"/subscriptions/{mine}/usage-prices/{calls}",
        json={"unit_price": "0.01", "free_threshold": "1000"},
        headers=auth,
    )
    assert r.status_code == 200, r.text
    assert close(client, auth, mine)[0]["total"] == "15.00"
    assert close(client, auth, other)[0]["total"] == "30.00"
    history = client.get(f"/audit/subscription/{mine}", headers=auth).text
    assert "UsagePriceOverridden" in history and "0.01" in history


def test_a_price_for_new_subscriptions_keeps_the_existing_ones_and_a_dry_run_compares(client, auth, calls):
    plan = product(client, auth, {"meter_id": calls, **SEED})["id"]
    yesterday = datetime.now(timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0) - DAY
    customer(client, auth, "cus_old", 1, since=yesterday)
    customer(client, auth, "cus_new", 1, since=yesterday)
    old = subscribe(client, auth, "cus_old", plan, yesterday)["id"]
    r = client.put(
        f"/products/{plan}/usage-prices/{calls}",
        json={**SEED, "unit_price": "0.03", "apply_to": "new_subscriptions"},
        headers=auth,
    )
    assert r.status_code == 200 and r.json()["price_version"] == 2
    new = subscribe(client, auth, "cus_new", plan, yesterday)["id"]
    assert close(client, auth, old)[0]["total"] == "30.00"
    assert close(client, auth, new)[0]["total"] == "45.00"
    versions = client.get(f"/products/{plan}/versions", headers=auth).json()["items"]
    assert [(v["version"], v["usage_prices"][0]["unit_price"]) for v in versions] == [(2, "0.03"), (1, "0.02")]
    before = client.get(f"/subscriptions/{old}", headers=auth).json()
    body = {"from_version": 1, "to_version": 2, "subscription_ids": [old], "dry_run": True}
    run = client.post(f"/products/{plan}/migrations", json=body, headers=auth)
    assert run.status_code == 200, run.text
    [moved] = run.json()["subscriptions"]
    assert (moved["issued"], moved["simulated"], moved["difference"], moved["migrated"]) == (
        "30.00",
        "45.00",
        "15.00",
        False,
    )
    assert client.get(f"/subscriptions/{old}", headers=auth).json() == before
    missing = client.post(f"/products/{plan}/migrations", json={**body, "to_version": 9}, headers=auth)
    assert missing.status_code == 404
    for _ in range(2):
        done = client.post(f"/products/{plan}/migrations", json={**body, "dry_run": False}, headers=auth)
        assert done.status_code == 200, done.text
    assert client.get(f"/subscriptions/{old}", headers=auth).json()["price_version"] == 2
    history = client.get(f"/audit/subscription/{old}", headers=auth).text
    assert history.count("PriceVersionMigrated") == 1


def customer_now(client, auth, name: str, start: datetime) -> bool:
    """A customer with 2,500 calls in the open month so far (all at one instant, never in the future)."""
    assert client.post("/customers", json={"customer_id": name}, headers=auth).status_code == 201
    at = iso(max(start, datetime.now(timezone.utc) - timedelta(minutes=1)))
    for batch in range(0, 2500, 1000):
        events = [
            {"event_id": f"{name}-{i}", "customer_id": name, "event_name": "api.call", "timestamp": at}
            for i in range(batch, min(2500, batch + 1000))
        ]
        assert client.post("/events/ingest", json={"events": events}, headers=auth).status_code == 200
    return True


def test_a_code_redeemed_later_discounts_the_open_cycle_as_its_upcoming_invoice_shows(client, auth, calls):
    plan = product(client, auth, {"meter_id": calls, **SEED}, billing_interval="month")["id"]
    discount(client, auth, code="LATER10", amount=1000)
    start = datetime.now(timezone.utc).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    customer_now(client, auth, "cus_later", start)
    sub = subscribe(client, auth, "cus_later", plan, start)["id"]
    r = client.patch(f"/subscriptions/{sub}", json={"discount_code": "later10"}, headers=auth)
    assert r.status_code == 200 and r.json()["discount_id"], r.text
    upcoming = client.get(f"/customers/cus_later/usage?min_position={r.json()['position']}", headers=auth).json()
    assert upcoming["total"] == "27.00" and [line["amount"] for line in upcoming["lines"]] == ["30.00", "-3.00"]


def test_the_upcoming_invoice_prices_each_subscriber_on_its_own_version(client, auth, calls):
    plan = product(client, auth, {"meter_id": calls, **SEED}, billing_interval="month")["id"]
    now = datetime.now(timezone.utc)
    start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    customer_now(client, auth, "cus_v1", start)
    subscribe(client, auth, "cus_v1", plan, start)
    r = client.put(
        f"/products/{plan}/usage-prices/{calls}",
        json={**SEED, "unit_price": "0.03", "apply_to": "new_subscriptions"},
        headers=auth,
    )
    assert r.status_code == 200
    customer_now(client, auth, "cus_v2", start)
    position = subscribe(client, auth, "cus_v2", plan, start)["position"]
    totals_now = [
        client.get(f"/customers/{c}/usage?min_position={position}", headers=auth).json()["total"]
        for c in ("cus_v1", "cus_v2")
    ]
    assert totals_now == ["30.00", "45.00"]


def test_a_flat_code_takes_its_deduction_in_the_invoices_currency_and_a_percentage_stops_at_its_cap(
    client, auth, calls
):
    plan = product(client, auth, {"meter_id": calls, **SEED})["id"]
    usd = {"currency": "USD", "max_amount_possible": 500}
    flat = discount(client, auth, type="flat", amount=1, code="FIVE", currency_options=[usd])
    assert flat["currency_options"] == [{**usd, "is_default": False, "minimum_subtotal": 0}]
    discount(
        client, auth, code="CAPPED", amount=2000, currency_options=[{"currency": "usd", "max_amount_possible": 300}]
    )
    discount(
        client,
        auth,
        type="flat",
        amount=1,
        code="EUROS",
        currency_options=[{"currency": "EUR", "max_amount_possible": 500}],
    )
    totals_by_code = {}
    for code in ("FIVE", "CAPPED"):
        name = f"cus_{code.lower()}"
        customer(client, auth, name, 1)
        body = {"customer_id": name, "product_id": plan, "start": JAN1.isoformat(), "discount_code": code}
        invoice = close(client, auth, created(client.post("/subscriptions", json=body, headers=auth))["id"])[0]
        totals_by_code[code] = (invoice["total"], amounts(invoice)[-1])
    assert totals_by_code == {"FIVE": ("25.00", "-5.00"), "CAPPED": ("27.00", "-3.00")}
    client.post("/customers", json={"customer_id": "cus_eur"}, headers=auth)
    refused = client.post(
        "/subscriptions", json={"customer_id": "cus_eur", "product_id": plan, "discount_code": "EUROS"}, headers=auth
    )
    assert refused.status_code == 422 and refused.json()["code"] == "discount_not_applicable"
    missing = client.post("/discounts", json={"type": "flat", "amount": 1, "code": "NOROWS"}, headers=auth)
    assert missing.status_code == 422 and client.get("/discounts/code/NOROWS", headers=auth).status_code == 404
