"""Billing over HTTP: the seed's price examples, closing, the upcoming invoice and re-rating."""

from datetime import datetime, timedelta, timezone

from tests.interfaces.billing_helpers import (
    close,
    closing,
    lines_by_meter,
    meter,
    product,
    send,
    subscribe,
    yesterday,
)


def test_the_seed_examples_are_invoiced_to_the_cent(client, auth, make_customer):
    customer = make_customer("cus_b")
    calls = meter(client, auth, "api.call", name="API calls")
    searches = meter(client, auth, "search.call")
    storage = meter(client, auth, "storage.used", {"type": "sum", "key": "gb"})
    standard = meter(
        client,
        auth,
        "image.made",
        filter={"conjunction": "and", "clauses": [{"key": "quality", "operator": "equals", "value": "standard"}]},
        name="standard images",
    )
    hd = meter(
        client,
        auth,
        "image.made",
        filter={"conjunction": "and", "clauses": [{"key": "quality", "operator": "equals", "value": "hd"}]},
        name="HD images",
    )
    sms = meter(client, auth, "sms.sent")
    plan = product(
        client,
        auth,
        {"meter_id": calls, "unit_price": "0.02", "free_threshold": "1000"},
        {"meter_id": searches, "unit_price": "0.001", "free_threshold": "10000"},
        {"meter_id": storage, "unit_price": "5", "free_threshold": "10"},
        {"meter_id": standard, "unit_price": "0.04"},
        {"meter_id": hd, "unit_price": "0.08"},
        {"meter_id": sms, "unit_price": "0.01"},
    )
    start = yesterday()
    at = start + timedelta(hours=1)
    send(client, auth, customer, "api.call", 2500, at, "call")
    send(client, auth, customer, "search.call", 25000, at, "search")
    send(client, auth, customer, "storage.used", 5, at, "gb", {"gb": "2.5"})
    send(client, auth, customer, "image.made", 10, at, "std", {"quality": "standard"})
    send(client, auth, customer, "image.made", 5, at, "hd", {"quality": "hd"})
    send(client, auth, customer, "sms.sent", 123, at, "sms")
    subscription = subscribe(client, auth, customer, plan["id"], start)

    [invoice] = close(client, auth, subscription["id"])

    lines = lines_by_meter(invoice)
    assert {k: lines[k]["amount"] for k in lines} == {
        calls: "30.00",
        searches: "15.00",
        storage: "12.50",
        standard: "0.40",
        hd: "0.40",
        sms: "1.23",
    }
    assert (lines[calls]["quantity"], lines[calls]["free"], lines[calls]["billable"]) == ("2500", "1000", "1500")
    assert lines[storage]["quantity"] == "12.5" and lines[storage]["billable"] == "2.5"
    assert lines[calls]["meter_name"] == "API calls" and lines[calls]["unit_price"] == "0.02"
    assert invoice["total"] == "59.53" and invoice["currency"] == "USD"


def test_closing_twice_issues_one_invoice_which_is_listed_and_shown(client, auth, make_customer):
    customer = make_customer("cus_b")
    calls = meter(client, auth, "api.call")
    plan = product(client, auth, {"meter_id": calls, "unit_price": "0.02", "free_threshold": "1000"}, price="9.99")
    start = yesterday()
    send(client, auth, customer, "api.call", 1001, start, "c")
    subscription = subscribe(client, auth, customer, plan["id"], start)

    [first] = close(client, auth, subscription["id"])
    again = closing(client, auth, subscription["id"])

    assert first["total"] == "10.01" and first["price"] == "9.99" and again["invoices"] == []
    shown = client.get(f"/subscriptions/{subscription['id']}", headers=auth).json()
    assert shown["closed_cycles"] == 1 and shown["invoice_ids"] == [first["id"]]
    assert shown["current_cycle"]["start"] == first["cycle_end"]
    wait = {"min_position": again["position"]}
    listed = client.get("/invoices", params={"customer_id": customer, "status": "issued", **wait}, headers=auth)
    assert [i["id"] for i in listed.json()["items"]] == [first["id"]]
    one = client.get(f"/invoices/{first['id']}", params=wait, headers=auth).json()
    assert one == first


def test_the_upcoming_invoice_grows_with_usage_and_is_re_rated_by_a_price_change(client, auth, make_customer):
    customer = make_customer("cus_b")
    calls = meter(client, auth, "api.call")
    plan = product(
        client, auth, {"meter_id": calls, "unit_price": "0.02", "free_threshold": "1000"}, billing_interval="month"
    )
    now = datetime.now(timezone.utc)
    subscribe(client, auth, customer, plan["id"], now - timedelta(hours=2))
    position = send(client, auth, customer, "api.call", 1200, now - timedelta(hours=1), "new")

    before = client.get(f"/customers/{customer}/usage", params={"min_position": position}, headers=auth).json()
    r = client.put(
        f"/products/{plan['id']}/usage-prices/{calls}",
        json={"unit_price": "0.05", "free_threshold": "1000"},
        headers=auth,
    )
    after = client.get(
        f"/customers/{customer}/usage", params={"min_position": r.json()["position"]}, headers=auth
    ).json()

    assert before["total"] == "4.00" and before["lines"][0]["billable"] == "200"
    assert after["total"] == "10.00" and after["lines"][0]["unit_price"] == "0.05"
    assert after["subscriptions"][0]["current_cycle"] == before["current_cycle"]


def test_a_price_change_leaves_issued_invoices_as_they_were(client, auth, make_customer):
    customer = make_customer("cus_b")
    calls = meter(client, auth, "api.call")
    plan = product(client, auth, {"meter_id": calls, "unit_price": "0.02"})
    start = yesterday()
    send(client, auth, customer, "api.call", 100, start, "c")
    subscription = subscribe(client, auth, customer, plan["id"], start)
    [invoice] = close(client, auth, subscription["id"])

    r = client.put(f"/products/{plan['id']}/usage-prices/{calls}", json={"unit_price": "1"}, headers=auth)
    shown = client.get(f"/invoices/{invoice['id']}", params={"min_position": r.json()["position"]}, headers=auth)

    assert shown.json()["total"] == invoice["total"] == "2.00"


def test_a_removed_usage_price_is_no_longer_charged(client, auth):
    calls, sms = meter(client, auth, "api.call"), meter(client, auth, "sms.sent")
    plan = product(client, auth, {"meter_id": calls, "unit_price": "0.02"}, {"meter_id": sms, "unit_price": "0.01"})
    r = client.delete(f"/products/{plan['id']}/usage-prices/{sms}", headers=auth)
    assert r.status_code == 200 and [p["meter_id"] for p in r.json()["usage_prices"]] == [calls]
    assert client.delete(f"/products/{plan['id']}/usage-prices/{sms}", headers=auth).status_code == 404
    listed = client.get("/products", params={"min_position": r.json()["position"]}, headers=auth).json()
    assert [p["usage_prices"] for p in listed["items"]] == [r.json()["usage_prices"]]


def test_a_subscription_shows_its_current_cycle_and_a_cancelled_one_its_end(client, auth, make_customer):
    customer = make_customer("cus_b")
    plan = product(client, auth, billing_interval="month")
    subscription = subscribe(client, auth, customer, plan["id"], datetime(2026, 1, 31, 9, 30, 45, tzinfo=timezone.utc))
    assert subscription["start"] == "2026-01-31T09:30:00Z" and subscription["status"] == "active"
    assert subscription["current_cycle"] == {"start": "2026-01-31T09:30:00Z", "end": "2026-02-28T09:30:00Z"}

    r = client.post(f"/subscriptions/{subscription['id']}/cancel", headers=auth)

    assert r.status_code == 200 and r.json()["status"] == "cancelled" and r.json()["ends_at"] is not None
    closed = close(client, auth, subscription["id"])
    assert len(closed) > 1 and closed[-1]["cycle_end"] == r.json()["ends_at"]
    shown = client.get(f"/subscriptions/{subscription['id']}", headers=auth).json()
    assert shown["status"] == "cancelled" and shown["current_cycle"] is None  # Dodo's status; "ended" before
