"""Dodo's own SDK (`dodopayments`, strict response validation) drives tally's credit entitlements unchanged:
`credit_entitlements`, `credit_entitlements.balances` and `customers.list_credit_entitlements`."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

import dodopayments
import pytest
from litestar.testing import TestClient

from tests.interfaces.helpers import ingest


@pytest.fixture
def dodo(client: TestClient, key: str) -> dodopayments.DodoPayments:
    """Not closed here: it closes the http client it was given, which the `client` fixture owns."""
    return dodopayments.DodoPayments(
        bearer_token=key,
        base_url=str(client.base_url),
        http_client=client,
        _strict_response_validation=True,
        max_retries=0,
    )


def test_the_sdk_defines_lists_updates_deletes_and_undeletes_an_entitlement(dodo):
    created = dodo.credit_entitlements.create(
        name="API credits",
        unit="credits",
        precision=0,
        rollover_enabled=True,
        rollover_percentage=50,
        max_rollover_count=1,
        overage_enabled=True,
        overage_behavior="invoice_at_billing",
        price_per_unit="0.05",
        currency="USD",
        overage_limit=1000,
    )
    assert (created.name, created.price_per_unit, created.overage_limit) == ("API credits", "0.05", 1000)
    assert dodo.credit_entitlements.retrieve(created.id).rollover_percentage == 50
    dodo.credit_entitlements.update(created.id, name="Calls", rollover_percentage=25)
    assert (
        dodo.credit_entitlements.retrieve(created.id).name,
        dodo.credit_entitlements.retrieve(created.id).rollover_percentage,
    ) == ("Calls", 25)
    assert [e.id for e in dodo.credit_entitlements.list(page_size=10).items] == [created.id]
    dodo.credit_entitlements.delete(created.id)
    assert dodo.credit_entitlements.list().items == []
    assert [e.id for e in dodo.credit_entitlements.list(deleted=True).items] == [created.id]
    dodo.credit_entitlements.undelete(created.id)
    assert [e.id for e in dodo.credit_entitlements.list().items] == [created.id]


def test_the_sdk_lists_and_retrieves_entitlements_with_a_locale_and_gets_the_base_text(dodo):
    created = dodo.credit_entitlements.create(
        name="API credits", unit="credits", precision=0, rollover_enabled=False, overage_enabled=False
    )
    assert [e.name for e in dodo.credit_entitlements.list(locale="fr").items] == ["API credits"]
    assert dodo.credit_entitlements.retrieve(created.id, locale="fr").unit == "credits"


def test_the_sdk_refuses_an_entitlement_against_dodos_rules(dodo):
    with pytest.raises(dodopayments.UnprocessableEntityError) as refused:
        dodo.credit_entitlements.create(
            name="x", unit="u", precision=0, rollover_enabled=False, overage_enabled=True
        )  # overage needs price_per_unit and currency
    assert refused.value.body["code"] == "invalid_credit_entitlement"


def test_the_sdk_reads_balances_grants_and_ledger_and_writes_ledger_entries(dodo, make_customer):
    make_customer("cus_1")
    ent = dodo.credit_entitlements.create(
        name="Tokens",
        unit="tokens",
        precision=2,
        rollover_enabled=False,
        overage_enabled=True,
        overage_limit=5,
        price_per_unit="1",
        currency="USD",
        overage_behavior="carry_deficit",
    )
    balances = dodo.credit_entitlements.balances
    credit = balances.create_ledger_entry(
        "cus_1",
        credit_entitlement_id=ent.id,
        amount="10.50",
        entry_type="credit",
        idempotency_key="k1",
        reason="goodwill",
        metadata={"ticket": "T-1"},
    )
    assert (credit.balance_before, credit.balance_after, credit.is_credit) == ("0", "10.5", True)
    again = balances.create_ledger_entry(
        "cus_1", credit_entitlement_id=ent.id, amount="10.50", entry_type="credit", idempotency_key="k1"
    )
    assert again.id == credit.id
    with pytest.raises(dodopayments.ConflictError):
        balances.create_ledger_entry(
            "cus_1", credit_entitlement_id=ent.id, amount="11", entry_type="credit", idempotency_key="k1"
        )
    debit = balances.create_ledger_entry(
        "cus_1", credit_entitlement_id=ent.id, amount="12", entry_type="debit", idempotency_key="k2"
    )
    assert (debit.balance_after, debit.overage_before, debit.overage_after) == ("0", "0", "1.5")
    with pytest.raises(dodopayments.BadRequestError):  # past the overage limit of 5
        balances.create_ledger_entry(
            "cus_1", credit_entitlement_id=ent.id, amount="4", entry_type="debit", idempotency_key="k3"
        )
    balance = balances.retrieve("cus_1", credit_entitlement_id=ent.id)
    assert (balance.balance, balance.overage) == ("0", "1.5") and balance.last_transaction_at is not None
    assert [b.customer_id for b in balances.list(ent.id).items] == ["cus_1"]
    assert [g.status for g in balances.list_grants("cus_1", credit_entitlement_id=ent.id).items] == ["depleted"]
    assert balances.list_grants("cus_1", credit_entitlement_id=ent.id, status="active").items == []
    ledger = balances.list_ledger("cus_1", credit_entitlement_id=ent.id).items
    assert [(e.transaction_type, e.amount, e.is_credit) for e in ledger] == [
        ("manual_adjustment", "12", False),
        ("manual_adjustment", "10.5", True),
    ]
    assert ledger[1].metadata == {"ticket": "T-1"}
    assert balances.list_ledger("cus_1", credit_entitlement_id=ent.id, transaction_type="credit_added").items == []
    later = balances.list_ledger(
        "cus_1", credit_entitlement_id=ent.id, start_date=datetime(2999, 1, 1, tzinfo=timezone.utc)
    ).items
    assert later == []
    [held] = dodo.customers.list_credit_entitlements("cus_1").items
    assert (held.credit_entitlement_id, held.balance, held.overage, held.unit) == (ent.id, "0", "1.5", "tokens")


def test_a_product_attaches_an_entitlement_and_grants_it_on_subscribing(client, auth, dodo, make_customer):
    make_customer("cus_2")
    ent = dodo.credit_entitlements.create(
        name="API credits", unit="credits", precision=0, rollover_enabled=False, overage_enabled=False
    )
    meter = client.post(
        "/meters", headers=auth, json={"name": "calls", "event_name": "api.call", "aggregation": {"type": "count"}}
    ).json()["id"]
    product = client.post(
        "/products",
        headers=auth,
        json={
            "name": "plan",
            "currency": "USD",
            "billing_interval": "month",
            "credit_entitlements": [{"credit_entitlement_id": ent.id, "credits_amount": "100"}],
            "usage_prices": [
                {
                    "meter_id": meter,
                    "unit_price": "0.01",
                    "credit_entitlement_id": ent.id,
                    "meter_units_per_credit": "10",
                }
            ],
        },
    )
    assert product.status_code == 201, product.text
    assert product.json()["credit_entitlements"][0]["credits_amount"] == "100"
    assert product.json()["usage_prices"][0]["meter_units_per_credit"] == "10"
    started = client.post(
        "/subscriptions", headers=auth, json={"customer_id": "cus_2", "product_id": product.json()["id"]}
    )
    assert started.status_code == 201, started.text
    assert dodo.credit_entitlements.balances.retrieve("cus_2", credit_entitlement_id=ent.id).balance == "100"
    [grant] = dodo.credit_entitlements.balances.list_grants("cus_2", credit_entitlement_id=ent.id).items
    assert (grant.source_type, grant.initial_amount, grant.rollover_count) == ("subscription", "100", 0)
    sent = ingest(
        client, auth, *[{"event_id": f"e{i}", "customer_id": "cus_2", "event_name": "api.call"} for i in range(25)]
    )
    usage = client.get(f"/customers/cus_2/usage?min_position={sent.json()['position']}", headers=auth).json()
    assert Decimal(usage["lines"][0]["credits_used"]) == 3  # 25 calls at 10 a credit, rounded up


def test_entitlement_routes_answer_404_for_another_business(client, auth, dodo, tally, make_customer):
    make_customer("cus_3")
    ent = dodo.credit_entitlements.create(
        name="Mine", unit="u", precision=0, rollover_enabled=False, overage_enabled=False
    )
    other = {"Authorization": f"Bearer {tally.businesses.create_key('other-business')}"}
    for path in (
        f"/credit-entitlements/{ent.id}",
        f"/credit-entitlements/{ent.id}/balances",
        f"/credit-entitlements/{ent.id}/balances/cus_3",
        f"/credit-entitlements/{ent.id}/balances/cus_3/ledger",
    ):
        assert client.get(path, headers=other).status_code == 404, path
    refused = client.post(
        f"/credit-entitlements/{ent.id}/balances/cus_3/ledger-entries",
        headers=other,
        json={"amount": "1", "entry_type": "credit"},
    )
    assert refused.status_code == 404


def test_a_product_attaches_changes_and_detaches_an_entitlement(client, auth, dodo):
    ent = dodo.credit_entitlements.create(
        name="Seats", unit="seats", precision=0, rollover_enabled=False, overage_enabled=False
    )
    product = client.post(
        "/products", headers=auth, json={"name": "p", "currency": "USD", "billing_interval": "month"}
    ).json()["id"]
    path = f"/products/{product}/credit-entitlements/{ent.id}"
    attached = client.put(path, headers=auth, json={"credits_amount": "5", "rollover_enabled": True})
    assert attached.status_code == 200, attached.text
    assert attached.json()["credit_entitlements"] == [
        {
            "credit_entitlement_id": ent.id,
            "credits_amount": "5",
            "overrides": {"rollover_enabled": True},
            "proration_behavior": "prorate",
        }
    ]
    changed = client.put(path, headers=auth, json={"credits_amount": "7", "proration_behavior": "no_prorate"})
    assert [(a["credits_amount"], a["proration_behavior"]) for a in changed.json()["credit_entitlements"]] == [
        ("7", "no_prorate")
    ]
    refused = client.put(path, headers=auth, json={"credits_amount": "7", "proration_behavior": "sometimes"})
    assert refused.status_code == 422, refused.text
    assert client.put(path, headers=auth, json={"credits_amount": "1.5"}).status_code == 422  # precision 0
    listed = client.get(f"/products?min_position={changed.json()['position']}", headers=auth).json()["items"]
    assert [(a["credits_amount"], a["proration_behavior"]) for a in listed[0]["credit_entitlements"]] == [
        ("7", "no_prorate")
    ]
    detached = client.delete(path, headers=auth)
    assert detached.status_code == 200 and detached.json()["credit_entitlements"] == []
    assert client.delete(path, headers=auth).status_code == 404
