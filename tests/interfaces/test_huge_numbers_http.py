"""Numbers past what tally can bill are refused at the door, so a customer's billing never stops on one
(docs/input.md, Numbers)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest

from tests.interfaces.billing_helpers import iso, meter, product, subscribe, yesterday
from tests.interfaces.dashboard.test_pages_http import sign_in

HUGE = [10**26, 1e30, 1e308, "100000000000000000000000000", "1e999"]


def ingest(client: Any, auth: dict[str, str], customer: str, event_id: str, at: Any, value: Any) -> Any:
    event = {"event_id": event_id, "customer_id": customer, "event_name": "big", "timestamp": iso(at)}
    return client.post("/events/ingest", json={"events": [{**event, "metadata": {"v": value}}]}, headers=auth)


def test_huge_metadata_numbers_never_stop_a_customers_billing(client, auth, worker, key, make_customer):
    summed = meter(client, auth, "big", {"type": "sum", "key": "v"})
    plan = product(client, auth, {"meter_id": summed, "unit_price": "1.00"})
    customer = make_customer("cus_big")
    start = yesterday()
    subscription = subscribe(client, auth, customer, plan["id"], start)
    answers = [ingest(client, auth, customer, f"big-{i}", start + timedelta(hours=1), v) for i, v in enumerate(HUGE)]
    assert all(r.status_code == 200 or 400 <= r.status_code < 500 for r in answers), [r.text for r in answers]
    assert ingest(client, auth, customer, "fine", start + timedelta(hours=2), "2.5").status_code == 200
    worker.caught_up()

    after = [
        client.get(f"/customers/{customer}/usage", headers=auth),
        client.get("/invoices", headers=auth),
        client.post(f"/subscriptions/{subscription['id']}/close-cycle", headers=auth),
    ]
    assert [r.status_code for r in after] == [200, 200, 200], [r.text[:300] for r in after]
    [invoice] = after[2].json()["invoices"]
    assert invoice["total"] == "2.50"
    sign_in(client, key)
    pages = ["/dashboard", f"/dashboard/customers/{customer}", "/dashboard/invoices", "/dashboard/meters"]
    assert [client.get(page).status_code for page in pages] == [200] * 4


@pytest.mark.parametrize("value", [10**26, 1e30, 1e308, "100000000000000000000000000", "-1000000000000000.5"])
def test_a_metadata_number_past_the_bounds_is_refused_naming_its_key(client, auth, make_customer, value):
    customer = make_customer("cus_big")
    r = ingest(client, auth, customer, "big", yesterday(), value)
    assert r.status_code == 422 and r.json()["code"] == "invalid_events", r.text
    assert [e["field"] for e in r.json()["errors"]] == ["metadata.v"]


def test_the_largest_numbers_the_door_takes_are_billed_and_stored_to_the_cent(client, auth, worker, make_customer):
    summed = meter(client, auth, "big", {"type": "sum", "key": "v"})
    plan = product(client, auth, {"meter_id": summed, "unit_price": "1000000000000000"})
    customer = make_customer("cus_most")
    start = yesterday()
    subscription = subscribe(client, auth, customer, plan["id"], start)
    most = "999999999999999.999999999999"
    for i in range(3):
        assert ingest(client, auth, customer, f"most-{i}", start + timedelta(hours=1), most).status_code == 200
    worker.caught_up()

    closed = client.post(f"/subscriptions/{subscription['id']}/close-cycle", headers=auth)
    assert closed.status_code == 200, closed.text
    [invoice] = closed.json()["invoices"]
    expected = f"{(Decimal(most) * 3 * 10**15).quantize(Decimal('0.01')):f}"
    assert (invoice["lines"][0]["quantity"], invoice["total"]) == ("2999999999999999.999999999997", expected)
    worker.caught_up()
    stored = client.get(f"/invoices/{invoice['id']}", headers=auth).json()
    assert stored["total"] == expected


def test_a_meter_filter_number_past_the_bounds_is_refused(client, auth):
    clause = b'{"key": "v", "operator": "less_than", "value": 1e200000}'
    body = b'{"name": "m", "event_name": "e", "aggregation": {"type": "count"}, '
    body += b'"filter": {"conjunction": "and", "clauses": [' + clause + b"]}}"
    r = client.post("/meters", content=body, headers={**auth, "content-type": "application/json"})
    assert r.status_code == 422 and r.json()["code"] == "invalid_meter", r.text
    assert [e["field"] for e in r.json()["errors"]] == ["filter.clauses[0].value"]
