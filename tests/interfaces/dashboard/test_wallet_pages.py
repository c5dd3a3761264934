"""Money wallets in the dashboard: the customer page shows each wallet, its top-up setting and its ledger; an
invoice shows what the wallet paid and what is due."""

from __future__ import annotations

from typing import Any

from tests.interfaces.billing_helpers import close, meter, product, send, subscribe, yesterday
from tests.interfaces.dashboard.test_pages_http import sign_in


def test_the_customer_page_shows_wallets_their_ledger_and_the_invoice_what_the_wallet_paid(
    client: Any, auth: Any, key: str
) -> None:
    client.post("/customers", json={"customer_id": "cus_w"}, headers=auth)
    calls = meter(client, auth, "api.call")
    plan = product(client, auth, {"meter_id": calls, "unit_price": "0.02", "free_threshold": "1000"})
    start = yesterday()
    subscription = subscribe(client, auth, "cus_w", plan["id"], start)
    entry = {"amount": 2500, "currency": "USD", "entry_type": "credit", "reason": "prepaid"}
    client.post("/customers/cus_w/wallets/ledger-entries", json=entry, headers=auth)
    client.patch(
        "/customers/cus_w/wallets/USD", json={"auto_top_up": {"below": "5.00", "amount": "20.00"}}, headers=auth
    )
    send(client, auth, "cus_w", "api.call", 2500, start, "c")
    [invoice] = close(client, auth, subscription["id"])

    sign_in(client, key)
    page = client.get("/dashboard/customers/cus_w").text
    wallets = page[page.index('id="wallets"') : page.index('id="wallet-ledger"')]
    assert "$0.00" in wallets and "below $5.00: ask for $20.00" in wallets
    ledger = page[page.index('id="wallet-ledger"') :]
    assert "payment" in ledger and "-$25.00" in ledger and invoice["id"][:8] in ledger and "prepaid" in ledger
    shown = client.get(f"/dashboard/invoices/{invoice['id']}").text
    paid = shown[shown.index('id="wallet-payment"') :]
    assert "$25.00" in paid and "$5.00" in paid
