"""What a usage chart covers: a preset or a typed range, and the window that suits its length.

The window follows the range unless one is asked for: minutes for up to six hours, hours for up to two weeks,
days for up to a year and a bit, months beyond. Each gives between a few dozen and a few hundred bars, far
inside the API's 10,000-window limit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from interfaces.dashboard.forms import parse_time
from projections.usage.meter_queries import window_end

PRESETS = {"cycle": "This cycle", "24h": "Last 24 h", "7d": "7 days", "30d": "30 days"}
SPANS = {"24h": timedelta(hours=24), "7d": timedelta(days=7), "30d": timedelta(days=30)}
DEFAULT_PRESET = "24h"
WINDOW_UP_TO = [("minute", timedelta(hours=6)), ("hour", timedelta(days=14)), ("day", timedelta(days=400))]


@dataclass(frozen=True)
class ChartRange:
    start: datetime
    end: datetime
    window: str
    preset: str | None


def window_for(span: timedelta) -> str:
    return next((window for window, longest in WINDOW_UP_TO if span <= longest), "month")


def chart_range(
    preset: str, start: str, end: str, window: str, cycle_start: datetime | None, now: datetime | None = None
) -> ChartRange:
    """A typed start or end wins over a preset; without either, the preset (last 24 h by default) up to the
    next minute. `cycle_start` is where "this cycle" begins (None: the month so far)."""
    clock = (now or datetime.now(UTC)).replace(second=0, microsecond=0) + timedelta(minutes=1)
    until = parse_time(end, "end") or clock
    since = parse_time(start, "start")
    chosen = None
    if since is None:
        chosen = preset if preset in PRESETS else DEFAULT_PRESET
        if chosen == "cycle":
            since = cycle_start or until.replace(day=1, hour=0, minute=0)
        else:
            since = until - SPANS[chosen]
    return ChartRange(since, until, window or window_for(until - since), chosen)


def truncate(at: datetime, window: str) -> datetime:
    at = at.astimezone(UTC).replace(second=0, microsecond=0)
    if window == "minute":
        return at
    at = at.replace(minute=0)
    if window == "hour":
        return at
    at = at.replace(hour=0)
    return at.replace(day=1) if window == "month" else at


def slots(start: datetime, end: datetime, window: str) -> list[int]:
    """Every window's start in [start, end), as epoch seconds, the first clipped to `start` (to the minute) as
    the API clips its first bucket: the chart draws empty ones as 0, so one bar among many is as wide as its
    window and not a hairline."""
    first = start.astimezone(UTC).replace(second=0, microsecond=0)
    found, at = [int(first.timestamp())], window_end(truncate(start, window), window)
    while at < end:
        found.append(int(at.timestamp()))
        at = window_end(at, window)
    return found
