"""The invoice lifecycle over HTTP: what HTTP adds to the services (statuses, 409 problems, documents)."""

import csv
import io
import uuid
from datetime import datetime, timedelta, timezone

import pypdf
import pytest

from tests.interfaces.billing_helpers import (
    close,
    iso,
    meter,
    product,
    send,
    subscribe,
    yesterday,
)


def ended_ten_minutes_ago() -> datetime:
    return (datetime.now(timezone.utc) - timedelta(days=1, minutes=10)).replace(second=0, microsecond=0)


@pytest.fixture
def priced_plan(client, auth) -> str:
    calls = meter(client, auth, "api.call", name="API calls")
    return str(product(client, auth, {"meter_id": calls, "unit_price": "0.02"})["id"])


def drafts(client, auth, customer):
    r = client.get(f"/invoices?customer_id={customer}&status=draft", headers=auth)
    assert r.status_code == 200, r.text
    return r.json()["items"]


def test_a_draft_is_listed_shown_and_finalized_into_a_numbered_invoice(client, auth, make_customer, priced_plan):
    customer = make_customer("cus_d")
    start = ended_ten_minutes_ago()
    send(client, auth, customer, "api.call", 100, start + timedelta(hours=1), "a")
    position = subscribe(client, auth, customer, priced_plan, start)["position"]
    client.get(f"/invoices?min_position={position}", headers=auth)
    [draft] = drafts(client, auth, customer)
    assert (draft["status"], draft["total"], draft["number"], draft["issued_at"]) == ("draft", "2.00", None, None)
    assert client.get(f"/invoices/{draft['id']}", headers=auth).json()["total"] == "2.00"

    r = client.post(f"/invoices/{draft['id']}/finalize", headers=auth)

    assert r.status_code == 200, r.text
    assert (r.json()["status"], r.json()["number"], r.json()["total"]) == ("issued", "INV-000001", "2.00")
    assert drafts(client, auth, customer) == []
    listed = client.get(f"/invoices?customer_id={customer}&status=issued", headers=auth).json()["items"]
    assert [i["number"] for i in listed] == ["INV-000001"]
    again = client.post(f"/invoices/{draft['id']}/finalize", headers=auth)
    assert again.status_code == 409 and again.json()["current_status"] == "issued"


def issued_invoice(client, auth, make_customer, plan, customer="cus_i") -> dict:
    make_customer(customer)
    subscription = subscribe(client, auth, customer, plan, yesterday())
    [invoice] = close(client, auth, subscription["id"])
    return invoice


def test_a_paid_invoice_answers_409_with_its_status_to_a_void(client, auth, make_customer, priced_plan):
    invoice = issued_invoice(client, auth, make_customer, priced_plan)
    r = client.post(
        f"/invoices/{invoice['id']}/mark-paid",
        json={"reference": "bank-123", "paid_at": "2026-11-01T10:00:00Z"},
        headers=auth,
    )
    assert r.status_code == 200, r.text
    assert (r.json()["status"], r.json()["payment_reference"], r.json()["paid_at"]) == (
        "paid",
        "bank-123",
        "2026-11-01T10:00:00Z",
    )

    refused = client.post(f"/invoices/{invoice['id']}/void", json={"reason": "oops"}, headers=auth)

    assert refused.status_code == 409 and refused.headers["content-type"] == "application/problem+json"
    assert (refused.json()["code"], refused.json()["current_status"]) == ("invalid_transition", "paid")
    shown = client.get(f"/invoices/{invoice['id']}", headers=auth).json()
    assert shown["status"] == "paid" and shown["void_reason"] is None


def test_void_and_uncollectible_are_listed_by_status(client, auth, make_customer, priced_plan):
    voided = issued_invoice(client, auth, make_customer, priced_plan, "cus_v")
    lost = issued_invoice(client, auth, make_customer, priced_plan, "cus_u")
    assert (
        client.post(f"/invoices/{voided['id']}/void", json={"reason": "sent twice"}, headers=auth).json()["status"]
        == "void"
    )
    assert client.post(f"/invoices/{lost['id']}/mark-uncollectible", headers=auth).json()["status"] == "uncollectible"
    for status, expected in (("void", voided), ("uncollectible", lost)):
        items = client.get(f"/invoices?status={status}", headers=auth).json()["items"]
        assert [i["id"] for i in items] == [expected["id"]]
    timeline = client.get(f"/audit/invoice/{voided['id']}", headers=auth).json()
    assert [e["type"] for e in timeline["events"]] == ["Invoice.Issued", "Invoice.Voided"]


@pytest.mark.parametrize(
    "path, body",
    [
        ("void", {}),
        ("void", {"reason": ""}),
        ("void", {"reason": "x", "extra": 1}),
        ("mark-paid", {"paid_at": "2026-11-01T10:00:00"}),
        ("mark-paid", {"reference": "r" * 256}),
    ],
)
def test_a_bad_transition_body_is_422_and_changes_nothing(client, auth, make_customer, priced_plan, path, body):
    invoice = issued_invoice(client, auth, make_customer, priced_plan)
    r = client.post(f"/invoices/{invoice['id']}/{path}", json=body, headers=auth)
    assert r.status_code in (400, 422) and r.headers["content-type"] == "application/problem+json"
    assert client.get(f"/invoices/{invoice['id']}", headers=auth).json()["status"] == "issued"


def test_another_business_sees_no_invoice_and_cannot_change_one(client, auth, make_customer, priced_plan, tally):
    invoice = issued_invoice(client, auth, make_customer, priced_plan)
    other = {"Authorization": f"Bearer {tally.businesses.create_key('intruder')}"}
    for method, path in (("post", "mark-paid"), ("post", "finalize"), ("post", "mark-uncollectible"), ("get", "pdf")):
        r = getattr(client, method)(f"/invoices/{invoice['id']}/{path}", headers=other)
        assert r.status_code == 404 and r.json()["code"] == "invoice_not_found", (path, r.text)
    assert client.get(f"/invoices/{uuid.uuid4()}/pdf", headers=auth).status_code == 404


def test_billing_details_are_set_by_patch_and_printed_on_the_pdf(client, auth, make_customer, priced_plan):
    make_customer("cus_p")
    details = {
        "legal_name": "Acme GmbH",
        "email": "ap@acme.test",
        "tax_id": "DE123456789",
        "address": {"country": "DE", "street": "Hauptstr. 1", "city": "Berlin", "zipcode": "10115"},
    }
    r = client.patch("/customers/cus_p", json={"billing_details": details}, headers=auth)
    assert r.status_code == 200, r.text
    assert r.json()["billing_details"] == {**details, "address": {**details["address"], "state": None}}
    invoice = issued_invoice(client, auth, lambda c: c, priced_plan, "cus_p")
    assert invoice["bill_to"]["legal_name"] == "Acme GmbH"

    pdf = client.get(f"/invoices/{invoice['id']}/pdf", headers=auth)

    assert pdf.status_code == 200 and pdf.headers["content-type"].startswith("application/pdf")
    assert pdf.content[:5] == b"%PDF-" and len(pdf.content) > 1000


def test_the_pdf_names_the_business_the_customer_the_product_and_the_number_in_any_script(
    client, auth, make_customer, tally
):
    make_customer("cus_u", name="Zoë Ångström 株式会社", email="zoe@example.com")
    calls = meter(client, auth, "api.call", name="API calls")
    tiers = [{"up_to": "1000", "unit_price": "0.02"}, {"up_to": None, "unit_price": "0.01"}]
    plan = product(client, auth, {"meter_id": calls, "model": "graduated", "tiers": tiers}, name="Nimbus API plan")
    invoice = issued_invoice(client, auth, lambda c: c, plan["id"], "cus_u")

    pdf = client.get(f"/invoices/{invoice['id']}/pdf", headers=auth)

    reader = pypdf.PdfReader(io.BytesIO(pdf.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    for shown in ("Zoë Ångström 株式会社", "zoe@example.com", "Nimbus API plan", invoice["number"], "graduated"):
        assert shown in text, (shown, text)
    assert "?" not in text and "cus_u" in text
    assert reader.metadata.title == f"Invoice {invoice['number']}"
    assert "Zoë Ångström 株式会社" in reader.metadata.subject and "Nimbus API plan" in reader.metadata.subject


def test_bad_billing_details_are_422_and_change_nothing(client, auth, make_customer):
    make_customer("cus_q", name="Quinn")
    r = client.patch(
        "/customers/cus_q", json={"name": "Q", "billing_details": {"address": {"country": "de"}}}, headers=auth
    )
    assert r.status_code == 422 and r.json()["code"] == "invalid_billing_details"
    shown = client.get("/customers/cus_q", headers=auth).json()
    assert shown["name"] == "Quinn" and shown["billing_details"]["address"] is None


def test_the_csv_export_has_a_row_per_invoice_issued_in_the_range(client, auth, make_customer, priced_plan):
    paid = issued_invoice(client, auth, make_customer, priced_plan, "cus_1")
    issued_invoice(client, auth, make_customer, priced_plan, "cus_2")
    client.post(f"/invoices/{paid['id']}/mark-paid", json={"reference": "=HYPERLINK(1)"}, headers=auth)
    now = datetime.now(timezone.utc)
    window = f"start={iso(now - timedelta(hours=1))}&end={iso(now + timedelta(hours=1))}"

    everything = client.get(f"/invoices/export.csv?{window}", headers=auth)
    only_paid = client.get(f"/invoices/export.csv?{window}&status=paid", headers=auth)
    before = client.get(
        f"/invoices/export.csv?start={iso(now - timedelta(days=3))}&end={iso(now - timedelta(days=2))}", headers=auth
    )

    assert everything.status_code == 200 and everything.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(everything.text)))
    assert sorted(r["number"] for r in rows) == ["INV-000001", "INV-000002"]
    [row] = list(csv.DictReader(io.StringIO(only_paid.text)))
    assert (row["id"], row["status"], row["payment_reference"]) == (paid["id"], "paid", "'=HYPERLINK(1)")
    assert list(csv.DictReader(io.StringIO(before.text))) == []
    assert client.get("/invoices/export.csv", headers=auth).status_code == 400  # the range is required
    assert client.get(f"/invoices/export.csv?{window}&status=draft", headers=auth).status_code == 422


def test_the_csv_export_names_customers_and_products_orders_by_number_and_can_list_every_line(
    client, auth, make_customer, tally
):
    calls = meter(client, auth, "api.call", name="API calls")
    plan = product(client, auth, {"meter_id": calls, "unit_price": "0.02"}, name="Nimbus API plan")
    make_customer("cus_n", name="Zoë Ångström 株式会社")
    subscription = subscribe(client, auth, "cus_n", plan["id"], datetime.now(timezone.utc) - timedelta(days=12))
    closed = close(client, auth, subscription["id"])  # twelve daily cycles issued at one instant
    now = datetime.now(timezone.utc)
    window = f"start={iso(now - timedelta(hours=1))}&end={iso(now + timedelta(hours=1))}"

    rows = list(csv.DictReader(io.StringIO(client.get(f"/invoices/export.csv?{window}", headers=auth).text)))
    with_lines = client.get(f"/invoices/export.csv?{window}&lines=true", headers=auth)

    assert [r["number"] for r in rows] == sorted(i["number"] for i in closed) and len(rows) == 12
    assert {(r["customer_name"], r["product"]) for r in rows} == {("Zoë Ångström 株式会社", "Nimbus API plan")}
    lines = list(csv.DictReader(io.StringIO(with_lines.text)))
    assert len(lines) == 12 and {(r["meter_name"], r["late"], r["unit_price"]) for r in lines} == {
        ("API calls", "false", "0.02")
    }
    assert client.get(f"/invoices/export.csv?{window}&lines=maybe", headers=auth).status_code == 422


def test_the_number_prefix_is_set_per_business(client, auth, make_customer, priced_plan):
    assert client.get("/invoices/numbering", headers=auth).json() == {
        "prefix": "INV",
        "next_number": "INV-000001",
        "position": 0,
    }
    r = client.put("/invoices/numbering", json={"prefix": "ACME"}, headers=auth)
    assert r.status_code == 200 and r.json()["next_number"] == "ACME-000001"
    assert issued_invoice(client, auth, make_customer, priced_plan)["number"] == "ACME-000001"
    bad = client.put("/invoices/numbering", json={"prefix": "A B"}, headers=auth)
    assert bad.status_code == 422 and bad.json()["code"] == "invalid_prefix"


def test_drafts_then_issued_invoices_page_as_one_list(client, auth, make_customer, priced_plan):
    for i in range(2):
        issued_invoice(client, auth, make_customer, priced_plan, f"cus_old{i}")
    start = ended_ten_minutes_ago()
    position = 0
    for i in range(3):
        position = subscribe(client, auth, make_customer(f"cus_new{i}"), priced_plan, start)["position"]
    pages = [
        client.get(f"/invoices?page_size=2&page_number={n}&min_position={position}", headers=auth).json()
        for n in range(3)
    ]
    assert [[i["status"] for i in p["items"]] for p in pages] == [["draft", "draft"], ["draft", "issued"], ["issued"]]
    assert [p["has_more"] for p in pages] == [True, True, False]
    assert len({i["id"] for p in pages for i in p["items"]}) == 5


def test_the_business_s_billing_details_are_set_by_patch_and_printed_under_from(
    client, auth, make_customer, priced_plan, tally
):
    seller = {
        "legal_name": "Nimbus Lda",
        "email": "billing@nimbus.test",
        "tax_id": "PT501234567",
        "address": {"country": "PT", "street": "Rua Augusta 10", "city": "Lisboa", "zipcode": "1100-053"},
    }
    before = client.get("/business", headers=auth).json()
    assert before["billing_details"]["address"] is None

    r = client.patch("/business", json={"billing_details": seller}, headers=auth)

    assert r.status_code == 200, r.text
    shown = client.get("/business", headers=auth).json()
    assert shown["billing_details"] == {**seller, "address": {**seller["address"], "state": None}}
    assert shown["name"] == before["name"] and r.json()["position"] > 0
    make_customer("cus_b")
    invoice = issued_invoice(client, auth, lambda c: c, priced_plan, "cus_b")
    pdf = client.get(f"/invoices/{invoice['id']}/pdf", headers=auth)
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf.content)).pages)
    for line in ("Nimbus Lda", "Rua Augusta 10", "1100-053 Lisboa", "PT", "Tax id: PT501234567", "billing@nimbus.test"):
        assert line in text, (line, text)
    assert text.index(before["name"]) < text.index("Rua Augusta 10") < text.index("Bill to")


def test_bad_business_details_are_422_and_change_nothing_and_another_key_sees_its_own(client, auth, tally):
    refused = [
        {"billing_details": {"address": {"country": "portugal"}}},
        {"billing_details": {"legal_name": "a\u0000b"}},
        {"billing_details": {}, "name": "renamed"},
    ]
    for body in refused:
        r = client.patch("/business", json=body, headers=auth)
        assert r.status_code in (400, 422) and r.headers["content-type"].startswith("application/problem+json"), r.text
    assert client.get("/business", headers=auth).json()["billing_details"]["legal_name"] is None
    other = {"Authorization": f"Bearer {tally.businesses.create_key('other-co')}"}
    client.patch("/business", json={"billing_details": {"legal_name": "Other Co Ltd"}}, headers=other)
    assert client.get("/business", headers=auth).json()["billing_details"]["legal_name"] is None
    assert client.get("/business", headers=other).json()["name"] == "other-co"
