"""A subscription's credits wait for the close of every cycle of it that began before they expire; nothing
else does (docs/credits.md)."""

import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from domain.credit_rules import Settlement
from domain.credit_wallet import CreditWallet
from domain.cycles import Cycle
from domain.entitlements import awaiting_close, cycle_reference, subscription_of

T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
DAY = timedelta(days=1)
SUBSCRIPTION = uuid.uuid4()


def day(k: int) -> Cycle:
    return Cycle(k, T0 + k * DAY, T0 + (k + 1) * DAY)


def wallet(entitlement: str | None = None) -> CreditWallet:
    w = CreditWallet(business_id=uuid.uuid4(), customer=uuid.uuid4(), customer_id="cus", entitlement_id=entitlement)
    w.grant("cycle:0", Decimal(5), "cycle", day(0).end, cycle_reference(SUBSCRIPTION, day(0)))
    w.grant("carried", Decimal(5), "cycle", day(0).start + 3 * DAY, cycle_reference(SUBSCRIPTION, day(0)))
    w.grant("manual:k", Decimal(5), "manual", day(0).end, "request:k")
    return w


def test_a_cycles_credits_wait_while_their_cycle_is_open_and_credits_alive_into_a_later_cycle_wait_for_it():
    w = wallet()

    def waiting(open_cycle):
        return awaiting_close(w.grants, lambda s: open_cycle if s == SUBSCRIPTION else None)

    assert waiting(day(0)) == {"cycle:0", "carried"}
    assert waiting(day(1)) == {"carried"}
    assert waiting(day(3)) == set()
    assert waiting(None) == set()


def test_a_rollover_grant_waits_for_the_cycle_it_was_rolled_into():
    w = wallet("ent")
    w.close_period(
        cycle_reference(SUBSCRIPTION, day(0)), {"cycle:0": Settlement(Decimal(2), Decimal(3))}, "next", day(1).end
    )

    assert awaiting_close(w.grants, lambda s: day(1)) == {"carried", "rollover:cycle:0"}
    assert awaiting_close(w.grants, lambda s: day(2)) == {"carried"}


def test_kept_grants_are_not_expired_however_late_and_the_others_are():
    w = wallet()

    assert w.expire(T0 + 30 * DAY, "job", timedelta(hours=1), kept={"cycle:0"}) == ["manual:k", "carried"]
    assert w.balance == 5


def test_only_a_cycle_reference_names_a_subscription():
    assert subscription_of(cycle_reference(SUBSCRIPTION, day(0))) == SUBSCRIPTION
    assert subscription_of("request:k (goodwill)") is None
    assert subscription_of("subscription:not-an-id:cycle:x") is None
