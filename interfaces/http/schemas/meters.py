"""What meter commands and the usage query answer."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

import msgspec

from projections.usage.meter_views import MeterView


class MeterWritten(MeterView):
    position: int = 0


class UsageBucket(msgspec.Struct):
    start: datetime
    end: datetime
    value: Decimal | None


class UsageGroup(msgspec.Struct):
    """One combination of the group_by keys' values (null: events without the key)."""

    group: dict[str, str | None]
    total: Decimal | None
    buckets: list[UsageBucket]


class MeterUsage(msgspec.Struct):
    meter_id: uuid.UUID
    total: Decimal | None
    buckets: list[UsageBucket]
    groups: list[UsageGroup] | None = None  # with group_by only
