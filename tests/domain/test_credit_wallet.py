"""The credit wallet: grants, debits soonest-expiring first, expiry; never negative."""

import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.credit_wallet import CreditWallet
from domain.errors import Conflict

T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
D = Decimal


def wallet() -> CreditWallet:
    return CreditWallet(business_id=uuid.uuid4(), customer=uuid.uuid4(), customer_id="cus")


def test_debits_take_the_soonest_expiring_grant_first_and_never_expiring_ones_last():
    w = wallet()
    w.grant("forever", D(100), "manual", None, "r")
    w.grant("late", D(100), "manual", T0 + timedelta(days=9), "r")
    w.grant("soon", D(100), "cycle", T0 + timedelta(days=1), "r")
    w.debit(D(150), "cycle", "m", "usage", "invoice")
    assert {k: g["remaining"] for k, g in w.grants.items()} == {"forever": D(100), "late": D(50), "soon": D(0)}


def test_a_repeated_grant_id_grants_nothing():
    w = wallet()
    assert w.grant("manual:k", D(5), "manual", None, "r") is True
    assert w.grant("manual:k", D(5), "manual", None, "r") is False
    assert w.balance == D(5)


def test_a_debit_beyond_the_balance_is_refused():
    w = wallet()
    w.grant("g", D(5), "manual", None, "r")
    with pytest.raises(Conflict):
        w.debit(D(6), "c", "m", "usage", "i")
    assert w.balance == D(5)


def test_expiry_removes_only_what_is_left_of_due_grants():
    w = wallet()
    w.grant("due", D(10), "cycle", T0, "r")
    w.grant("later", D(10), "cycle", T0 + timedelta(days=1), "r")
    w.debit(D(4), "c", "m", "usage", "i")
    assert w.expire(T0, "end") == ["due"]
    assert w.balance == D(10) and w.grants["due"]["remaining"] == 0


def test_a_cycles_grant_outlives_its_expiry_by_the_grace_so_a_late_close_can_spend_it():
    w = wallet()
    w.grant("cycle:s:0:m", D(10), "cycle", T0, "r")
    w.grant("manual:k", D(10), "manual", T0, "r")
    assert w.expire(T0 + timedelta(minutes=30), "job", timedelta(hours=1)) == ["manual:k"]
    assert w.expire(T0 + timedelta(hours=1), "job", timedelta(hours=1)) == ["cycle:s:0:m"]


operations = st.lists(
    st.tuples(
        st.sampled_from(["grant", "debit", "expire"]),
        st.decimals(min_value=D("0.001"), max_value=1000, places=3),
        st.one_of(st.none(), st.integers(0, 10)),
    ),
    max_size=30,
)


@settings(max_examples=100)
@given(operations)
def test_the_ledger_always_sums_to_the_balance_and_the_balance_never_goes_negative(ops):
    w = wallet()
    for i, (kind, amount, day) in enumerate(ops):
        at = None if day is None else T0 + timedelta(days=day)
        if kind == "grant":
            w.grant(f"g{i}", amount, "manual", at, "r")
        elif kind == "debit":
            w.debit(min(amount, w.balance), "c", "m", "usage", "i")
        else:
            w.expire(at or T0, "r")
        assert w.balance >= 0 and all(g["remaining"] >= 0 for g in w.grants.values())
    events = w.collect_events()
    moved = sum((e.amount for e in events if isinstance(e, CreditWallet.CreditsGranted)), D(0)) - sum(
        (e.amount for e in events if isinstance(e, CreditWallet.CreditsDebited | CreditWallet.CreditsExpired)), D(0)
    )
    assert moved == w.balance


wallet_operations = st.lists(
    st.tuples(
        st.sampled_from(
            ["grant", "debit", "expire", "credit_entry", "debit_entry", "charge_overage", "reset_overage", "repay"]
        ),
        st.decimals(min_value=D("0.001"), max_value=1000, places=3),
        st.one_of(st.none(), st.integers(0, 10)),
    ),
    max_size=30,
)


@settings(max_examples=100)
@given(wallet_operations)
def test_the_ledger_effects_of_a_wallets_events_sum_to_its_balance_and_its_overage(ops):
    w = wallet()
    for i, (kind, amount, day) in enumerate(ops):
        at = None if day is None else T0 + timedelta(days=day)
        match kind:
            case "grant":
                w.grant(f"g{i}", amount, "manual", at, "r")
            case "debit":
                w.debit(amount, "c", "m", "usage", "i", overage_allowed=True)
            case "expire":
                w.expire(at or T0, "r")
            case "credit_entry":
                w.adjust(f"k{i}", "credit", amount, at, None, {}, None)
            case "debit_entry":
                w.adjust(f"k{i}", "debit", amount, None, None, {}, overage_room=D(10**6))
            case "charge_overage":
                w.charge_overage(D("0.05"), D(1), "USD", "inv", "r")
            case "reset_overage":
                w.reset_overage("r")
            case "repay":
                w.repay_overage(min(amount, w.balance, w.overage), "r")
    effects = [e.effect() for e in w.collect_events()[1:]]
    assert sum((e.balance_change for e in effects), D(0)) == w.balance
    assert sum((e.overage_change for e in effects), D(0)) == w.overage
    assert all(e.amount > 0 for e in effects)


def test_a_manual_grant_is_a_manual_adjustment_and_a_cycles_grant_is_credit_added():
    w = wallet()
    w.grant("manual:k", D(5), "manual", None, "request:k")
    w.grant("cycle:s:0:m", D(5), "cycle", None, "subscription:s")
    assert [e.effect().transaction_type for e in w.collect_events()[1:]] == ["manual_adjustment", "credit_added"]
