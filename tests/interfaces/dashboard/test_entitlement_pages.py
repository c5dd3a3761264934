"""Dashboard pages of credit entitlements over plain HTTP: the list, and a customer's balance of one with its
grants and ledger."""

from __future__ import annotations

from typing import Any

from tests.interfaces.dashboard.test_pages_http import sign_in


def test_the_entitlements_page_lists_them_and_a_customer_sees_balance_grants_and_ledger(
    client: Any, auth: Any, key: str, tally: Any
) -> None:
    ent = client.post(
        "/credit-entitlements",
        headers=auth,
        json={
            "name": "API credits",
            "unit": "credits",
            "precision": 0,
            "rollover_enabled": True,
            "rollover_percentage": 50,
            "overage_enabled": True,
            "overage_behavior": "carry_deficit",
            "price_per_unit": "0.05",
            "currency": "USD",
        },
    ).json()
    client.post("/customers", headers=auth, json={"customer_id": "cus_e"})
    entries = f"/credit-entitlements/{ent['id']}/balances/cus_e/ledger-entries"
    client.post(entries, headers=auth, json={"amount": "40", "entry_type": "credit", "reason": "welcome"})
    client.post(entries, headers=auth, json={"amount": "45", "entry_type": "debit"})
    sign_in(client, key)
    listed = client.get("/dashboard/credit-entitlements")
    assert listed.status_code == 200 and "API credits" in listed.text and "carry_deficit" in listed.text
    customer = client.get("/dashboard/customers/cus_e")
    assert f"/dashboard/customers/cus_e/credit-entitlements/{ent['id']}" in customer.text
    # one credit story: the entitlement's balance, and no empty wallet beside it
    assert "No credits yet" not in customer.text and 'id="credit-balance"' not in customer.text
    page = client.get(f"/dashboard/customers/cus_e/credit-entitlements/{ent['id']}")
    assert page.status_code == 200
    assert 'id="entitlement-balance">0<' in page.text and 'id="entitlement-overage">5<' in page.text
    assert page.text.count("manual_adjustment") == 2 and "welcome" in page.text and "depleted" in page.text
    sign_in(client, tally.businesses.create_key("someone-else"))
    assert client.get(f"/dashboard/customers/cus_e/credit-entitlements/{ent['id']}").status_code == 404
    assert "API credits" not in client.get("/dashboard/credit-entitlements").text
