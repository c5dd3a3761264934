"""Credit entitlements through the services on PostgreSQL: the worked example of issue 15 for both
invoice_at_billing and carry_deficit_auto_repay, manual ledger entries, and histories written by the code
before entitlements (hand-written old-format events) replaying unchanged beside them."""

import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from eventsourcing.utils import get_topic

from application.tally import Tally
from domain.credit_rules import Attachment, EntitlementTerms
from domain.credit_wallet import CreditWallet, wallet_id
from domain.customer import customer_id
from domain.errors import Conflict, Invalid, Refused
from domain.rating import UsagePrice
from interfaces.cli.audit import render_explanation
from projections.balances.entitlement_queries import EntitlementReads
from projections.engine import operations
from tests.application.helpers import JAN1, close, count_meter, send

D = Decimal
NOW = datetime.now(timezone.utc)


def worked_example(tally: Tally, business: uuid.UUID, customer: str, behaviour: str) -> tuple[uuid.UUID, uuid.UUID]:
    """Entitlement, monthly product granting 100 a cycle, 10 calls a credit; 600 then 1,500 calls; both
    cycles closed. Answers (entitlement, subscription)."""
    entitlement = tally.entitlements.define(
        business,
        EntitlementTerms(
            "API credits",
            "credits",
            0,
            rollover_enabled=True,
            rollover_percentage=50,
            max_rollover_count=1,
            overage_enabled=True,
            overage_behavior=behaviour,
            price_per_unit=D("0.05"),
            currency="USD",
        ),
    ).id
    meter = count_meter(tally, business, f"api.call.{customer}")
    product = tally.catalogue.create_product(
        business,
        "Credits plan",
        "USD",
        D(0),
        "month",
        1,
        [
            UsagePrice(
                str(meter), D(0), D(0), None, credit_entitlement_id=str(entitlement), meter_units_per_credit=D(10)
            )
        ],
        [Attachment(str(entitlement), D(100), {})],
    ).id
    subscription = tally.subscriptions.start_subscription(business, customer, product, JAN1, NOW).id
    send(tally, business, customer, f"api.call.{customer}", 600, JAN1 + timedelta(days=2), "a")
    send(tally, business, customer, f"api.call.{customer}", 1500, datetime(2026, 2, 3, tzinfo=timezone.utc), "b")
    return entitlement, subscription


def ledger(tally: Tally, business: uuid.UUID, entitlement: uuid.UUID, customer: str) -> list[tuple[str, str, str]]:
    reads = EntitlementReads(tally.store.datastore, tally.store.schema)
    page = reads.ledger(business, str(entitlement), customer, None, None, None, 0, 100)
    return [(e.transaction_type, e.amount, f"{e.balance_after}/{e.overage_after}") for e in reversed(page.items)]


def test_invoice_at_billing_charges_the_overage_and_the_ledger_shows_every_step(tally, business, make_customer, worker):
    make_customer("cus_bill")
    entitlement, subscription = worked_example(tally, business, "cus_bill", "invoice_at_billing")
    first, second = close(tally, business, subscription, datetime(2026, 3, 1, 1, tzinfo=timezone.utc))
    assert [str(line.amount) for line in second.lines] == ["0.00", "1.50"] and second.total == D("1.50")
    assert first.total == 0
    worker.caught_up()
    assert ledger(tally, business, entitlement, "cus_bill") == [
        ("credit_added", "100", "100/0"),
        ("credit_deducted", "60", "40/0"),
        ("credit_rolled_over", "20", "40/0"),
        ("rollover_forfeited", "20", "20/0"),
        ("credit_added", "100", "120/0"),
        ("credit_deducted", "150", "0/30"),
        ("overage_charged", "30", "0/0"),
        ("credit_added", "100", "100/0"),
    ]
    for invoice in (first, second):
        assert tally.explainer.explain_invoice(business, invoice.id).matches
    told = render_explanation(tally.explainer.explain_invoice(business, second.id))
    assert "entitlement API credits" in told and "balance 120 credits, overage 0" in told
    assert "API credits overage (credits): 0 events -> quantity 30" in told and "MATCHES" in told
    assert tally.verification.verify(business).findings == []
    assert operations.verify(tally.store, "balances").differences == []  # rebuilt == incremental


def test_carry_deficit_auto_repay_repays_the_overage_from_the_next_grant(tally, business, make_customer, worker):
    make_customer("cus_repay")
    entitlement, subscription = worked_example(tally, business, "cus_repay", "carry_deficit_auto_repay")
    invoices = close(tally, business, subscription, datetime(2026, 3, 1, 1, tzinfo=timezone.utc))
    assert [i.total for i in invoices] == [0, 0]
    worker.caught_up()
    assert ledger(tally, business, entitlement, "cus_repay")[-3:] == [
        ("credit_deducted", "150", "0/30"),
        ("credit_added", "100", "100/30"),
        ("credit_deducted", "30", "70/0"),
    ]
    assert all(tally.explainer.explain_invoice(business, i.id).matches for i in invoices)
    assert tally.verification.verify(business).findings == []


def test_ledger_entries_are_idempotent_by_key_and_debits_need_overage(tally, business, make_customer, worker):
    make_customer("cus_1")
    plain = tally.entitlements.define(business, EntitlementTerms("Tokens", "tokens", 2)).id
    entry = tally.entitlements.add_ledger_entry
    first = entry(business, plain, "cus_1", "credit", D("5.50"), "k1", None, "goodwill", {"ticket": 7}, NOW)
    again = entry(business, plain, "cus_1", "credit", D("5.50"), "k1", None, "goodwill", {"ticket": 7}, NOW)
    assert again.id == first.id and again.position == 0
    with pytest.raises(Conflict):
        entry(business, plain, "cus_1", "credit", D(6), "k1", None, None, {}, NOW)
    with pytest.raises(Refused) as beyond:
        entry(business, plain, "cus_1", "debit", D(6), "k2", None, None, {}, NOW)
    assert beyond.value.code == "insufficient_credits"
    with pytest.raises(Invalid):  # 3 places on a precision-2 entitlement
        entry(business, plain, "cus_1", "debit", D("1.005"), "k3", None, None, {}, NOW)
    owed = tally.entitlements.define(
        business,
        EntitlementTerms(
            "Calls", "calls", 0, overage_enabled=True, overage_limit=D(5), price_per_unit=D(1), currency="USD"
        ),
    ).id
    entry(business, owed, "cus_1", "debit", D(5), "d1", None, None, {}, NOW)
    with pytest.raises(Refused):
        entry(business, owed, "cus_1", "debit", D(1), "d2", None, None, {}, NOW)
    wallet: CreditWallet = tally.store.repository.get(wallet_id(customer_id(business, "cus_1"), str(owed)))
    assert (wallet.balance, wallet.overage) == (0, 5)


def test_a_wallet_written_before_entitlements_replays_unchanged(tally, business, make_customer, worker):
    """Events exactly as the code before entitlements stored them: no entitlement_id on Opened, no overage
    on CreditsDebited."""
    make_customer("cus_old")
    wid = wallet_id(customer_id(business, "cus_old"))
    ts = CreditWallet.Opened.create_timestamp
    events = [
        CreditWallet.Opened(
            originator_id=wid,
            originator_version=1,
            timestamp=ts(),
            originator_topic=get_topic(CreditWallet),
            business_id=business,
            customer=customer_id(business, "cus_old"),
            customer_id="cus_old",
        ),
        CreditWallet.CreditsGranted(
            originator_id=wid,
            originator_version=2,
            timestamp=ts(),
            grant_id="manual:g",
            amount=D(100),
            source="manual",
            expires_at=None,
            reference="request:g",
        ),
        CreditWallet.CreditsDebited(
            originator_id=wid,
            originator_version=3,
            timestamp=ts(),
            amount=D(40),
            cycle="c",
            meter_id="m",
            reason="usage",
            reference="invoice:x",
            allocations=[{"grant_id": "manual:g", "amount": D(40)}],
        ),
    ]
    for e in events:  # the fields these events gained since are left out of what is stored
        e.__dict__.pop("overage", None)
        e.__dict__.pop("entitlement_id", None)
    tally.store.save(*events)
    stored = tally.store.repository.event_store.recorder.select_events(wid)
    assert any(b"manual:g" in r.state for r in stored)  # stored readable, so the next line can fail
    assert not any(b"overage" in r.state or b"entitlement_id" in r.state for r in stored)
    worker.caught_up()
    wallet: CreditWallet = tally.store.repository.get(wid)
    assert (wallet.balance, wallet.overage, wallet.entitlement_id) == (60, 0, None)
    view = tally.credits.wallet_of(business, "cus_old")
    assert view.id == wid
    assert tally.verification.verify(business).findings == []


@pytest.mark.parametrize(
    "behaviour, charged, balance, overage",
    [
        ("invoice_at_billing", D("1.50"), D(100), D(0)),
        ("forgive_at_reset", D(0), D(100), D(0)),
        ("carry_deficit", D(0), D(100), D(30)),
        ("carry_deficit_auto_repay", D(0), D(70), D(0)),
    ],
)
def test_each_behaviour_closes_re_derives_and_verifies(
    tally, business, make_customer, worker, behaviour, charged, balance, overage
):
    customer = make_customer(f"cus_{behaviour}")
    entitlement, subscription = worked_example(tally, business, customer, behaviour)
    invoices = close(tally, business, subscription, datetime(2026, 3, 1, 1, tzinfo=timezone.utc))
    assert invoices[1].total == charged
    held: CreditWallet = tally.store.repository.get(wallet_id(customer_id(business, customer), str(entitlement)))
    assert (held.balance, held.overage) == (balance, overage)
    assert all(tally.explainer.explain_invoice(business, i.id).matches for i in invoices)
    worker.caught_up()
    assert tally.verification.verify(business).findings == []
