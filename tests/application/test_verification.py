"""`audit verify` checks the read models people look at against the log: an entitlement or a wallet whose
row differs from its history is a finding; rows that agree are none."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

from psycopg import sql

from domain.credit_rules import EntitlementTerms

NOW = datetime.now(timezone.utc)


def test_verify_finds_an_entitlement_and_a_wallet_the_read_models_show_otherwise(
    tally, business, make_customer, worker
):
    customer = make_customer("cus_1")
    entitlement = tally.entitlements.define(business, EntitlementTerms("Tokens", "tokens", 0)).id
    tally.entitlements.add_ledger_entry(
        business, entitlement, customer, "credit", Decimal(10), None, None, None, {}, NOW
    )
    tally.credits.grant_credits(business, customer, Decimal(5), None, None, None, NOW)
    worker.caught_up()
    verdict = tally.verification.verify(business)
    assert (verdict.entitlements, verdict.wallets, verdict.findings) == (1, 2, [])

    schema = sql.Identifier(tally.store.schema)
    with tally.store.datastore.transaction(commit=True) as cur:
        cur.execute(sql.SQL("UPDATE {}.entitlements SET deleted = true").format(schema))
        cur.execute(sql.SQL("UPDATE {}.wallets SET overage = 1 WHERE entitlement_id IS NULL").format(schema))

    findings = tally.verification.verify(business).findings
    found = {f.kind: f for f in findings}
    assert len(findings) == 2 and found["entitlements"].id == str(entitlement)
    assert "read model shows balance 5 overage 1" in found["balances"].detail
