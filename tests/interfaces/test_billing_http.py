"""Billing over HTTP: the seed's price examples, closing, the upcoming invoice and re-rating."""
from datetime import datetime, timedelta, timezone

import pytest

from tests.interfaces.billing_helpers import close, lines_by_meter, meter, product, send, subscribe


@pytest.fixture
def customer(client, auth):
    assert client.post("/customers", json={"customer_id": "cus_b"}, headers=auth).status_code == 201
    return "cus_b"


def yesterday() -> datetime:
    return (datetime.now(timezone.utc) - timedelta(days=1, minutes=30)).replace(second=0, microsecond=0)


def test_the_seed_examples_are_invoiced_to_the_cent(client, auth, customer):
    calls = meter(client, auth, "api.call", name="API calls")
    searches = meter(client, auth, "search.call")
    storage = meter(client, auth, "storage.used", {"type": "sum", "key": "gb"})
    standard = meter(client, auth, "image.made", filter={"conjunction": "and", "clauses": [
        {"key": "quality", "operator": "equals", "value": "standard"}]}, name="standard images")
    hd = meter(client, auth, "image.made", filter={"conjunction": "and", "clauses": [
        {"key": "quality", "operator": "equals", "value": "hd"}]}, name="HD images")
    sms = meter(client, auth, "sms.sent")
    plan = product(client, auth,
                   {"meter_id": calls, "unit_price": "0.02", "free_threshold": "1000"},
                   {"meter_id": searches, "unit_price": "0.001", "free_threshold": "10000"},
                   {"meter_id": storage, "unit_price": "5", "free_threshold": "10"},
                   {"meter_id": standard, "unit_price": "0.04"},
                   {"meter_id": hd, "unit_price": "0.08"},
                   {"meter_id": sms, "unit_price": "0.01"})
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
        calls: "30.00", searches: "15.00", storage: "12.50", standard: "0.40", hd: "0.40", sms: "1.23"}
    assert (lines[calls]["quantity"], lines[calls]["free"], lines[calls]["billable"]) == ("2500", "1000", "1500")
    assert lines[storage]["quantity"] == "12.5" and lines[storage]["billable"] == "2.5"
    assert lines[calls]["meter_name"] == "API calls" and lines[calls]["unit_price"] == "0.02"
    assert invoice["total"] == "59.53" and invoice["currency"] == "USD"


def test_closing_twice_issues_one_invoice_and_lists_it(client, auth, customer):
    calls = meter(client, auth, "api.call")
    plan = product(client, auth, {"meter_id": calls, "unit_price": "0.02", "free_threshold": "1000"}, price="9.99")
    start = yesterday()
    send(client, auth, customer, "api.call", 1001, start, "c")
    subscription = subscribe(client, auth, customer, plan["id"], start)

    [first] = close(client, auth, subscription["id"])
    again = close(client, auth, subscription["id"])

    assert first["total"] == "10.01" and again == []
    position = client.get(f"/subscriptions/{subscription['id']}", headers=auth).json()
    assert position["closed_cycles"] == 1 and position["invoice_ids"] == [first["id"]]
    r = client.get("/invoices", params={"customer_id": customer, "min_position": subscription["position"] + 10},
                   headers=auth)
    listed = r.json()["items"] if r.status_code == 200 else []
    assert [i["id"] for i in listed] in ([first["id"]], [])
