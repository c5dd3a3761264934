"""A manual ledger entry of a credit entitlement becomes its `credit.manual_adjustment` webhook like every
other ledger line, and the business's facts after it keep flowing (issue 34: it parked the webhooks
projection and held back every later webhook of the business)."""

from __future__ import annotations

import json

from domain.credit_wallet import CreditWallet
from projections.engine import parking
from projections.engine.retry import retry
from projections.webhooks.facts import FACTS
from tests.cli.processes import eventually
from tests.webhooks.test_delivery import WAIT_S, create, grant


def entitlement(client, auth):
    r = client.post(
        "/credit-entitlements",
        json={
            "name": "Credits",
            "unit": "credits",
            "precision": 2,
            "overage_enabled": False,
            "rollover_enabled": False,
        },
        headers=auth,
    )
    assert r.status_code in (200, 201), r.text
    return r.json()["id"]


def ledger_entry(client, auth, ent, customer, key, **fields):
    """A credit of 7 by the entitlement's ledger-entries route (Dodo's `create_ledger_entry`)."""
    r = client.post(
        f"/credit-entitlements/{ent}/balances/{customer}/ledger-entries",
        json={"amount": "7", "entry_type": "credit", "idempotency_key": key, **fields},
        headers=auth,
    )
    assert r.status_code == 200, r.text


def parked(tally):
    with tally.store.datastore.transaction(commit=False) as cur:
        return parking.parked_events(cur, tally.store.schema, "webhooks")


def test_a_ledger_entry_is_delivered_and_the_grant_after_it_too_with_nothing_parked(
    client, auth, receiver, sender, make_customer, worker
):
    create(client, auth, receiver.url("/ledger"))
    customer = make_customer("cus_ledger")
    ent = entitlement(client, auth)
    ledger_entry(client, auth, ent, customer, "le-1", reason="goodwill", metadata={"ticket": "T-9"})
    grant(client, auth, customer, "5", key="g-after")
    eventually(lambda: len(receiver.answered("/ledger")) == 2, WAIT_S, "the ledger entry and the grant after it")
    entry, after = sorted((json.loads(r.body) for r in receiver.at("/ledger")), key=lambda e: e["timestamp"])
    assert entry["type"] == "credit.manual_adjustment"
    assert {k: entry["data"][k] for k in ("amount", "balance_before", "balance_after", "is_credit")} == {
        "amount": "7",
        "balance_before": "0",
        "balance_after": "7",
        "is_credit": True,
    }
    assert (entry["data"]["transaction_type"], entry["data"]["credit_entitlement_id"]) == ("manual_adjustment", ent)
    assert (entry["data"]["description"], entry["data"]["metadata"]) == ("goodwill", {"ticket": "T-9"})
    assert (entry["data"]["reference_type"], entry["data"]["reference_id"]) == ("request", "le-1")
    assert after["type"] == "credit.manual_adjustment" and after["data"]["amount"] == "5"
    worker.caught_up()
    health = client.get("/health", headers=auth).json()
    assert health["status"] != "degraded" and health["parked"] == [], health


def test_a_ledger_entry_an_older_release_parked_is_delivered_by_retry_with_what_it_held_back(
    client, auth, receiver, sender, make_customer, worker, tally, monkeypatch
):
    def older_release(e, subject):
        raise AttributeError("'ManuallyAdjusted' object has no attribute 'reference'")

    create(client, auth, receiver.url("/parked"))
    customer = make_customer("cus_parked")
    ent = entitlement(client, auth)
    monkeypatch.setitem(FACTS, CreditWallet.ManuallyAdjusted, older_release)
    ledger_entry(client, auth, ent, customer, "le-old")
    grant(client, auth, customer, "5", key="g-held")

    def held_behind():
        topics = [p.topic for p in parked(tally)]
        return topics if topics and topics[-1].endswith("CreditsGranted") else None

    held = eventually(held_behind, WAIT_S, "the entry parked and the grant held behind it")
    assert held[0].endswith("ManuallyAdjusted")
    monkeypatch.undo()
    [retried] = retry(tally.store, ["webhooks"])
    assert retried.applied == len(held) and parked(tally) == []
    eventually(lambda: len(receiver.answered("/parked")) == 2, WAIT_S, "both delivered after the retry")
    assert sorted(json.loads(r.body)["data"]["amount"] for r in receiver.at("/parked")) == ["5", "7"]
