"""Plan changes over HTTP: the routes, their problem+json refusals (nothing stored), the preview that changes
nothing, the scheduled change and cancel at the next billing date. The amounts are the application tests'
(tests/application/test_plan_changes.py); here only what HTTP adds."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import pytest

from tests.interfaces.billing_helpers import created, iso, meter, send

S = datetime(2026, 9, 1, tzinfo=timezone.utc)
T = datetime(2026, 9, 16, tzinfo=timezone.utc)


@pytest.fixture
def served_plans(client, auth):
    calls = meter(client, auth, "api.call")

    def plan(name, price, unit, free, currency="USD"):
        body = {
            "name": name,
            "currency": currency,
            "billing_interval": "month",
            "price": price,
            "usage_prices": [{"meter_id": calls, "unit_price": unit, "free_threshold": free}],
        }
        return created(client.post("/products", json=body, headers=auth))["id"]

    return plan("Basic", "30.00", "0.02", "1000"), plan("Pro", "60.00", "0.01", "5000"), plan


def start(client, auth, make_customer, product, **extra):
    customer = make_customer(f"cus_{uuid.uuid4().hex[:8]}")
    body = {"customer_id": customer, "product_id": product, "start": iso(S), **extra}
    return customer, created(client.post("/subscriptions", json=body, headers=auth))


def change(client, auth, sub, product, mode="prorated_immediately", effective_at=iso(T), path="", **extra):
    body = {"product_id": product, "proration_billing_mode": mode, "quantity": 1, "effective_at": effective_at, **extra}
    return client.post(f"/subscriptions/{sub}/change-plan{path}", json=body, headers=auth)


def test_a_prorated_change_answers_its_invoice_and_the_subscription_on_the_new_plan(
    client, auth, make_customer, served_plans
):
    basic, pro, _ = served_plans
    customer, sub = start(client, auth, make_customer, basic)
    send(client, auth, customer, "api.call", 2500, datetime(2026, 9, 5, tzinfo=timezone.utc), "a")
    r = change(client, auth, sub["id"], pro)
    assert r.status_code == 200, r.text
    answer = r.json()
    assert [i["total"] for i in answer["invoices"]] == ["55.00"] and answer["product_id"] == pro
    assert [p["product_id"] for p in answer["plans"]] == [basic, pro]
    explained = client.get(f"/audit/invoice/{answer['invoices'][0]['id']}/explain", headers=auth).json()
    assert explained["matches"] and explained["total"] == "55.00"
    [segment] = explained["segments"]
    assert (segment["share"], segment["fixed"], segment["fixed_amount"]) == ("1/2", "prorated", "15.00")


def test_difference_immediately_answers_its_invoice_explained_as_a_difference(
    client, auth, make_customer, served_plans
):
    basic, pro, _ = served_plans
    _, sub = start(client, auth, make_customer, basic)
    preview = change(client, auth, sub["id"], pro, mode="difference_immediately", path="/preview").json()
    assert preview["immediate_charge"]["summary"]["total_amount"] == 3000
    assert [(i["type"], i["proration_factor"]) for i in preview["immediate_charge"]["line_items"]] == [
        ("subscription", 0.5)
    ]
    r = change(client, auth, sub["id"], pro, mode="difference_immediately")
    assert r.status_code == 200, r.text
    [invoice] = r.json()["invoices"]
    assert (invoice["total"], invoice["lines"]) == ("30.00", [])
    explained = client.get(f"/audit/invoice/{invoice['id']}/explain", headers=auth).json()
    assert explained["matches"]
    assert [(s["fixed"], s["fixed_share"], s["fixed_amount"]) for s in explained["segments"]] == [
        ("none", "0/1", "0.00"),
        ("difference", "difference", "30.00"),
    ]


def test_the_preview_answers_the_lines_and_changes_nothing(client, auth, make_customer, served_plans):
    basic, pro, _ = served_plans
    customer, sub = start(client, auth, make_customer, basic)
    send(client, auth, customer, "api.call", 2500, datetime(2026, 9, 5, tzinfo=timezone.utc), "a")
    before = client.get(f"/subscriptions/{sub['id']}", headers=auth).json()
    r = change(client, auth, sub["id"], pro, path="/preview")
    assert r.status_code == 200, r.text
    charge = r.json()["immediate_charge"]
    assert charge["summary"]["total_amount"] == 5500
    assert [i["type"] for i in charge["line_items"]] == ["subscription", "meter"]
    assert r.json()["new_plan"]["product_id"] == pro
    assert client.get(f"/subscriptions/{sub['id']}", headers=auth).json() == before


def test_a_change_for_the_next_billing_date_is_shown_until_its_deletion(client, auth, make_customer, served_plans):
    basic, pro, _ = served_plans
    _, sub = start(client, auth, make_customer, basic)
    assert change(client, auth, sub["id"], pro, effective_at="next_billing_date").status_code == 200
    shown = client.get(f"/subscriptions/{sub['id']}", headers=auth).json()["scheduled_change"]
    assert (shown["product_id"], shown["effective_at"]) == (pro, "2026-10-01T00:00:00Z")
    assert change(client, auth, sub["id"], pro, effective_at="next_billing_date").status_code == 409
    assert client.delete(f"/subscriptions/{sub['id']}/change-plan/scheduled", headers=auth).status_code == 200
    assert client.get(f"/subscriptions/{sub['id']}", headers=auth).json()["scheduled_change"] is None
    assert client.delete(f"/subscriptions/{sub['id']}/change-plan/scheduled", headers=auth).status_code == 404
    addon = {"currency": "USD", "name": "Support", "price": 500, "tax_category": "saas"}
    support = created(client.post("/addons", json=addon, headers=auth))["id"]
    extra = {"addons": [{"addon_id": support, "quantity": 2}]}
    assert change(client, auth, sub["id"], pro, effective_at="next_billing_date", **extra).status_code == 200
    shown = client.get(f"/subscriptions/{sub['id']}", headers=auth).json()
    assert shown["scheduled_change"]["addons"] == [{"addon_id": support, "name": "Support", "quantity": 2}]
    assert shown["addons"] == []  # until the change takes effect


def test_cancel_at_the_next_billing_date_is_set_and_undone_by_patch(client, auth, make_customer, served_plans):
    basic, _, _ = served_plans
    _, sub = start(client, auth, make_customer, basic)
    r = client.patch(f"/subscriptions/{sub['id']}", json={"cancel_at_next_billing_date": True}, headers=auth)
    assert r.status_code == 200 and r.json()["cancel_at_next_billing_date"] and r.json()["status"] == "active"
    assert r.json()["ends_at"] == "2026-10-01T00:00:00Z"
    r = client.patch(f"/subscriptions/{sub['id']}", json={"metadata": {"team": "a"}}, headers=auth)
    assert r.status_code == 200 and r.json()["metadata"] == {"team": "a"}
    r = client.patch(f"/subscriptions/{sub['id']}", json={"next_billing_date": iso(T)}, headers=auth)
    assert r.status_code == 409 and r.json()["code"] == "subscription_cancelled"  # undo the cancellation first


def test_patch_moves_the_next_billing_date_of_the_open_cycle(client, auth, make_customer, served_plans):
    basic, _, _ = served_plans
    now = datetime.now(timezone.utc).replace(second=0, microsecond=0)
    _, sub = start(client, auth, make_customer, basic, start=iso(now - timedelta(days=1)))
    path = f"/subscriptions/{sub['id']}"
    later = now + timedelta(days=40)
    r = client.patch(path, json={"next_billing_date": iso(later), "cancel_at_next_billing_date": True}, headers=auth)
    assert r.status_code == 200, r.text
    assert (r.json()["next_billing_date"], r.json()["ends_at"]) == (iso(later), iso(later))
    r = client.patch(path, json={"cancel_at_next_billing_date": False, "next_billing_date": iso(now)}, headers=auth)
    assert (r.status_code, r.json()["errors"][0]["field"]) == (422, "next_billing_date")
    assert client.get(path, headers=auth).json()["cancel_at_next_billing_date"] is True  # nothing half-written
    assert client.patch(path, json={"next_billing_date": "soon"}, headers=auth).status_code == 422


def test_refusals_are_problems_and_store_nothing(client, auth, make_customer, served_plans):
    basic, pro, plan = served_plans
    _, sub = start(client, auth, make_customer, basic)
    euro = plan("Euro", "30.00", "0.02", "1000", "EUR")
    old = plan("Old", "30.00", "0.02", "1000")
    client.post(f"/products/{old}/archive", headers=auth)
    before = client.get(f"/subscriptions/{sub['id']}", headers=auth).json()
    tomorrow = iso(datetime.now(timezone.utc) + timedelta(days=1))
    cases = [
        (str(uuid.uuid4()), {}, 404),
        (old, {}, 422),
        (pro, {"effective_at": "2026-08-15T00:00:00Z"}, 422),
        (pro, {"effective_at": tomorrow}, 422),
        (pro, {"quantity": 0}, 422),
        (euro, {}, 422),
        (pro, {"proration_billing_mode": "half_immediately"}, 422),
        (pro, {"addons": [{"addon_id": "a", "quantity": 1}]}, 422),
    ]
    for product, extra, status in cases:
        r = change(client, auth, sub["id"], product, **extra)
        assert (r.status_code, r.headers["content-type"]) == (status, "application/problem+json"), (extra, r.text)
    assert "currency" in change(client, auth, sub["id"], euro).json()["detail"]
    assert client.get(f"/subscriptions/{sub['id']}", headers=auth).json() == before


def test_quantity_and_a_trial_are_taken_at_the_start_and_dodos_shape_too(client, auth, make_customer, served_plans):
    basic, _, _ = served_plans
    _, seats = start(client, auth, make_customer, basic, quantity=3, trial_period_days=14)
    assert (seats["quantity"], seats["trial_period_days"], seats["recurring_pre_tax_amount"]) == (3, 14, 9000)
    assert seats["current_cycle"] == {"start": "2026-09-01T00:00:00Z", "end": "2026-09-15T00:00:00Z"}
    customer = make_customer("cus_dodo")
    body = {"customer": {"customer_id": customer}, "billing": {"country": "DE"}, "product_id": basic, "quantity": 2}
    dodo = created(client.post("/subscriptions", json=body, headers=auth))
    assert (dodo["subscription_id"], dodo["billing"], dodo["quantity"]) == (dodo["id"], {"country": "DE"}, 2)
    assert dodo["payment_id"] and dodo["payment_link"] is None
    refused = client.post("/subscriptions", json={**body, "payment_link": True}, headers=auth)
    assert refused.status_code == 422
