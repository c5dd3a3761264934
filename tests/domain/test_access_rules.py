"""The access rules in memory (domain/access.py): a limit allows `quantity` more exactly while the cycle's usage
plus it fits, credits limit a meter to the balance's worth of units, and several limits answer the tightest."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from domain.access import against, credit_limit, tightest, usage_limit
from domain.credit_rules import EntitlementTerms, Pool
from domain.rating import UsagePrice

D = Decimal
amounts = st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False)
positive = st.decimals(min_value=D("0.001"), max_value=10**9, places=3, allow_nan=False, allow_infinity=False)


@given(used=amounts, quantity=positive, limit=positive)
def test_a_blocking_limit_allows_exactly_what_fits_under_it(used, quantity, limit):
    standing = against(used, quantity, limit, "usage_limit")

    assert standing.allowed == (used + quantity <= limit)
    assert standing.remaining == max(limit - used, D(0))
    assert standing.reason == ("ok" if standing.allowed else "usage_limit")
    assert standing.reached == (used >= limit)


@given(used=amounts, quantity=positive, limit=positive)
def test_a_notify_limit_always_allows_and_still_says_when_it_is_reached(used, quantity, limit):
    price = UsagePrice("m", D(1), usage_limit=limit, limit_behavior="notify")

    standing = usage_limit(price, used, quantity)

    assert standing is not None and standing.allowed and standing.reached == (used >= limit)


def test_the_worked_example_1499_of_1500_allows_one_more_and_1500_none():
    price = UsagePrice("calls", D("0.02"), D(1000), usage_limit=D(1500), limit_behavior="block")

    before, at = usage_limit(price, D(1499), D(1)), usage_limit(price, D(1500), D(1))

    assert before is not None and (before.allowed, before.remaining) == (True, D(1))
    assert at is not None and (at.allowed, at.reason, at.remaining) == (False, "usage_limit", D(0))


def credits(overage_enabled: bool = False, overage_limit: Decimal | None = None) -> EntitlementTerms:
    price = D("0.05") if overage_enabled else None
    return EntitlementTerms(
        "API credits",
        "credits",
        2,
        overage_enabled=overage_enabled,
        overage_limit=overage_limit,
        price_per_unit=price,
        currency="USD" if price else None,
    )


PRICE = UsagePrice("calls", D(0), D(0), credit_entitlement_id="e", meter_units_per_credit=D(10))


def test_100_credits_at_10_calls_each_leave_5_calls_after_995_and_none_after_1000():
    pool = Pool(credits(), D(100))

    at_995, at_1000 = credit_limit(PRICE, pool, D(995), D(1)), credit_limit(PRICE, pool, D(1000), D(1))

    assert at_995 is not None and (at_995.allowed, at_995.remaining, at_995.balance) == (True, D(5), D("0.5"))
    assert at_1000 is not None and (at_1000.allowed, at_1000.reason) == (False, "credits_exhausted")


def test_an_overage_limit_adds_its_room_and_refuses_as_overage_limit_past_it():
    pool = Pool(credits(True, D(20)), D(100), overage=D(5))

    inside, past = credit_limit(PRICE, pool, D(1100), D(1)), credit_limit(PRICE, pool, D(1150), D(1))

    assert inside is not None and (inside.allowed, inside.limit) == (True, D(1150))
    assert past is not None and (past.allowed, past.reason) == (False, "overage_limit")


def test_unlimited_overage_never_limits():
    assert credit_limit(PRICE, Pool(credits(True), D(0)), D(10**6), D(1)) is None


@given(st.lists(st.tuples(amounts, positive), min_size=1, max_size=5), positive)
def test_several_limits_refuse_when_any_refuses_and_show_the_least_remaining(pairs, quantity):
    standings = [against(used, quantity, limit, "usage_limit") for used, limit in pairs]

    answer = tightest(standings)

    assert answer.allowed == all(s.allowed for s in standings)
    candidates = [s for s in standings if not s.allowed] or standings
    assert answer.remaining == min(s.remaining for s in candidates)
