"""A customer's usage reached a limit in a subscription cycle: a usage price's `usage_limit`, or the credits
(and allowed overage) of the entitlement a price spends. Once per (subscription, cycle, meter, kind): its id
derives from those, so two looks at the same crossing cannot both be stored (as a LowBalance). The `webhooks`
projection sends it as `usage.limit_reached` or `credit.balance_exhausted` (docs/access.md)."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Literal

from eventsourcing.domain import Aggregate, event

LimitKind = Literal["usage_limit", "credits_exhausted", "overage_limit"]


def limit_reached_id(subscription_id: uuid.UUID, cycle_start: datetime, meter_id: str, kind: str) -> uuid.UUID:
    return uuid.uuid5(subscription_id, f"limit:{kind}:{meter_id}:{cycle_start.isoformat()}")


class LimitReached(Aggregate):
    class Reached(Aggregate.Created):
        business_id: uuid.UUID
        customer_id: str
        subscription_id: uuid.UUID
        meter_id: str
        kind: str
        behavior: str  # block or notify
        limit: Decimal
        used: Decimal
        cycle_start: datetime
        cycle_end: datetime
        credit_entitlement_id: str | None

    @staticmethod
    def create_id(
        subscription_id: uuid.UUID, cycle_start: datetime, meter_id: str, kind: str, **_: object
    ) -> uuid.UUID:
        return limit_reached_id(subscription_id, cycle_start, meter_id, kind)

    @event(Reached)
    def __init__(
        self,
        business_id: uuid.UUID,
        customer_id: str,
        subscription_id: uuid.UUID,
        meter_id: str,
        kind: str,
        behavior: str,
        limit: Decimal,
        used: Decimal,
        cycle_start: datetime,
        cycle_end: datetime,
        credit_entitlement_id: str | None,
    ) -> None:
        self.business_id = business_id
        self.customer_id = customer_id
        self.subscription_id = subscription_id
        self.meter_id = meter_id
        self.kind = kind
        self.behavior = behavior
        self.limit = limit
        self.used = used
        self.cycle_start = cycle_start
        self.cycle_end = cycle_end
        self.credit_entitlement_id = credit_entitlement_id
