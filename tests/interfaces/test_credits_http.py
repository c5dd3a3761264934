"""Credit wallets over HTTP: credits per cycle spent after the free threshold and
before overage, manual grants, the ledger."""

from datetime import datetime, timedelta, timezone

import pytest

from tests.interfaces.billing_helpers import (
    close,
    lines_by_meter,
    meter,
    product,
    send,
    subscribe,
)

START = (datetime.now(timezone.utc) - timedelta(days=1, minutes=30)).replace(second=0, microsecond=0)


def credit_plan(client, auth, rollover="none", **credits):
    calls = meter(client, auth, "api.call")
    terms = {"per_cycle": "1000", "per_unit": "1", "rollover": rollover, **credits}
    plan = product(client, auth, {"meter_id": calls, "unit_price": "0.02", "free_threshold": "1000", "credits": terms})
    return calls, plan["id"]


def wallet(client, auth, customer):
    r = client.get(f"/customers/{customer}/credits", headers=auth)
    assert r.status_code == 200, r.text
    return r.json()


def test_credits_pay_for_usage_after_the_free_calls_and_only_overage_is_billed(client, auth, make_customer):
    customer = make_customer("cus_c")
    calls, plan = credit_plan(client, auth)
    send(client, auth, customer, "api.call", 2500, START + timedelta(minutes=1), "c")
    subscription = subscribe(client, auth, customer, plan, START)
    assert wallet(client, auth, customer)["balance"] == "1000"

    [invoice] = close(client, auth, subscription["id"])

    line = lines_by_meter(invoice)[calls]
    assert (line["free"], line["credits_used"], line["billable"], line["amount"]) == ("1000", "1000", "500", "10.00")
    assert invoice["total"] == "10.00"
    after = wallet(client, auth, customer)
    assert after["balance"] == "1000"
    assert [(m["type"], m["amount"], m["balance_after"]) for m in reversed(after["ledger"])] == [
        ("grant", "1000", "1000"),
        ("debit", "-1000", "0"),
        ("grant", "1000", "1000"),
    ]


def test_unused_credits_expire_at_cycle_end_without_rollover(client, auth, make_customer):
    customer = make_customer("cus_c")
    _, plan = credit_plan(client, auth)
    send(client, auth, customer, "api.call", 1300, START + timedelta(minutes=1), "c")
    subscription = subscribe(client, auth, customer, plan, START)
    close(client, auth, subscription["id"])
    moves = [(m["type"], m["amount"], m["balance_after"]) for m in reversed(wallet(client, auth, customer)["ledger"])]
    assert moves == [
        ("grant", "1000", "1000"),
        ("debit", "-300", "700"),
        ("expiry", "-700", "0"),
        ("grant", "1000", "1000"),
    ]
    page = client.get(f"/customers/{customer}/credits", params={"page_size": 3, "page_number": 1}, headers=auth)
    assert [m["type"] for m in page.json()["ledger"]] == ["grant"] and page.json()["ledger_has_more"] is False


def test_unused_credits_carry_over_with_rollover_all(client, auth, make_customer):
    customer = make_customer("cus_c")
    _, plan = credit_plan(client, auth, rollover="all")
    send(client, auth, customer, "api.call", 1300, START + timedelta(minutes=1), "c")
    subscription = subscribe(client, auth, customer, plan, START)
    close(client, auth, subscription["id"])
    after = wallet(client, auth, customer)
    assert after["balance"] == "1700"
    assert [g["remaining"] for g in after["grants"]] == ["700", "1000"]


def test_the_upcoming_invoice_shows_live_credit_consumption(client, auth, make_customer):
    customer = make_customer("cus_c")
    calls, plan = credit_plan(client, auth)
    subscribe(client, auth, customer, plan, datetime.now(timezone.utc) - timedelta(hours=1))
    position = send(client, auth, customer, "api.call", 1500, datetime.now(timezone.utc) - timedelta(minutes=50), "c")
    upcoming = client.get(f"/customers/{customer}/usage", params={"min_position": position}, headers=auth).json()
    [line] = upcoming["lines"]
    assert (line["credits_used"], line["billable"], upcoming["total"]) == ("500", "0", "0.00")


def test_a_reused_idempotency_key_grants_once_and_answers_the_first_result(client, auth, make_customer):
    customer = make_customer("cus_c")
    body = {"amount": "250", "reason": "goodwill", "idempotency_key": "g1"}
    first = client.post(f"/customers/{customer}/credits", json=body, headers=auth)
    again = client.post(f"/customers/{customer}/credits", json=body, headers=auth)
    assert (first.status_code, again.status_code) == (200, 200)
    assert (first.json()["granted"], again.json()["granted"]) == (True, False)
    assert first.json()["grant_id"] == again.json()["grant_id"] and again.json()["balance"] == "250"
    shown = wallet(client, auth, customer)
    assert shown["balance"] == "250" and [m["type"] for m in shown["ledger"]] == ["grant"]
    assert "g1" in shown["ledger"][0]["reference"]
    other = client.post(f"/customers/{customer}/credits", json={**body, "amount": "300"}, headers=auth)
    assert other.status_code == 409 and other.json()["code"] == "idempotency_key_reused"


@pytest.mark.parametrize(
    "body",
    [
        {"amount": "0"},
        {"amount": "-5"},
        {"amount": "1", "expires_at": "2001-01-01T00:00:00Z"},
        {"amount": "abc"},
        {"amount": "1", "extra": True},
        {"amount": "1", "expires_at": "2999-01-01T00:00:00"},
    ],
)
def test_a_bad_grant_is_refused_and_grants_nothing(client, auth, make_customer, body):
    customer = make_customer("cus_c")
    r = client.post(f"/customers/{customer}/credits", json=body, headers=auth)
    assert r.status_code in (400, 422) and r.headers["content-type"].startswith("application/problem+json")
    assert wallet(client, auth, customer)["balance"] == "0"


def test_credits_of_an_unknown_or_foreign_customer_are_not_found(client, auth, tally, make_customer):
    customer = make_customer("cus_c")
    other = {"Authorization": f"Bearer {tally.businesses.create_key('someone-else')}"}
    assert client.get(f"/customers/{customer}/credits", headers=other).status_code == 404
    assert client.post(f"/customers/{customer}/credits", json={"amount": "5"}, headers=other).status_code == 404
    assert client.get("/customers/cus_nobody/credits", headers=auth).status_code == 404
