"""Times tally accepts: timezone-aware, 1970-01-01T00:00:00Z inclusive to 9000-01-01T00:00:00Z exclusive."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import Invalid
from domain.time_range import EARLIEST, END, check_times, time_fault

PLUS_ONE = timezone(timedelta(hours=1))


@pytest.mark.parametrize(
    "moment",
    [
        datetime(1, 1, 1, 0, 30, tzinfo=PLUS_ONE),  # year 0 in UTC: converting it overflows
        datetime(1, 1, 1, tzinfo=UTC),
        EARLIEST - timedelta(microseconds=1),
        END,
        datetime(9999, 12, 31, 23, 59, tzinfo=UTC),
        datetime(9999, 12, 31, 23, 59, tzinfo=timezone(timedelta(hours=-14))),
    ],
)
def test_times_outside_the_range_are_faults(moment):
    [fault] = time_fault("timestamp", moment, 3)
    assert (fault.field, fault.index) == ("timestamp", 3) and "1970-01-01T00:00:00Z" in fault.reason


@pytest.mark.parametrize(
    "moment",
    [
        EARLIEST,
        END - timedelta(microseconds=1),
        datetime(2026, 11, 26, tzinfo=UTC),
        datetime(1970, 1, 1, 1, tzinfo=PLUS_ONE),
    ],
)
def test_times_inside_the_range_pass(moment):
    assert time_fault("timestamp", moment) == []


def test_a_time_without_a_timezone_is_a_fault():
    assert time_fault("start", datetime(2026, 1, 1))[0].reason == "must carry a timezone (RFC 3339)"


def test_no_time_is_no_fault():
    assert time_fault("start", None) == []


def test_check_times_names_every_faulty_time():
    with pytest.raises(Invalid) as raised:
        check_times(start=datetime(1, 1, 1, tzinfo=UTC), end=datetime(2026, 1, 1, tzinfo=UTC), at=END)
    assert raised.value.code == "invalid_time" and [f.field for f in raised.value.errors] == ["start", "at"]


@given(st.datetimes(timezones=st.builds(timezone, st.timedeltas(timedelta(hours=-23), timedelta(hours=23)))))
def test_a_time_that_passes_converts_to_utc_and_moves_by_a_thousand_years_without_overflow(moment):
    if time_fault("t", moment) == []:
        assert EARLIEST <= moment.astimezone(UTC) < END
        # By days: a 29 February has no date a thousand years on (hypothesis found 2000-03-01 at +00:00:00.000001)
        moment.astimezone(UTC) + timedelta(days=999 * 365)
        moment - timedelta(days=366)
