"""A credit entitlement balance fell below its `low_balance_threshold_percent` of the cycle's grant: once per
(customer, entitlement, subscription cycle). Its id derives from those, so two looks at the same crossing
cannot both be stored (as an alert's trigger); the `webhooks` projection sends it as Dodo's
`credit.balance_low` (docs/credit-entitlements.md, Low balance)."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from eventsourcing.domain import Aggregate, event


def low_balance_id(
    entitlement_id: str, customer_id: str, subscription_id: uuid.UUID, cycle_start: datetime
) -> uuid.UUID:
    return uuid.uuid5(uuid.UUID(entitlement_id), f"low:{customer_id}:{subscription_id}:{cycle_start.isoformat()}")


def falls_low(balance: Decimal, granted: Decimal, percent: int) -> bool:
    """Below `percent` of the cycle's grant (not at it): 19 of 100 is below 20 %, 20 is not."""
    return granted > 0 and balance * 100 < granted * percent


class LowBalance(Aggregate):
    class FellBelowThreshold(Aggregate.Created):
        business_id: uuid.UUID
        customer_id: str
        entitlement_id: str
        entitlement_name: str
        subscription_id: uuid.UUID
        cycle_start: datetime
        balance: Decimal
        granted: Decimal  # the cycle's grant (the attachment's credits_amount)
        percent: int

    @staticmethod
    def create_id(
        entitlement_id: str, customer_id: str, subscription_id: uuid.UUID, cycle_start: datetime, **_: object
    ) -> uuid.UUID:
        return low_balance_id(entitlement_id, customer_id, subscription_id, cycle_start)

    @event(FellBelowThreshold)
    def __init__(
        self,
        business_id: uuid.UUID,
        customer_id: str,
        entitlement_id: str,
        entitlement_name: str,
        subscription_id: uuid.UUID,
        cycle_start: datetime,
        balance: Decimal,
        granted: Decimal,
        percent: int,
    ) -> None:
        self.business_id = business_id
        self.customer_id = customer_id
        self.entitlement_id = entitlement_id
        self.entitlement_name = entitlement_name
        self.subscription_id = subscription_id
        self.cycle_start = cycle_start
        self.balance = balance
        self.granted = granted
        self.percent = percent
