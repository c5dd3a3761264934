"""What a subscription's usage history and credit usage answer: Dodo's shapes (its SDK's
subscription_retrieve_usage_history_response and subscription_retrieve_credit_usage_response)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import msgspec

from domain.money import MINOR_UNITS
from domain.rating import Line


class MeterUsage(msgspec.Struct):
    """Dodo's usage-history meter: one usage line of a billing period."""

    id: str
    chargeable_units: str
    consumed_units: str
    currency: str
    free_threshold: int
    name: str
    price_per_unit: str
    total_price: int


class UsagePeriod(msgspec.Struct):
    start_date: datetime
    end_date: datetime
    meters: list[MeterUsage]


class CreditUsage(msgspec.Struct):
    balance: str
    credit_entitlement_id: str
    credit_entitlement_name: str
    limit_reached: bool
    overage: str
    overage_enabled: bool
    unit: str
    overage_limit: str | None = None
    remaining_headroom: str | None = None


class CreditUsageAnswer(msgspec.Struct):
    items: list[CreditUsage]
    subscription_id: str


def usage_period(start: datetime, end: datetime, lines: list[Line], currency: str, meter_id: str | None) -> UsagePeriod:
    minor = Decimal(10) ** MINOR_UNITS[currency]
    return UsagePeriod(
        start,
        end,
        [
            MeterUsage(
                line.meter_id,
                format(line.billable, "f"),
                format(line.quantity, "f"),
                currency,
                int(line.free),
                line.meter_name,
                format(line.unit_price, "f"),
                int(line.amount * minor),
            )
            for line in lines
            if meter_id is None or line.meter_id == meter_id
        ],
    )
