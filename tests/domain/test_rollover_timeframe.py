"""A rollover timeframe (domain/credit_rules.settlement): credits rolled over expire `count x interval` after the
rollover, carried on whole by the closes before then; without one they live a cycle and may roll again."""

import uuid
from datetime import datetime, timezone
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from domain.credit_rules import EntitlementTerms
from domain.credit_settlement import Closing, settle
from domain.credit_wallet import CreditWallet
from domain.cycles import boundary

JAN1 = datetime(2026, 1, 1, tzinfo=timezone.utc)
SUBSCRIPTION = uuid.uuid4()


def month(k: int) -> tuple[datetime, datetime]:
    return boundary(JAN1, "month", 1, k), boundary(JAN1, "month", 1, k + 1)


def reference(k: int) -> str:
    return f"subscription:{SUBSCRIPTION}:cycle:{month(k)[0].isoformat()}"


def closing(k: int) -> Closing:
    return Closing(reference(k), month(k)[1], f"inv-{k}", "USD", reference(k + 1), month(k + 1)[1])


def terms(**changes: object) -> EntitlementTerms:
    return EntitlementTerms.from_terms(
        {**EntitlementTerms("credits", "credits", 0, rollover_enabled=True).terms(), **changes}
    )


def granted(amount: int) -> CreditWallet:
    w = CreditWallet(business_id=uuid.uuid4(), customer=uuid.uuid4(), customer_id="cus", entitlement_id="ent")
    w.grant("cycle:0", Decimal(amount), "cycle", month(0)[1], reference(0))
    return w


def test_credits_rolled_at_the_end_of_january_live_two_months_and_the_march_close_forfeits_them():
    w = granted(100)
    two_months = terms(rollover_timeframe_count=2, rollover_timeframe_interval="Month")
    settle(w, two_months, [], [], closing(0), kept=())
    [rolled] = [g for g in w.grants.values() if g["source"] == "rollover"]
    assert (rolled["remaining"], rolled["expires_at"], rolled["rollover_count"]) == (Decimal(100), month(2)[1], 1)
    settle(w, two_months, [], [], closing(1), kept=())  # February: carried on whole, not another rollover
    alive = [g for g in w.grants.values() if g["remaining"] > 0]
    assert [(g["remaining"], g["expires_at"], g["rollover_count"]) for g in alive] == [(Decimal(100), month(2)[1], 1)]
    assert w.balance == Decimal(100)
    settle(w, two_months, [], [], closing(2), kept=())  # March ends at the expiry: what is left is forfeited
    assert w.balance == 0 and all(g["remaining"] == 0 for g in w.grants.values())


def test_without_a_timeframe_rolled_credits_live_one_cycle_and_roll_again_up_to_the_cap():
    w = granted(100)
    once = terms(max_rollover_count=1)
    settle(w, once, [], [], closing(0), kept=())
    settle(w, once, [], [], closing(1), kept=())
    assert w.balance == 0


@given(cycles=st.integers(min_value=1, max_value=14), every=st.integers(min_value=1, max_value=6))
def test_rolled_credits_are_there_for_exactly_the_cycles_of_their_timeframe(cycles, every):
    w = granted(10)
    timeframe = terms(rollover_timeframe_count=every, rollover_timeframe_interval="Month")
    held = []
    for k in range(cycles):
        settle(w, timeframe, [], [], closing(k), kept=())
        held.append(w.balance)
    # Rolled at the end of month 0, they pay for months 1..every and are gone after month `every`'s close.
    assert held == [Decimal(10) if k < every else Decimal(0) for k in range(cycles)]
    assert all(len(gid) < 40 for gid in w.grants)  # carried on under one name, not a prefix per cycle
