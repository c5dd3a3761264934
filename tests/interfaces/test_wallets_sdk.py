"""Dodo's own SDK (`dodopayments`, strict response validation) drives tally's money wallets unchanged:
`customers.wallets.list` and `customers.wallets.ledger_entries.create / list`, amounts in minor units."""

from __future__ import annotations

from tests.interfaces.billing_helpers import close, meter, product, send, subscribe, yesterday


def test_the_sdk_credits_a_wallet_once_per_key_and_lists_wallets_and_entries(strict_sdk, make_customer):
    make_customer("cus_w")
    entries = strict_sdk.customers.wallets.ledger_entries
    for _ in range(2):
        wallet = entries.create(
            "cus_w", amount=2500, currency="USD", entry_type="credit", idempotency_key="k1", reason="prepaid"
        )
        assert (wallet.balance, wallet.currency, wallet.customer_id) == (2500, "USD", "cus_w")
    entries.create("cus_w", amount=500, currency="EUR", entry_type="credit")
    entries.create("cus_w", amount=700, currency="USD", entry_type="debit", reason="refund by hand")

    listed = strict_sdk.customers.wallets.list("cus_w")
    assert [(w.currency, w.balance) for w in listed.items] == [("EUR", 500), ("USD", 1800)]
    assert listed.total_balance_usd == 1800
    usd = entries.list("cus_w", currency="USD").items
    assert [(e.amount, e.is_credit, e.before_balance, e.after_balance, e.reason) for e in usd] == [
        (700, False, 2500, 1800, "refund by hand"),
        (2500, True, 0, 2500, "prepaid"),
    ]
    assert {e.event_type for e in usd} == {"merchant_adjustment"}


def test_a_debit_past_the_balance_is_a_409_and_bad_amounts_a_422_storing_nothing(client, auth, make_customer):
    make_customer("cus_w")
    url = "/customers/cus_w/wallets/ledger-entries"
    client.post(url, json={"amount": 1000, "currency": "USD", "entry_type": "credit"}, headers=auth)
    refused = client.post(url, json={"amount": 1001, "currency": "USD", "entry_type": "debit"}, headers=auth)
    assert refused.status_code == 409 and refused.json()["code"] == "insufficient_funds"
    assert refused.headers["content-type"].startswith("application/problem+json")
    for body in (
        {"amount": -5, "currency": "USD", "entry_type": "credit"},
        {"amount": 0, "currency": "USD", "entry_type": "credit"},
        {"amount": 5, "currency": "XYZ", "entry_type": "credit"},
        {"amount": 5, "currency": "USD", "entry_type": "gift"},
    ):
        answer = client.post(url, json=body, headers=auth)
        assert answer.status_code == 422, body
    assert client.get("/customers/cus_w/wallets", headers=auth).json()["items"][0]["balance"] == 1000
    assert client.get("/customers/nobody/wallets", headers=auth).status_code == 404


def test_an_invoice_shows_what_the_wallet_paid_and_the_ledger_names_the_invoice(client, auth):
    client.post("/customers", json={"customer_id": "cus_w"}, headers=auth)
    calls = meter(client, auth, "api.call")
    plan = product(client, auth, {"meter_id": calls, "unit_price": "0.02", "free_threshold": "1000"})
    start = yesterday()
    subscription = subscribe(client, auth, "cus_w", plan["id"], start)
    client.post(
        "/customers/cus_w/wallets/ledger-entries",
        json={"amount": 2500, "currency": "USD", "entry_type": "credit"},
        headers=auth,
    )
    send(client, auth, "cus_w", "api.call", 2500, start, "c")
    [invoice] = close(client, auth, subscription["id"])
    shown = client.get(f"/invoices/{invoice['id']}", headers=auth).json()
    assert (shown["total"], shown["wallet_applied"], shown["amount_due"], shown["status"]) == (
        "30.00",
        "25.00",
        "5.00",
        "issued",
    )
    [payment, _] = client.get("/customers/cus_w/wallets/ledger-entries", headers=auth).json()["items"]
    assert (payment["event_type"], payment["amount"], payment["reference_object_id"]) == (
        "payment",
        2500,
        invoice["id"],
    )


def test_a_wallets_entries_are_its_audit_history_with_time_travel(client, auth, make_customer):
    make_customer("cus_w")
    url = "/customers/cus_w/wallets/ledger-entries"
    wallet = client.post(url, json={"amount": 1000, "currency": "USD", "entry_type": "credit"}, headers=auth).json()
    client.post(url, json={"amount": 400, "currency": "USD", "entry_type": "debit"}, headers=auth)
    history = client.get(f"/audit/money_wallet/{wallet['id']}", headers=auth).json()
    assert [e["type"] for e in history["events"]] == [
        "MoneyWallet.Opened",
        "MoneyWallet.Credited",
        "MoneyWallet.Debited",
    ]
    assert history["state"]["balance"] == "6.00"
    assert (
        client.get(f"/audit/money_wallet/{wallet['id']}?version=2", headers=auth).json()["state"]["balance"] == "10.00"
    )


def test_a_top_up_setting_is_set_shown_and_refused_when_bad(client, auth, make_customer):
    make_customer("cus_w")
    url = "/customers/cus_w/wallets/USD"
    body = {"auto_top_up": {"below": "5.00", "amount": "20.00"}}
    answer = client.patch(url, json=body, headers=auth)
    assert answer.json()["auto_top_up"] == {"below": "5.00", "amount": "20.00"}, answer.text
    [shown] = client.get("/customers/cus_w/wallets", headers=auth).json()["items"]
    assert shown["auto_top_up"] == {"below": "5.00", "amount": "20.00"}
    for bad in ({"auto_top_up": {"below": "-1", "amount": "20.00"}}, {"auto_top_up": {"below": 500, "amount": 2000}}):
        assert client.patch(url, json=bad, headers=auth).status_code == 422
    assert client.patch("/customers/cus_w/wallets/XYZ", json=body, headers=auth).status_code == 422
    assert client.patch(url, json={"auto_top_up": None}, headers=auth).json()["auto_top_up"] is None
