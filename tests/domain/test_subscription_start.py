"""A subscription starts in the supported time range, at most 1,000 cycles in the past, and its first cycle
ends inside the range, so the closing job never works through an unbounded backlog or past year 9999."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from domain.errors import Invalid
from domain.subscription import MAX_PAST_CYCLES, Subscription, start_faults

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def reasons(start, interval="day", count=1):
    return [f.reason for f in start_faults(start, interval, count, NOW)]


def test_a_start_1000_daily_cycles_ago_is_allowed_and_1001_is_not():
    assert reasons(NOW - timedelta(days=MAX_PAST_CYCLES)) == []
    assert reasons(NOW - timedelta(days=MAX_PAST_CYCLES, minutes=-1)) == []
    assert reasons(NOW - timedelta(days=MAX_PAST_CYCLES + 1)) == ["must be at most 1000 cycles in the past"]


def test_the_limit_counts_cycles_of_the_product_interval():
    assert reasons(datetime(1970, 1, 1, tzinfo=UTC), "year") == []
    assert reasons(datetime(1970, 1, 1, tzinfo=UTC), "week") == ["must be at most 1000 cycles in the past"]
    assert reasons(NOW - timedelta(weeks=999), "week") == []


def test_a_start_in_year_1_on_a_daily_product_is_a_time_fault_not_739k_cycles():
    assert "1970-01-01T00:00:00Z" in reasons(datetime(1, 1, 1, tzinfo=UTC))[0]


def test_a_first_cycle_that_would_end_past_the_range_is_refused():
    assert reasons(datetime(8999, 6, 1, tzinfo=UTC), "year", 1000) == [
        "the first cycle must end before 9000-01-01T00:00:00+00:00"
    ]
    assert reasons(datetime(8999, 6, 1, tzinfo=UTC), "month") == []


@pytest.mark.parametrize("interval", ["day", "week", "month", "year"])
def test_the_longest_first_cycle_from_the_latest_start_is_still_a_datetime(interval):
    assert reasons(datetime(8999, 12, 31, 23, 59, tzinfo=UTC), interval, 1000)


def test_starting_refuses_with_invalid_subscription():
    with pytest.raises(Invalid) as raised:
        Subscription.start(uuid.uuid4(), "cus", uuid.uuid4(), datetime(1, 1, 1, tzinfo=UTC), "day", 1, NOW)
    assert raised.value.code == "invalid_subscription" and raised.value.errors[0].field == "start"
