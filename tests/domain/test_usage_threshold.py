"""The threshold rule (domain/usage_threshold.py): when a threshold invoice is due, and that a cycle's invoices
always add up to what the cycle bills without thresholds."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from domain.money import MINOR_UNITS
from domain.rating import ZERO, Rated
from domain.usage_threshold import ALREADY_INVOICED, UsageThreshold, crossed, less_invoiced, threshold_faults

cents = st.integers(min_value=0, max_value=1_000_000).map(lambda n: Decimal(n).scaleb(-2))
positive = st.integers(min_value=1, max_value=100_000).map(lambda n: Decimal(n).scaleb(-2))


def rated(total: Decimal) -> Rated:
    return Rated("USD", [], ZERO, total)


def test_the_worked_example_bills_52_then_48():
    fifty = [UsageThreshold(Decimal("50.00"))]
    assert crossed(fifty, Decimal("52.00"), ZERO)
    assert not crossed(fifty, Decimal("100.00"), Decimal("52.00"))  # not recurring: once
    final, excess = less_invoiced(rated(Decimal("100.00")), Decimal("52.00"), ["INV-1"])
    assert (final.total, excess) == (Decimal("48.00"), ZERO)
    [line] = final.lines
    assert (line.kind, line.amount, line.meter_name) == (
        ALREADY_INVOICED,
        Decimal("-52.00"),
        "Already invoiced (INV-1)",
    )


def test_a_recurring_threshold_fires_each_time_its_amount_accrues_again():
    ten = [UsageThreshold(Decimal("10"), recurring=True)]
    assert not crossed(ten, Decimal("9.99"), ZERO)
    assert crossed(ten, Decimal("10"), ZERO)
    assert not crossed(ten, Decimal("19.99"), Decimal("10"))
    assert crossed(ten, Decimal("20.00"), Decimal("10"))


def test_thresholds_at_or_below_zero_too_many_decimals_or_two_recurring_are_faults():
    assert threshold_faults([UsageThreshold(Decimal("0"))], "USD")
    assert threshold_faults([UsageThreshold(Decimal("-5.00"))], "USD")
    assert threshold_faults([UsageThreshold(Decimal("5.001"))], "USD")
    assert threshold_faults([UsageThreshold(Decimal("5.5"))], "JPY") and MINOR_UNITS["JPY"] == 0
    assert threshold_faults([UsageThreshold(Decimal(1), True), UsageThreshold(Decimal(2), True)], "USD")
    assert threshold_faults([UsageThreshold(Decimal(5)), UsageThreshold(Decimal(5))], "USD")
    assert threshold_faults([UsageThreshold(Decimal("50.00")), UsageThreshold(Decimal(5), True)], "USD") == []


@given(
    fixed=st.lists(positive, max_size=4, unique=True),
    recurring=st.none() | positive,
    seen=st.lists(cents, min_size=1, max_size=30),
)
def test_a_cycles_invoices_add_up_to_its_amount_and_none_is_negative(fixed, recurring, seen):
    """`seen` is the cycle's amount each time the job looks (it may go down: a `last` meter, a lower price);
    the last one is the amount at the close."""
    thresholds = [UsageThreshold(a) for a in fixed] + ([UsageThreshold(recurring, True)] if recurring else [])
    invoiced, early = ZERO, []
    for gross in seen[:-1]:
        if crossed(thresholds, gross, invoiced):
            early.append(gross - invoiced)
            invoiced = gross
    final, excess = less_invoiced(rated(seen[-1]), invoiced, [])
    assert all(amount > 0 for amount in early) and final.total >= 0 and excess >= 0
    assert sum(early, ZERO) + final.total - excess == seen[-1]
    if recurring is None:
        assert len(early) <= len(fixed)  # each fixed threshold fires at most once
