"""A cycle's close on one (customer, entitlement) balance: debits, each overage behaviour, rollover with its
cap, the next grant (and the repayment under carry_deficit_auto_repay). The worked example of issue 15."""

import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from domain.credit_rules import EntitlementTerms, Pool
from domain.credit_settlement import Closing, grant, settle
from domain.credit_wallet import CreditWallet
from domain.errors import Conflict, Refused
from domain.rating import Usage, UsagePrice, rate

D = Decimal
T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
PRICE = UsagePrice("m", D(0), D(0), None, credit_entitlement_id="ent", meter_units_per_credit=D(10))


def terms(behaviour: str, **changes: object) -> EntitlementTerms:
    return EntitlementTerms.from_terms(
        {
            "name": "API credits",
            "unit": "credits",
            "precision": 0,
            "rollover_enabled": True,
            "rollover_percentage": 50,
            "max_rollover_count": 1,
            "overage_enabled": True,
            "overage_behavior": behaviour,
            "price_per_unit": D("0.05"),
            "currency": "USD",
            **changes,
        }
    )


def ref(k: int) -> str:
    return f"cycle:{k}"


def run_cycles(t: EntitlementTerms, calls: list[int]) -> tuple[CreditWallet, list[list[str]]]:
    """The worked example's subscription: 100 credits granted per cycle, `calls` per cycle, each closed."""
    w = CreditWallet(business_id=uuid.uuid4(), customer=uuid.uuid4(), customer_id="cus", entitlement_id="ent")
    grant(w, t, "g0", D(100), T0 + timedelta(days=30), ref(0))
    invoices = []
    for k, n in enumerate(calls):
        rated = rate([Usage(PRICE, "API calls", D(n))], D(0), "USD", pools={"ent": Pool(t, w.balance, w.overage)})
        invoices.append([str(line.amount) for line in rated.lines])
        end = T0 + timedelta(days=30 * (k + 1))
        settle(
            w, t, [PRICE], rated.lines, Closing(ref(k), end, f"inv{k}", "USD", ref(k + 1), end + timedelta(30)), set()
        )
        grant(w, t, f"g{k + 1}", D(100), end + timedelta(days=30), ref(k + 1))
    return w, invoices


def kinds(w: CreditWallet) -> list[tuple[str, Decimal]]:
    return [(e.effect().transaction_type, e.effect().amount) for e in w.collect_events()[1:]]


def test_cycle_1_rolls_half_of_the_40_left_and_forfeits_the_rest():
    w, _ = run_cycles(terms("invoice_at_billing"), [600])
    assert kinds(w) == [
        ("credit_added", D(100)),
        ("credit_deducted", D(60)),
        ("credit_rolled_over", D(20)),
        ("rollover_forfeited", D(20)),
        ("credit_added", D(100)),
    ]
    assert w.balance == 120 and w.overage == 0


def test_invoice_at_billing_charges_the_30_credits_of_overage_and_clears_it():
    w, invoices = run_cycles(terms("invoice_at_billing"), [600, 1500])
    assert invoices[1] == ["0.00", "1.50"]
    assert kinds(w)[-3:] == [("credit_deducted", D(150)), ("overage_charged", D(30)), ("credit_added", D(100))]
    assert (w.balance, w.overage) == (100, 0)


def test_carry_deficit_auto_repay_repays_the_30_from_the_next_grant():
    w, invoices = run_cycles(terms("carry_deficit_auto_repay"), [600, 1500])
    assert invoices[1] == ["0.00"]
    assert [type(e).__name__ for e in w.pending_events[-2:]] == ["CreditsGranted", "OverageRepaid"]
    assert kinds(w)[-2:] == [("credit_added", D(100)), ("credit_deducted", D(30))]
    assert (w.balance, w.overage) == (70, 0)


def test_forgive_at_reset_forgets_the_overage_uncharged():
    w, invoices = run_cycles(terms("forgive_at_reset"), [600, 1500])
    assert invoices[1] == ["0.00"] and ("overage_reset", D(30)) in kinds(w)
    assert (w.balance, w.overage) == (100, 0)


def test_carry_deficit_keeps_the_overage_and_no_grant_repays_it():
    w, invoices = run_cycles(terms("carry_deficit"), [600, 1500, 0])
    assert invoices[1] == ["0.00"]
    assert (w.balance, w.overage) == (150, 30)  # cycle 3 rolled 50 of its unused 100; the 30 stays owed


def test_a_rolled_over_grant_rolls_no_more_than_max_rollover_count_times():
    w, _ = run_cycles(terms("invoice_at_billing", max_rollover_count=1), [600, 0])
    rolled = [g for g in w.grants.values() if g["source"] == "rollover"]
    assert [(g["rollover_count"], g["parent_grant_id"]) for g in rolled] == [(1, "g0"), (1, "g1")]
    # cycle 2 forfeits all 20 rolled from cycle 1 (it rolled once already) and rolls 50 of cycle 2's 100
    assert w.balance == 150


def test_usage_past_the_overage_limit_is_uncharged_and_flagged():
    t = terms("invoice_at_billing", overage_limit=D(10))
    w, invoices = run_cycles(t, [600, 1500])
    assert invoices[1] == ["0.00", "0.50"]  # 10 credits of overage at 0.05
    rated = rate([Usage(PRICE, "API calls", D(1500))], D(0), "USD", pools={"ent": Pool(t, D(120))})
    assert (rated.lines[0].credited, rated.lines[0].uncharged, rated.lines[0].billable) == (D(1300), D(200), D(0))


def test_a_manual_debit_beyond_the_balance_needs_overage_and_a_key_names_one_entry():
    w = CreditWallet(business_id=uuid.uuid4(), customer=uuid.uuid4(), customer_id="cus", entitlement_id="ent")
    assert w.adjust("k1", "credit", D(5), None, None, {}, None)
    assert not w.adjust("k1", "credit", D(5), None, None, {}, None)
    with pytest.raises(Conflict):
        w.adjust("k1", "credit", D(6), None, None, {}, None)
    with pytest.raises(Refused):
        w.adjust("k2", "debit", D(8), None, None, {}, None)
    with pytest.raises(Refused):
        w.adjust("k2", "debit", D(8), None, None, {}, D(2))
    assert w.adjust("k2", "debit", D(8), None, None, {}, D(3))
    assert (w.balance, w.overage) == (0, 3)


def test_an_entitlement_grant_its_close_left_expires_a_day_after_it_was_due():
    w = CreditWallet(business_id=uuid.uuid4(), customer=uuid.uuid4(), customer_id="cus", entitlement_id="ent")
    w.grant("g0", D(100), "cycle", T0, ref(0))
    grace = timedelta(minutes=10)
    assert w.expire(T0 + grace + timedelta(hours=23), "job", grace) == []
    assert w.expire(T0 + grace + timedelta(days=1), "job", grace) == ["g0"] and w.balance == 0
