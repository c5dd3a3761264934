"""After usage and the fixed price: the discount, then the minimum commitment, each one rounded line."""

import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.adjustments import Applied, adjusted, readjusted
from domain.discount import Discount
from domain.errors import Invalid
from domain.rating import Usage, UsagePrice, rate

D = Decimal
NOW = datetime(2026, 12, 7, tzinfo=timezone.utc)
PRODUCT = str(uuid.uuid4())


def seed(calls: str = "2500", fixed: str = "0"):
    return rate([Usage(UsagePrice("m", D("0.02"), D(1000)), "calls", D(calls))], D(fixed), "USD")


def save20(cycles: int | None = 2) -> Applied:
    return Applied("d", "SAVE20", 2000, cycles, 0, PRODUCT)


def test_save20_takes_6_off_30_on_a_line_of_its_own():
    rated = adjusted(seed(), "USD", save20(), None, PRODUCT)
    assert [line.amount for line in rated.lines] == [D("30.00"), D("-6.00")]
    assert str(rated.total) == "24.00"


def test_a_minimum_tops_up_after_the_discount_and_a_bigger_total_is_left_alone():
    assert [line.amount for line in adjusted(seed(), "USD", None, D("50.00"), PRODUCT).lines] == [
        D("30.00"),
        D("20.00"),
    ]
    assert adjusted(seed("5000"), "USD", None, D("50.00"), PRODUCT).total == D("80.00")
    both = adjusted(seed(), "USD", save20(), D("50.00"), PRODUCT)
    assert [line.amount for line in both.lines] == [D("30.00"), D("-6.00"), D("26.00")]
    assert both.total == D("50.00")


def test_a_discount_covers_its_cycles_from_where_it_was_redeemed():
    applied = Applied("d", "X", 100, 2, 3, PRODUCT)
    assert [applied.covers(k, PRODUCT) for k in range(6)] == [False, False, False, True, True, False]
    assert Applied("d", "X", 100, None, 0, PRODUCT).covers(1000, PRODUCT)
    assert not applied.covers(3, str(uuid.uuid4()))  # another product, not preserved on a plan change


@given(
    cents=st.integers(min_value=0, max_value=10**9),
    bp=st.integers(min_value=1, max_value=10_000),
    minimum=st.none() | st.integers(min_value=0, max_value=10**9),
)
def test_the_total_is_the_sum_of_rounded_lines_never_below_the_minimum_nor_negative(cents, bp, minimum):
    subtotal = D(cents).scaleb(-2)
    before = rate([], subtotal, "USD")
    floor = None if minimum is None else D(minimum).scaleb(-2)
    rated = adjusted(before, "USD", Applied("d", "X", bp, None, 0, PRODUCT), floor, PRODUCT)
    assert rated.total == rated.price + sum((line.amount for line in rated.lines), D(0))
    assert all(line.amount == line.amount.quantize(D("0.01")) for line in rated.lines)
    assert rated.total >= 0 and (floor is None or rated.total >= floor)
    discount = -rated.lines[0].amount if subtotal > 0 else D(0)
    assert abs(discount - subtotal * bp / 10_000) <= D("0.005")


def test_a_simulation_takes_an_issued_discount_again_at_its_rate_and_keeps_the_minimum():
    issued = adjusted(seed(), "USD", save20(), D("50.00"), PRODUCT)
    dearer = rate([Usage(UsagePrice("m", D("0.03"), D(1000)), "calls", D(5000))], D(0), "USD")
    again = readjusted(dearer, issued.lines, issued.total, None, None)
    assert [line.amount for line in again.lines] == [D("120.00"), D("-24.00")]
    cheaper = readjusted(seed("1000"), issued.lines, issued.total, None, None)
    assert cheaper.total == D("50.00")


def terms(**changes):
    base = {
        "code": "save20",
        "type": "percentage",
        "amount": 2000,
        "name": None,
        "subscription_cycles": 2,
        "usage_limit": 1,
        "per_customer_usage_limit": None,
        "restricted_to": [],
        "starts_at": None,
        "expires_at": None,
        "preserve_on_plan_change": False,
        "metadata": {},
        "currency_options": [],
    }
    return {**base, **changes}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"amount": 0}, "amount"),
        ({"amount": 10_001}, "amount"),
        ({"type": "flat"}, "currency_options"),
        ({"code": "a b"}, "code"),
    ],
)
def test_a_discount_outside_its_rules_is_refused_naming_the_field(changes, field):
    with pytest.raises(Invalid) as refused:
        Discount.create(uuid.uuid4(), terms(**changes))
    assert field in [f.field for f in refused.value.errors]


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"expires_at": NOW - timedelta(seconds=1)}, "discount_expired"),
        ({"starts_at": NOW + timedelta(days=1)}, "discount_not_started"),
        ({"restricted_to": [str(uuid.uuid4())]}, "discount_not_applicable"),
    ],
)
def test_a_redemption_outside_the_discounts_terms_is_refused_and_counts_nothing(changes, code):
    discount = Discount.create(uuid.uuid4(), terms(**changes))
    with pytest.raises(Invalid) as refused:
        discount.redeem(uuid.uuid4(), "cus", uuid.UUID(PRODUCT), "USD", NOW)
    assert refused.value.code == code and discount.times_used == 0


def test_a_used_up_code_is_refused_after_its_last_use():
    discount = Discount.create(uuid.uuid4(), terms())
    applied = discount.redeem(uuid.uuid4(), "cus", uuid.UUID(PRODUCT), "USD", NOW)
    assert (applied.code, applied.basis_points, applied.cycles, discount.times_used) == ("SAVE20", 2000, 2, 1)
    with pytest.raises(Invalid) as refused:
        discount.redeem(uuid.uuid4(), "cus2", uuid.UUID(PRODUCT), "USD", NOW)
    assert refused.value.code == "discount_used_up" and discount.times_used == 1


def test_a_flat_discount_takes_its_amount_at_most_the_subtotal_and_none_below_its_minimum_subtotal():
    flat = Applied("d", "FIVE", 1, None, 0, PRODUCT, type="flat", off=D("5.00"), minimum_subtotal=D("10.00"))
    assert [line.amount for line in adjusted(seed(), "USD", flat, None, PRODUCT).lines] == [D("30.00"), D("-5.00")]
    assert adjusted(seed("1400"), "USD", flat, None, PRODUCT).total == D("8.00")  # below 10.00: no discount
    big = Applied("d", "BIG", 1, None, 0, PRODUCT, type="flat", off=D("500"))
    assert adjusted(seed(), "USD", big, None, PRODUCT).total == D("0.00")
    capped = Applied("d", "CAP", 2000, None, 0, PRODUCT, cap=D("3.00"))
    assert adjusted(seed(), "USD", capped, None, PRODUCT).lines[-1].amount == D("-3.00")
    assert Applied.from_terms(capped.terms()) == capped
