"""Products, subscriptions, credits and invoices in the dashboard, over plain HTTP."""

from __future__ import annotations

import io
import uuid
from datetime import datetime, timedelta, timezone
from typing import Any

import pypdf

from tests.interfaces.billing_helpers import close, meter, product, send, subscribe
from tests.interfaces.dashboard.test_pages_http import sign_in


def test_the_product_form_rejects_what_the_api_rejects(client: Any, auth: Any, key: str) -> None:
    api = client.post(
        "/products", json={"name": "x", "currency": "USD", "billing_interval": "fortnight"}, headers=auth
    ).json()
    sign_in(client, key)
    page = client.post("/dashboard/products", data={"name": "x", "currency": "USD", "billing_interval": "fortnight"})
    assert page.status_code == 422
    assert api["errors"][0]["reason"].split(" - ")[0] in page.text.replace("&#39;", "'").replace("&#34;", '"')


def test_a_closed_cycle_shows_as_an_invoice_with_its_lines_and_audit_link(
    client: Any, auth: Any, worker: Any, key: str, tally: Any
) -> None:
    calls = meter(client, auth, "api.call", name="API calls")
    plan = product(client, auth, {"meter_id": calls, "unit_price": "0.02", "free_threshold": "1000"})
    client.post("/customers", json={"customer_id": "cus_inv"}, headers=auth)
    start = datetime.now(timezone.utc).replace(second=0, microsecond=0) - timedelta(days=1, hours=1)
    subscription = subscribe(client, auth, "cus_inv", plan["id"], start)
    send(client, auth, "cus_inv", "api.call", 2500, start + timedelta(minutes=5), "inv")
    [invoice] = close(client, auth, subscription["id"])
    worker.caught_up()
    sign_in(client, key)
    listed = client.get("/dashboard/invoices").text
    assert f"/dashboard/invoices/{invoice['id']}" in listed and "$30.00" in listed
    detail = client.get(f"/dashboard/invoices/{invoice['id']}").text
    assert "API calls" in detail and "2,500" in detail and "1,500" in detail and "$30.00" in detail
    assert f"/dashboard/audit/invoice/{invoice['id']}" in detail
    assert client.get(f"/dashboard/audit/invoice/{invoice['id']}").status_code == 200
    explained = client.get(f"/dashboard/invoices/{invoice['id']}/explain").text
    assert "it matches the issued invoice" in explained and "2,500" in explained
    assert "$30.00" in client.get("/dashboard/customers/cus_inv").text
    sign_in(client, tally.businesses.create_key("other-business"))
    assert client.get(f"/dashboard/invoices/{invoice['id']}").status_code == 404
    assert client.get(f"/dashboard/invoices/{invoice['id']}/explain").status_code == 404
    assert "cus_inv" not in client.get("/dashboard/invoices").text


def test_credits_granted_on_the_customer_page_show_in_balance_and_ledger(client: Any, auth: Any, key: str) -> None:
    client.post("/customers", json={"customer_id": "cus_cr"}, headers=auth)
    sign_in(client, key)
    refused = client.post("/dashboard/customers/cus_cr/credits", data={"amount": "lots"})
    assert refused.status_code == 422
    page = client.post("/dashboard/customers/cus_cr/credits", data={"amount": "500", "reason": "welcome"})
    assert page.status_code == 200
    assert 'id="credit-balance">500<' in page.text and "welcome" in page.text


def test_a_customer_subscribed_from_the_product_page_shows_among_its_subscribers(
    client: Any, auth: Any, key: str, tally: Any
) -> None:
    calls = meter(client, auth, "api.call", name="API calls")
    plan = product(client, auth, {"meter_id": calls, "unit_price": "0.02"}, name="Metered")
    client.post("/customers", json={"customer_id": "cus_sub"}, headers=auth)
    sign_in(client, key)
    unknown = client.post(f"/dashboard/products/{plan['id']}/subscriptions", data={"customer_id": "cus_nobody"})
    assert unknown.status_code == 422 and "not found" in unknown.text
    page = client.post(f"/dashboard/products/{plan['id']}/subscriptions", data={"customer_id": "cus_sub"})
    assert page.status_code == 200
    assert '<td class="num upcoming-total">$0.00</td>' in page.text and "/dashboard/customers/cus_sub" in page.text
    sign_in(client, tally.businesses.create_key("outsider"))
    assert client.get(f"/dashboard/products/{plan['id']}").status_code == 404
    foreign = client.post(f"/dashboard/products/{plan['id']}/subscriptions", data={"customer_id": "cus_sub"})
    assert foreign.status_code == 404


def test_a_graduated_per_value_invoice_shows_its_values_and_tiers(
    client: Any, auth: Any, worker: Any, key: str
) -> None:
    calls = meter(client, auth, "api.call", name="API calls")
    tiers = [{"up_to": "1000", "unit_price": "0.02"}, {"up_to": None, "unit_price": "0.01"}]
    plan = product(client, auth, {"meter_id": calls, "model": "graduated", "tiers": tiers, "group_by": "region"})
    client.post("/customers", json={"customer_id": "cus_tier"}, headers=auth)
    start = datetime.now(timezone.utc).replace(second=0, microsecond=0) - timedelta(days=1, hours=1)
    subscription = subscribe(client, auth, "cus_tier", plan["id"], start)
    send(client, auth, "cus_tier", "api.call", 1500, start + timedelta(minutes=5), "t", {"region": "eu"})
    [invoice] = close(client, auth, subscription["id"])
    worker.caught_up()
    sign_in(client, key)
    detail = client.get(f"/dashboard/invoices/{invoice['id']}").text
    assert "region: eu" in detail and "graduated" in detail and "$25.00" in detail
    explained = client.get(f"/dashboard/invoices/{invoice['id']}/explain").text
    assert "it matches the issued invoice" in explained and "1,000 × 0.02; 500 × 0.01" in explained


def test_a_customer_with_a_late_line_has_one_chart_per_meter_and_the_late_line_names_its_cycle(
    client: Any, auth: Any, worker: Any, key: str, tally: Any, business: Any
) -> None:
    calls = meter(client, auth, "api.call", name="API calls")
    plan = product(client, auth, {"meter_id": calls, "unit_price": "0.02", "free_threshold": "1000"})
    client.post("/customers", json={"customer_id": "cus_late"}, headers=auth)
    start = datetime.now(timezone.utc).replace(second=0, microsecond=0) - timedelta(days=1, hours=1)
    subscription = subscribe(client, auth, "cus_late", plan["id"], start)
    send(client, auth, "cus_late", "api.call", 500, start + timedelta(minutes=5), "on")
    [first] = close(client, auth, subscription["id"])
    send(client, auth, "cus_late", "api.call", 1000, start + timedelta(hours=2), "late")
    worker.caught_up()
    sign_in(client, key)
    page = client.get("/dashboard/customers/cus_late").text
    assert page.count("data-usage-chart") == 1
    assert "that cycle now costs $10.00, $0.00 was billed" in page and "$10.00" in page
    # once closed, the late line names the invoice it re-rated by its number, on the invoice and its explanation
    day = datetime.now(timezone.utc) + timedelta(days=1, minutes=1)
    [second] = tally.billing.close_cycles(business, uuid.UUID(subscription["id"]), day)
    worker.caught_up()
    shown = client.get(f"/dashboard/invoices/{second}").text
    explained = client.get(f"/dashboard/invoices/{second}/explain").text
    assert f">{first['number']}</a>" in shown and f">{first['number']}</a>" in explained


def test_a_graduated_line_shows_its_tiers_on_the_invoice_page_and_in_the_pdf(
    client: Any, auth: Any, worker: Any, key: str
) -> None:
    calls = meter(client, auth, "api.call", name="API calls")
    tiers = [{"up_to": "1000", "unit_price": "0.02"}, {"up_to": None, "unit_price": "0.01"}]
    plan = product(client, auth, {"meter_id": calls, "model": "graduated", "tiers": tiers})
    client.post("/customers", json={"customer_id": "cus_tiers"}, headers=auth)
    start = datetime.now(timezone.utc).replace(second=0, microsecond=0) - timedelta(days=1, hours=1)
    subscription = subscribe(client, auth, "cus_tiers", plan["id"], start)
    send(client, auth, "cus_tiers", "api.call", 1500, start + timedelta(minutes=5), "t")
    [invoice] = close(client, auth, subscription["id"])
    worker.caught_up()
    sign_in(client, key)
    page = client.get(f"/dashboard/invoices/{invoice['id']}").text
    assert "1,000 x 0.02 + 500 x 0.01" in page and "$25.00" in page
    pdf = client.get(f"/invoices/{invoice['id']}/pdf", headers=auth).content
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "graduated: 1,000 x 0.02 + 500 x 0.01" in text


def test_a_credit_ledger_names_the_invoice_that_spent_the_credits_by_its_number(
    client: Any, auth: Any, worker: Any, key: str
) -> None:
    calls = meter(client, auth, "api.call", name="API calls")
    credits = {"per_cycle": "0", "per_unit": "1", "rollover": "none"}
    plan = product(client, auth, {"meter_id": calls, "unit_price": "0.02", "credits": credits})
    client.post("/customers", json={"customer_id": "cus_led"}, headers=auth)
    client.post("/customers/cus_led/credits", json={"amount": "100"}, headers=auth)
    start = datetime.now(timezone.utc).replace(second=0, microsecond=0) - timedelta(days=1, hours=1)
    subscription = subscribe(client, auth, "cus_led", plan["id"], start)
    send(client, auth, "cus_led", "api.call", 30, start + timedelta(minutes=5), "led")
    [invoice] = close(client, auth, subscription["id"])
    worker.caught_up()
    sign_in(client, key)
    page = client.get("/dashboard/customers/cus_led").text
    assert f'<a href="/dashboard/invoices/{invoice["id"]}">{invoice["number"]}</a>' in page
