"""Late usage is billed as the difference it makes to the cycle it belongs to: the cycle re-rated with every event
known now, minus what was billed for it (docs/billing.md, Late events)."""

import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.aggregation import MeterRule
from domain.late_usage import Bill, late_lines, owed, rerate, with_late
from domain.pricing_models import Tier
from domain.proration import Plan, Segment, SegmentUsage, rate_bill
from domain.rating import CreditTerms, Line, Rated, Usage, UsagePrice

D = Decimal
START = datetime(2026, 1, 1, tzinfo=timezone.utc)
END = datetime(2026, 2, 1, tzinfo=timezone.utc)
SEGMENT = Segment(START, END, Plan(uuid.UUID(int=1)), Fraction(1))
BILL = uuid.UUID(int=2)


def measured(rule, price, events):
    rows = [(i, START + timedelta(minutes=i), "e", metadata) for i, metadata in events]
    if price.group_by is None:
        return Usage(price, "m", rule.measure(rows)[1] or D(0))
    groups = {g[0]: q or D(0) for g, (_, q) in rule.measure_groups(rows, (price.group_by,)).items()}
    return Usage(price, "m", sum(groups.values(), D(0)), groups=groups)


def bill_of(rule, price, events, balance=D(0)):
    """The cycle's invoice as a close rates it."""
    return rate_bill([SegmentUsage(SEGMENT, D(0), [measured(rule, price, events)])], "USD", balance).lines


def late_for(rule, price, known, issued, later=()):
    """The late lines the next close bills for the cycle once `known` events are known."""
    now = rerate([SegmentUsage(SEGMENT, D(0), [measured(rule, price, known)])], issued, "USD")
    return late_lines(Bill(BILL, START, END, issued, list(later)), now, {price.meter_id})


COUNT = MeterRule("e", "count", None, None)
USERS = MeterRule("e", "unique_count", "user_id", None)
SEATS = MeterRule("e", "max", "seats", None)
LAST = MeterRule("e", "last", "n", None)


def test_late_calls_use_what_is_left_of_the_free_allowance():
    price = UsagePrice("m", D("0.02"), D(1000))
    on_time = [(i, {}) for i in range(500)]
    issued = bill_of(COUNT, price, on_time)
    assert [line.amount for line in issued] == [D("0.00")]
    [line] = late_for(COUNT, price, on_time + [(500 + i, {}) for i in range(1000)], issued)
    assert (line.amount, line.late, line.quantity, line.free, line.billable) == (D("10.00"), True, 1500, 1000, 500)
    assert (line.late_for.billed, line.late_for.rerated, line.late_for.invoice_id) == (D(0), D("10.00"), str(BILL))
    [line] = late_for(COUNT, price, on_time + [(500 + i, {}) for i in range(300)], issued)
    assert line.amount == D("0.00")


def test_a_late_user_already_counted_adds_nothing_and_a_new_one_adds_one():
    price = UsagePrice("m", D("1.50"))
    on_time = [(i, {"user_id": f"u{i % 12 + 1}"}) for i in range(24)]
    issued = bill_of(USERS, price, on_time)
    assert issued[0].amount == D("18.00")
    assert [x.amount for x in late_for(USERS, price, on_time + [(99, {"user_id": "u1"})], issued)] == [D("0.00")]
    assert [x.amount for x in late_for(USERS, price, on_time + [(99, {"user_id": "u13"})], issued)] == [D("1.50")]


def test_a_late_seat_count_bills_only_what_raises_the_cycle_max():
    price = UsagePrice("m", D("10.00"))
    on_time = [(i, {"seats": s}) for i, s in enumerate([3, 10, 5])]
    issued = bill_of(SEATS, price, on_time)
    assert issued[0].amount == D("100.00")
    assert [x.amount for x in late_for(SEATS, price, on_time + [(9, {"seats": 7})], issued)] == [D("0.00")]
    assert [x.amount for x in late_for(SEATS, price, on_time + [(9, {"seats": 12})], issued)] == [D("20.00")]


def test_late_usage_continues_a_graduated_price_in_the_tier_the_cycle_reached():
    tiers = (Tier(D(1000), D("0.02")), Tier(None, D("0.01")))
    price = UsagePrice("m", D(0), model="graduated", tiers=tiers)
    on_time = [(i, {}) for i in range(1500)]
    issued = bill_of(COUNT, price, on_time)
    assert issued[0].amount == D("25.00")
    [line] = late_for(COUNT, price, on_time + [(2000 + i, {}) for i in range(500)], issued)
    assert line.amount == D("5.00")


def test_a_late_last_value_that_lowers_the_cycle_is_a_credit_line():
    price = UsagePrice("m", D("1"))
    on_time = [(1, {"n": 10})]
    issued = bill_of(LAST, price, on_time)
    [line] = late_for(LAST, price, on_time + [(2, {"n": 4})], issued)
    assert line.amount == D("-6.00")


def test_credits_are_not_spent_again_late_usage_is_billed_past_the_units_they_paid():
    price = UsagePrice("m", D("1"), D(0), CreditTerms(D(5), D(1), "none"))
    on_time = [(i, {}) for i in range(3)]
    issued = bill_of(COUNT, price, on_time, balance=D(5))
    assert (issued[0].credited, issued[0].amount) == (D(3), D("0.00"))
    [line] = late_for(COUNT, price, on_time + [(9, {})], issued)
    assert (line.amount, line.credited, line.credits_used) == (D("1.00"), D(3), D(0))


def test_what_earlier_late_lines_billed_is_not_billed_again():
    price = UsagePrice("m", D("1"))
    first = [(1, {})]
    issued = bill_of(COUNT, price, first)
    [one] = late_for(COUNT, price, first + [(2, {})], issued)
    [two] = late_for(COUNT, price, first + [(2, {}), (3, {})], issued, later=[one])
    assert (one.amount, two.amount, two.late_for.billed) == (D("1.00"), D("1.00"), D("2.00"))


def test_a_credit_never_takes_an_invoice_below_zero_and_the_rest_stays_owed():
    credit = late_for(
        LAST,
        UsagePrice("m", D("1")),
        [(1, {"n": 10}), (2, {"n": 4})],
        bill_of(LAST, UsagePrice("m", D("1")), [(1, {"n": 10})]),
    )
    rated = with_late(Rated("USD", [], D("2.00"), D("2.00")), credit)
    assert (rated.total, rated.lines[0].amount, owed(rated.lines[0])) == (D("0.00"), D("-2.00"), D("-4.00"))


kinds = {
    "count": (COUNT, lambda draw: {}),
    "unique_count": (USERS, lambda draw: {"user_id": f"u{draw(st.integers(1, 6))}"}),
    "max": (SEATS, lambda draw: {"seats": draw(st.integers(0, 40))}),
    "last": (LAST, lambda draw: {"n": draw(st.integers(0, 40))}),
}


@st.composite
def prices(draw):
    free = D(draw(st.integers(0, 8)))
    unit = draw(st.decimals("0", "3", places=3))
    model = draw(st.sampled_from(["per_unit", "graduated", "volume", "package"]))
    if model == "per_unit":
        price = UsagePrice("m", unit, free)
    elif model == "package":
        price = UsagePrice(
            "m", D(0), free, model="package", package_size=D(draw(st.integers(1, 5))), package_price=unit
        )
    else:
        tiers = (Tier(D(draw(st.integers(1, 10))), unit, D(draw(st.integers(0, 2)))), Tier(None, unit / 2))
        price = UsagePrice("m", D(0), free, model=model, tiers=tiers)
    if draw(st.booleans()):
        price = UsagePrice(
            price.meter_id,
            price.unit_price,
            price.free_threshold,
            model=price.model,
            tiers=price.tiers,
            package_size=price.package_size,
            package_price=price.package_price,
            group_by="region",
        )
    return price


@settings(max_examples=300)
@given(data=st.data(), kind=st.sampled_from(sorted(kinds)), price=prices())
def test_a_cycle_and_its_late_lines_add_up_to_the_cycle_rated_with_every_event(data, kind, price):
    rule, metadata = kinds[kind]
    events = [
        (i, {**metadata(data.draw), "region": data.draw(st.sampled_from(["eu", "us"]))})
        for i in range(data.draw(st.integers(0, 12)))
    ]
    # any split into on time and late batches, in any order of arrival (positions keep the timestamps' order)
    batch_of = [data.draw(st.integers(0, 3)) for _ in events]
    issued = bill_of(rule, price, [e for e, b in zip(events, batch_of) if b == 0])
    later: list[Line] = []
    for batch in range(1, 4):
        known = [e for e, b in zip(events, batch_of) if b <= batch]
        later += late_for(rule, price, known, issued, later)
    billed = sum((line.amount for line in issued + later), D(0))
    assert billed == sum((line.amount for line in bill_of(rule, price, events)), D(0))
