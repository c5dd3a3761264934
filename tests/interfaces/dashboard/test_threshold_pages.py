"""Threshold invoices in the dashboard: the product shows its thresholds, a threshold invoice says what it is,
and the upcoming invoice shows what was already invoiced."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from tests.interfaces.billing_helpers import meter, product, send, subscribe
from tests.interfaces.dashboard.test_pages_http import sign_in


def test_thresholds_show_on_the_product_the_invoice_and_the_upcoming_invoice(
    client: Any, auth: Any, key: str, tally: Any, business: Any, worker: Any
) -> None:
    client.post("/customers", json={"customer_id": "cus_d"}, headers=auth)
    calls = meter(client, auth, "api.call")
    plan = product(
        client,
        auth,
        {"meter_id": calls, "unit_price": "0.02", "free_threshold": "1000"},
        usage_thresholds=[{"amount": "20.00", "recurring": True}],
    )
    start = (datetime.now(timezone.utc) - timedelta(hours=2)).replace(second=0, microsecond=0)
    subscription = subscribe(client, auth, "cus_d", plan["id"], start)
    send(client, auth, "cus_d", "api.call", 2100, start, "c")
    worker.caught_up()
    [early] = tally.thresholds.check(business, "cus_d", datetime.now(timezone.utc))
    worker.caught_up()

    sign_in(client, key)
    shown = client.get(f"/dashboard/products/{plan['id']}").text
    thresholds = shown[shown.index('id="product-thresholds"') :]
    assert "$20.00 (and again each time another $20.00 accrues)" in thresholds
    invoice = client.get(f"/dashboard/invoices/{early}").text
    assert 'id="billing-reason"' in invoice and "$22.00" in invoice
    customer = client.get("/dashboard/customers/cus_d").text
    assert "Already invoiced" in customer and "-$22.00" in customer

    client.post(f"/subscriptions/{subscription['id']}/cancel", headers=auth)
    [final] = client.post(f"/subscriptions/{subscription['id']}/close-cycle", headers=auth).json()["invoices"]
    page = client.get(f"/dashboard/invoices/{final['id']}").text
    assert "Already invoiced" in page and "-$22.00" in page and "$0.00" in page
    pdf = client.get(f"/invoices/{final['id']}/pdf", headers=auth)
    assert pdf.status_code == 200 and pdf.content[:4] == b"%PDF"
