"""Cycles come from the anchor by calendar arithmetic, never by chaining."""

from datetime import datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.cycles import boundary, cycle, cycle_until, whole_minute


def at(y, m, d, h=0, mi=0):
    return datetime(y, m, d, h, mi, tzinfo=timezone.utc)


def test_a_monthly_cycle_anchored_on_jan_31_ends_on_the_last_day_of_february_then_march_31():
    anchor = at(2026, 1, 31, 12)
    assert [boundary(anchor, "month", 1, k) for k in range(4)] == [
        at(2026, 1, 31, 12),
        at(2026, 2, 28, 12),
        at(2026, 3, 31, 12),
        at(2026, 4, 30, 12),
    ]


def test_a_leap_year_february_ends_on_the_29th():
    assert cycle(at(2028, 1, 31), "month", 1, 0).end == at(2028, 2, 29)


def test_a_yearly_cycle_anchored_on_feb_29_ends_on_feb_28_and_returns_to_the_29th_in_a_leap_year():
    anchor = at(2028, 2, 29)
    assert boundary(anchor, "year", 1, 1) == at(2029, 2, 28)
    assert boundary(anchor, "year", 1, 4) == at(2032, 2, 29)


@pytest.mark.parametrize(
    "interval, count, end",
    [
        ("day", 1, at(2026, 3, 2)),
        ("week", 2, at(2026, 3, 15)),
        ("month", 3, at(2026, 6, 1)),
        ("year", 1, at(2027, 3, 1)),
    ],
)
def test_each_interval_adds_its_count(interval, count, end):
    assert cycle(at(2026, 3, 1), interval, count, 0).end == end


def test_a_cancellation_cuts_the_cycle_short_and_ends_the_ones_after_it():
    anchor, ends = at(2026, 1, 1), at(2026, 2, 10)
    assert cycle_until(anchor, "month", 1, 1, ends).end == ends
    assert cycle_until(anchor, "month", 1, 2, ends) is None


def test_a_start_is_truncated_to_the_whole_minute():
    assert whole_minute(datetime(2026, 1, 1, 10, 5, 59, 999, tzinfo=timezone.utc)) == at(2026, 1, 1, 10, 5)


@settings(max_examples=60)
@given(
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2090, 1, 1)),
    st.sampled_from(["day", "week", "month", "year"]),
    st.integers(1, 12),
    st.integers(0, 40),
)
def test_cycles_tile_time_without_gaps_or_overlaps(naive, interval, count, k):
    anchor = naive.replace(tzinfo=timezone.utc)
    this, following = cycle(anchor, interval, count, k), cycle(anchor, interval, count, k + 1)
    assert this.start < this.end == following.start
