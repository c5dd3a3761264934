"""The times tally accepts: timezone-aware, from 1970-01-01T00:00:00Z up to (not
including) 9000-01-01T00:00:00Z. Every time a client sends (event timestamps,
subscription starts, credit expiries, query ranges) is checked here.

Python's datetime ends at 9999-12-31 and starts at year 1; a time near either
end overflows when converted to UTC or moved by a cycle, a grant's lifetime or
a query window. The range leaves ~1,000 years of headroom above (a cycle is at
most 1,000 years) and nothing billable predates the Unix epoch (docs/input.md).
"""

from __future__ import annotations

from datetime import UTC, datetime

from domain.errors import Fault, Invalid

EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
END = datetime(9000, 1, 1, tzinfo=UTC)
RANGE = "1970-01-01T00:00:00Z (inclusive) to 9000-01-01T00:00:00Z (exclusive)"


def time_fault(field: str, value: datetime | None, index: int | None = None) -> list[Fault]:
    if value is None:
        return []
    if value.utcoffset() is None:
        return [Fault(field, "must carry a timezone (RFC 3339)", index)]
    # Aware datetimes compare by their UTC instant without converting, so year 1 at +01:00 cannot overflow here.
    if not EARLIEST <= value < END:
        return [Fault(field, f"must fall in {RANGE}", index)]
    return []


def check_times(**times: datetime | None) -> None:
    """Invalid (``invalid_time``) naming every given time that is outside the range or has no timezone."""
    faults = [f for field, value in times.items() for f in time_fault(field, value)]
    if faults:
        raise Invalid(f"{len(faults)} time(s) outside the supported range", "invalid_time", faults)
