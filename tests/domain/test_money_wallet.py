"""A money wallet in memory: entries idempotent by key, a debit never past the balance, invoices paid as far
as it goes and given back once."""

import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import Conflict, Invalid
from domain.invoice import ISSUED, PAID, Invoice
from domain.money_wallet import MoneyWallet, entry_faults, money_wallet_id

T = datetime(2026, 3, 1, tzinfo=timezone.utc)
cents = st.integers(min_value=0, max_value=10**9).map(lambda n: Decimal(n).scaleb(-2))


def wallet() -> MoneyWallet:
    return MoneyWallet(business_id=uuid.uuid4(), customer=uuid.uuid4(), customer_id="cus_1", currency="USD")


def invoice(total: str) -> Invoice:
    return Invoice(
        business_id=uuid.uuid4(),
        customer_id="cus_1",
        subscription_id=uuid.uuid4(),
        product_id=uuid.uuid4(),
        cycle_start=T - timedelta(days=1),
        cycle_end=T,
        currency="USD",
        price=Decimal("0.00"),
        lines=[],
        total=Decimal(total),
        issued_at=T,
    )


def names(w: MoneyWallet) -> list[str]:
    return [type(e).__name__ for e in w.collect_events()]


def test_one_wallet_per_customer_and_currency():
    w = wallet()
    assert w.id == money_wallet_id(w.customer, "USD") != money_wallet_id(w.customer, "EUR")


def test_a_resent_key_applies_once_and_a_reused_key_with_another_entry_conflicts():
    w = wallet()
    assert w.adjust("request:a", "credit", Decimal("25.00"), "prepaid")
    assert not w.adjust("request:a", "credit", Decimal("25.00"), "prepaid")
    assert w.balance == Decimal("25.00") and names(w) == ["Opened", "Credited"]
    with pytest.raises(Conflict) as refused:
        w.adjust("request:a", "debit", Decimal("25.00"), None)
    assert refused.value.code == "idempotency_key_reused"


def test_a_debit_past_the_balance_is_refused_and_records_nothing():
    w = wallet()
    w.adjust("request:a", "credit", Decimal("25.00"), None)
    w.collect_events()
    with pytest.raises(Conflict) as refused:
        w.adjust("request:b", "debit", Decimal("25.01"), None)
    assert refused.value.code == "insufficient_funds" and w.balance == Decimal("25.00") and names(w) == []
    assert w.adjust("request:c", "debit", Decimal("25.00"), None) and w.balance == 0


def test_an_entry_is_positive_in_the_currencys_minor_unit():
    assert entry_faults(Decimal("1.00"), "USD", "credit", None, None) == []
    assert [f.field for f in entry_faults(Decimal("-5"), "USD", "credit", None, None)] == ["amount"]
    assert [f.field for f in entry_faults(Decimal("0.001"), "USD", "credit", None, None)] == ["amount"]
    assert [f.field for f in entry_faults(Decimal("1"), "XYZ", "credit", None, None)] == ["currency"]
    assert [f.field for f in entry_faults(Decimal("1"), "USD", "refund", None, None)] == ["entry_type"]


def test_the_seed_example_pays_25_of_30_then_30_of_30_which_is_paid_at_once():
    w = wallet()
    w.adjust("request:a", "credit", Decimal("25.00"), None)
    first = invoice("30.00")
    first.apply_wallet(w.pay(str(first.id), first.amount_due), T)
    assert (first.wallet_applied, first.amount_due, first.status, w.balance) == (
        Decimal("25.00"),
        Decimal("5.00"),
        ISSUED,
        Decimal("0.00"),
    )
    w.adjust("request:b", "credit", Decimal("100.00"), None)
    second = invoice("30.00")
    second.apply_wallet(w.pay(str(second.id), second.amount_due), T)
    assert (second.wallet_applied, second.amount_due, second.status, w.balance) == (
        Decimal("30.00"),
        Decimal("0.00"),
        PAID,
        Decimal("70.00"),
    )
    assert [type(e).__name__ for e in second.collect_events()] == ["Issued", "WalletApplied", "Paid"]


def test_an_empty_wallet_pays_nothing_and_records_nothing():
    w = wallet()
    w.collect_events()
    assert w.pay("inv", Decimal("30.00")) == 0 and names(w) == []


@given(balance=cents, due=cents)
def test_a_payment_takes_what_there_is_once_and_a_void_gives_exactly_it_back(balance, due):
    w = wallet()
    if balance:
        w.adjust("request:a", "credit", balance, None)
    applied = w.pay("inv", due)
    assert applied == min(balance, due) and w.balance == balance - applied
    assert w.pay("inv", due) == applied and w.balance == balance - applied  # a retried close pays nothing more
    assert w.give_back("inv") == (applied if applied else 0) and w.balance == balance
    assert w.give_back("inv") == 0 and w.balance == balance


def test_a_top_up_is_requested_once_when_the_balance_falls_below_and_again_after_a_credit_above():
    w = wallet()
    w.adjust("request:a", "credit", Decimal("10.00"), None)
    w.set_auto_top_up(Decimal("5.00"), Decimal("20.00"))
    w.collect_events()
    w.adjust("request:b", "debit", Decimal("6.00"), None)
    w.adjust("request:c", "debit", Decimal("1.00"), None)
    assert names(w) == ["Debited", "TopUpRequested", "Debited"]
    w.adjust("request:d", "credit", Decimal("1.00"), None)  # 4.00: still below, no new request
    w.adjust("request:e", "credit", Decimal("20.00"), None)  # 24.00: above again
    w.pay("inv", Decimal("20.00"))  # 4.00: below again
    events = w.collect_events()
    assert [type(e).__name__ for e in events] == ["Credited", "Credited", "Debited", "TopUpRequested"]
    assert (events[-1].amount, events[-1].balance) == (Decimal("20.00"), Decimal("4.00"))


def test_a_top_up_setting_is_positive_in_minor_units_both_or_neither_and_none_stops_it():
    w = wallet()
    for below, amount in ((Decimal(0), Decimal(1)), (Decimal("1.001"), Decimal(1)), (Decimal(1), None)):
        with pytest.raises(Invalid):
            w.set_auto_top_up(below, amount)
    w.set_auto_top_up(Decimal("5.00"), Decimal("20.00"))  # an empty wallet is below at once
    w.set_auto_top_up(None, None)
    w.adjust("request:a", "credit", Decimal("1.00"), None)
    w.adjust("request:b", "debit", Decimal("1.00"), None)
    assert names(w) == ["Opened", "AutoTopUpSet", "TopUpRequested", "AutoTopUpSet", "Credited", "Debited"]
