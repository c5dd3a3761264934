"""Pricing a cycle: free, then credits, then overage; each line rounded once."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.rating import CreditTerms, Usage, UsagePrice, credited_units, rate

D = Decimal


def usage(quantity, unit_price="0.02", free="0", credits=None):
    return Usage(UsagePrice("m", D(unit_price), D(free), credits), "calls", D(quantity))


def test_2500_calls_with_1000_free_at_2_cents_cost_30_dollars():
    rated = rate([usage("2500", "0.02", "1000")], D("0"), "USD")
    [line] = rated.lines
    assert (line.free, line.billable, line.amount, rated.total) == (D(1000), D(1500), D("30.00"), D("30.00"))
    assert str(rated.total) == "30.00"


def test_each_line_is_rounded_half_up_once_and_the_total_adds_the_rounded_lines():
    rated = rate([usage("1", "0.005"), usage("1", "0.005")], D("1"), "USD")
    assert [line.amount for line in rated.lines] == [D("0.01"), D("0.01")]
    assert rated.total == D("1.02")


def test_yen_amounts_have_no_minor_unit():
    assert str(rate([usage("3", "0.5")], D("0"), "JPY").total) == "2"


def test_credits_pay_after_the_free_threshold_and_before_overage():
    terms = CreditTerms(D(1000), D(1), "none")
    rated = rate([usage("2500", "0.02", "1000", terms)], D(0), "USD", D(1000))
    [line] = rated.lines
    assert (line.free, line.credited, line.credits_used, line.billable, line.amount) == (
        D(1000),
        D(1000),
        D(1000),
        D(500),
        D("10.00"),
    )


def test_whole_quantities_take_whole_units_of_credit_and_fractional_ones_take_fractions():
    assert credited_units(D(10), D("2.5"), D(1)) == D(2)
    assert credited_units(D("10.5"), D("2.5"), D(1)) == D("2.5")
    assert credited_units(D(10), D(5), D(2)) == D(2)


quantities = st.decimals(min_value=0, max_value=10**9, places=3)
prices = st.decimals(min_value=0, max_value=100, places=12)


@settings(max_examples=150)
@given(
    st.lists(
        st.tuples(
            quantities,
            prices,
            quantities,
            st.one_of(st.none(), st.decimals(min_value=Decimal("0.001"), max_value=100, places=3)),
        ),
        min_size=1,
        max_size=5,
    ),
    st.decimals(min_value=0, max_value=10**6, places=3),
    st.decimals(min_value=0, max_value=1000, places=2),
)
def test_rating_rules_hold_for_any_prices_and_balances(specs, balance, fixed):
    usages = [
        Usage(UsagePrice(str(i), price, free, CreditTerms(D(0), per_unit, "none") if per_unit else None), str(i), q)
        for i, (q, price, free, per_unit) in enumerate(specs)
    ]
    rated = rate(usages, fixed, "USD", balance)
    left = balance
    for u, line in zip(usages, rated.lines):
        assert 0 <= line.free <= line.quantity and line.free <= u.price.free_threshold
        assert line.free + line.credited + line.billable == line.quantity
        assert line.credits_used <= left
        if line.billable and u.price.credits:  # overage only once the credits could not pay another unit
            assert left - line.credits_used < u.price.credits.per_unit
        if line.credited or line.billable:  # credits and overage only past the free threshold
            assert line.free == min(line.quantity, u.price.free_threshold)
        left -= line.credits_used
        assert line.amount >= 0 and line.amount.as_tuple().exponent == -2
        assert abs(line.amount - line.billable * line.unit_price) <= D("0.005")
    assert rated.total == sum((line.amount for line in rated.lines), fixed)
    assert 0 <= rated.credits_used <= balance
