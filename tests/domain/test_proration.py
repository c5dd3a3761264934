"""Segments of a cycle and their proration: shares of time, allowances and fixed prices by the same share."""

import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from domain.proration import (
    AddonItem,
    AddonPrice,
    Change,
    Plan,
    SegmentUsage,
    addon_lines,
    allowance,
    fixed_amount,
    fixed_amounts,
    rate_bill,
    segments,
    split,
)
from domain.rating import Usage, UsagePrice
from domain.timeline import Timeline

D = Decimal
S = datetime(2026, 9, 1, tzinfo=UTC)
T = datetime(2026, 9, 16, tzinfo=UTC)
E = datetime(2026, 10, 1, tzinfo=UTC)
BASIC, PRO = Plan(uuid.uuid4()), Plan(uuid.uuid4())


def calls(quantity, unit_price, free):
    return Usage(UsagePrice("calls", D(unit_price), D(free)), "calls", D(quantity))


def basic(quantity):
    return calls(quantity, "0.02", "1000")


def pro(quantity):
    return calls(quantity, "0.01", "5000")


def test_a_prorated_change_halfway_bills_each_plan_half_its_fixed_price_and_half_its_allowance():
    before, after = segments(S, E, BASIC, [Change(T, PRO, "prorated_immediately")])
    assert (before.share, before.fixed, after.share, after.fixed) == (
        Fraction(1, 2),
        "prorated",
        Fraction(1, 2),
        "prorated",
    )
    at_change = rate_bill([SegmentUsage(before, D("30.00"), [basic(2500)])], "USD")
    at_end = rate_bill([SegmentUsage(after, D("60.00"), [pro(8000)])], "USD")
    assert (at_change.price, at_change.total) == (D("15.00"), D("55.00"))
    assert (at_end.price, at_end.total) == (D("30.00"), D("85.00"))


def test_do_not_bill_keeps_the_old_fixed_price_whole_and_splits_the_usage_with_prorated_allowances():
    parts = segments(S, E, BASIC, [Change(T, PRO, "do_not_bill")])
    assert [p.fixed for p in parts] == ["whole", "none"]
    rated = rate_bill(
        [SegmentUsage(parts[0], D("30.00"), [basic(2500)]), SegmentUsage(parts[1], D("60.00"), [pro(8000)])], "USD"
    )
    assert [line.amount for line in rated.lines] == [D("40.00"), D("55.00")]
    assert [line.segment for line in rated.lines] == [0, 1]
    assert (rated.price, rated.total) == (D("30.00"), D("125.00"))


def test_a_trial_segment_pays_no_fixed_price_and_no_usage_but_shows_the_usage():
    [trial] = segments(S, S + timedelta(days=14), BASIC, [], trial=True)
    rated = rate_bill([SegmentUsage(trial, D("30.00"), [basic(3000)])], "USD")
    [line] = rated.lines
    assert (line.quantity, line.free, line.amount, rated.total) == (D(3000), D(3000), D("0.00"), D("0.00"))


def test_seats_multiply_the_fixed_price():
    [whole] = segments(S, E, Plan(BASIC.product_id, 3), [])
    assert rate_bill([SegmentUsage(whole, D("30.00"), [basic(0)])], "USD").total == D("90.00")


def test_a_fixed_price_is_rounded_once_half_up_from_the_exact_share():
    third = segments(S, E, BASIC, [Change(S + timedelta(days=10), PRO, "prorated_immediately")])[0]
    assert third.share == Fraction(1, 3)
    assert fixed_amount(D("10.00"), third, "USD") == D("3.33")
    assert fixed_amount(D("0.05"), third, "USD") == D("0.02")  # 0.01666.. -> 0.02
    assert fixed_amount(D("100"), third, "JPY") == D("33")
    assert allowance(D(1000), Fraction(1, 3)) == D("333.333333333333")


def test_two_changes_at_one_instant_leave_one_segment_on_the_last_plan():
    third = Plan(uuid.uuid4())
    parts = segments(S, E, BASIC, [Change(T, PRO, "do_not_bill"), Change(T, third, "prorated_immediately")])
    assert [(p.start, p.plan, p.fixed) for p in parts] == [(S, BASIC, "prorated"), (T, third, "prorated")]


moments = st.integers(min_value=1, max_value=30 * 24 * 60 - 1).map(lambda m: S + timedelta(minutes=m))
modes = st.sampled_from(["prorated_immediately", "full_immediately", "do_not_bill"])
changes = st.lists(st.tuples(moments, modes), max_size=6).map(
    lambda cs: [Change(at, Plan(uuid.uuid4()), mode) for at, mode in sorted(cs, key=lambda c: c[0])]
)


@given(changes)
def test_the_segments_of_a_cycle_partition_it(cs):
    parts = segments(S, E, BASIC, cs)
    assert parts[0].start == S and parts[-1].end == E
    assert all(a.end == b.start and a.start < a.end for a, b in zip(parts, parts[1:]))
    assert sum(p.share for p in parts) == 1


@given(changes, st.decimals(min_value=0, max_value=10**9, places=6))
def test_the_prorated_allowances_of_a_cycle_sum_to_at_most_the_whole_allowance(cs, free):
    parts = segments(S, E, BASIC, cs)
    given_out = sum((allowance(free, p.share) for p in parts), D(0))
    assert free - D(len(parts)) * D("1e-12") <= given_out <= free


@given(changes, st.decimals(min_value=0, max_value=10**6, places=2))
def test_the_whole_and_prorated_fixed_prices_of_a_cycle_never_exceed_the_plans_full_prices(cs, price):
    parts = segments(S, E, BASIC, cs)
    assert sum((fixed_amount(price, p, "USD") for p in parts), D(0)) <= price * len(parts)
    prorated = [p for p in parts if p.fixed == "prorated"]
    if len(prorated) == len(parts):
        assert abs(sum((fixed_amount(price, p, "USD") for p in parts), D(0)) - price) <= D("0.01") * len(parts)


@given(st.sampled_from(["prorated_immediately", "full_immediately", "do_not_bill"]))
def test_a_change_at_the_cycle_start_is_the_new_plan_for_the_whole_cycle(mode):
    timeline = Timeline.started(S, BASIC, "month", 1).changed(Change(S, PRO, mode))
    cycle = timeline.cycle(0)
    assert cycle is not None
    assert [(p.start, p.end, p.plan, p.share, p.fixed) for p in timeline.segments(cycle)] == [
        (S, E, PRO, Fraction(1), "whole")
    ]


def test_split_cuts_at_a_segment_boundary():
    parts = segments(S, E, BASIC, [Change(T, PRO, "prorated_immediately")])
    assert split(parts, T) == ([parts[0]], [parts[1]])


money = st.decimals(min_value=0, max_value=100_000, places=2)
seats = st.integers(min_value=1, max_value=1000)


@given(money, seats, money, seats, st.integers(min_value=1, max_value=29))
def test_a_difference_change_makes_the_cycle_cost_the_new_plans_whole_fixed_price(old, qo, new, qn, day):
    at = S + timedelta(days=day)
    before, after = segments(
        S, E, Plan(BASIC.product_id, qo), [Change(at, Plan(PRO.product_id, qn), "difference_immediately")]
    )
    cycle = fixed_amounts([SegmentUsage(before, old, []), SegmentUsage(after, new, [])], "USD")
    charged = fixed_amounts(
        [
            SegmentUsage(replace(before, fixed="none"), old, []),
            SegmentUsage(replace(after, fixed="difference"), new, []),
        ],
        "USD",
    )
    assert (before.fixed, after.fixed) == ("whole", "credited")
    assert sum(cycle) >= 0 and charged[0] == 0 and charged[1] >= 0 and cycle[1] <= 0
    assert sum(cycle) + charged[1] == new * qn  # what was charged at once and what the close bills


@given(money, seats, st.integers(min_value=1, max_value=29), st.sampled_from(["prorated_immediately", "do_not_bill"]))
def test_an_add_on_is_billed_by_its_segments_basis_and_a_prorated_one_adds_up_to_its_whole_price(
    price, quantity, day, mode
):
    addon = AddonItem(uuid.uuid4(), quantity)
    before = Plan(BASIC.product_id, 1, (addon,))
    after = Plan(PRO.product_id, 1, (addon,))
    parts = segments(S, E, before, [Change(S + timedelta(days=day), after, mode)])
    prices = {addon.addon_id: AddonPrice("Support", price)}
    lines = addon_lines([SegmentUsage(s, D(0), [], prices) for s in parts], "USD")
    assert [line.segment for line in lines] == [0, 1] and all(line.quantity == quantity for line in lines)
    whole = price * quantity
    if mode == "do_not_bill":  # the old plan's add-ons whole, the new plan's from the next cycle
        assert [line.amount for line in lines] == [whole, 0]
    else:  # each rounded once: the two halves differ from the whole by at most a cent
        assert abs(sum(line.amount for line in lines) - whole) <= D("0.01")
