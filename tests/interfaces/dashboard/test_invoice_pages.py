"""Invoices in the dashboard: drafts listed, status actions as same-origin forms, PDF and CSV downloads."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from tests.interfaces.billing_helpers import meter, product, send, subscribe
from tests.interfaces.dashboard.test_pages_http import sign_in

SAME_ORIGIN = {"Sec-Fetch-Site": "same-origin"}
CROSS_SITE = {"Origin": "http://evil.example", "Sec-Fetch-Site": "cross-site"}


def draft_of(client: Any, auth: Any, worker: Any) -> dict[str, Any]:
    calls = meter(client, auth, "api.call", name="API calls")
    plan = product(client, auth, {"meter_id": calls, "unit_price": "0.02"})
    client.post("/customers", json={"customer_id": "cus_dash"}, headers=auth)
    start = datetime.now(timezone.utc).replace(second=0, microsecond=0) - timedelta(days=1, minutes=5)
    send(client, auth, "cus_dash", "api.call", 150, start + timedelta(minutes=5), "d")
    subscribe(client, auth, "cus_dash", plan["id"], start)
    worker.caught_up()
    [draft] = client.get("/invoices?status=draft", headers=auth).json()["items"]
    return draft


def test_a_draft_is_listed_finalized_paid_and_downloaded_from_the_dashboard(
    client: Any, auth: Any, worker: Any, key: str
) -> None:
    draft = draft_of(client, auth, worker)
    sign_in(client, key)
    listed = client.get("/dashboard/invoices?status=draft").text
    assert f"draft {draft['id'][:8]}" in listed and "$3.00" in listed
    page = client.get(f"/dashboard/invoices/{draft['id']}").text
    assert 'id="finalize"' in page and 'id="mark-paid"' not in page and 'id="download-pdf"' in page

    finalized = client.post(f"/dashboard/invoices/{draft['id']}/finalize", headers=SAME_ORIGIN)
    assert finalized.status_code == 200 and "Invoice INV-000001" in finalized.text
    assert 'id="mark-paid"' in finalized.text and 'id="void"' in finalized.text

    paid = client.post(
        f"/dashboard/invoices/{draft['id']}/mark-paid", data={"reference": "wire-7", "paid_at": ""}, headers=SAME_ORIGIN
    )
    assert paid.status_code == 200 and ">paid<" in paid.text and "wire-7" in paid.text
    assert 'id="void"' not in paid.text

    pdf = client.get(f"/dashboard/invoices/{draft['id']}/pdf")
    assert pdf.headers["content-type"].startswith("application/pdf") and pdf.content[:4] == b"%PDF"
    exported = client.get("/dashboard/invoices/export.csv?start=&end=&status=paid")
    assert exported.status_code == 200 and "INV-000001" in exported.text and "wire-7" in exported.text


def test_a_refused_action_comes_back_with_the_reason_and_a_cross_site_one_changes_nothing(
    client: Any, auth: Any, worker: Any, key: str
) -> None:
    draft = draft_of(client, auth, worker)
    sign_in(client, key)
    client.post(f"/dashboard/invoices/{draft['id']}/finalize", headers=SAME_ORIGIN)

    forged = client.post(f"/dashboard/invoices/{draft['id']}/void", data={"reason": "forged"}, headers=CROSS_SITE)
    assert forged.status_code == 403
    blank = client.post(f"/dashboard/invoices/{draft['id']}/void", data={"reason": ""}, headers=SAME_ORIGIN)
    assert blank.status_code == 422
    client.post(f"/dashboard/invoices/{draft['id']}/mark-paid", data={}, headers=SAME_ORIGIN)
    late = client.post(f"/dashboard/invoices/{draft['id']}/void", data={"reason": "too late"}, headers=SAME_ORIGIN)
    assert late.status_code == 409 and "cannot void an invoice that is paid" in late.text
    assert client.get(f"/invoices/{draft['id']}", headers=auth).json()["status"] == "paid"


def test_the_invoice_page_shows_the_business_s_billing_details_under_from(
    client: Any, auth: Any, worker: Any, key: str
) -> None:
    draft = draft_of(client, auth, worker)
    sign_in(client, key)
    assert "Hauptstr. 1" not in client.get(f"/dashboard/invoices/{draft['id']}").text
    details = {"legal_name": "Acme GmbH", "address": {"country": "DE", "street": "Hauptstr. 1", "city": "Berlin"}}
    assert client.patch("/business", json={"billing_details": details}, headers=auth).status_code == 200

    page = client.get(f"/dashboard/invoices/{draft['id']}").text

    shown_from = page[page.index("<dt>From</dt>") : page.index("<dt>Customer</dt>")]
    assert "Acme GmbH" in shown_from and "Hauptstr. 1" in shown_from and "Berlin" in shown_from and "DE" in shown_from
