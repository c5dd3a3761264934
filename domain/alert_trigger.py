"""An alert crossed: once per (alert, customer, period). Its id derives from those, so two evaluations of
the same crossing cannot both be stored (as an invoice's id derives from its cycle). The period is the
open cycle for usage and spend alerts, and the wallet's latest grant for a credits alert: a balance that
falls low again after a top-up is news again."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from eventsourcing.domain import Aggregate, event


def trigger_id(alert_id: uuid.UUID, customer_id: str, period: str) -> uuid.UUID:
    return uuid.uuid5(alert_id, f"trigger:{customer_id}:{period}")


class AlertTrigger(Aggregate):
    class Triggered(Aggregate.Created):
        business_id: uuid.UUID
        alert_id: uuid.UUID
        kind: str
        customer_id: str
        meter_id: str | None
        threshold: Decimal
        value: Decimal
        period: str
        subscription_id: uuid.UUID | None
        cycle_start: datetime | None
        cycle_end: datetime | None

    @staticmethod
    def create_id(alert_id: uuid.UUID, customer_id: str, period: str, **_: object) -> uuid.UUID:
        return trigger_id(alert_id, customer_id, period)

    @event(Triggered)
    def __init__(
        self,
        business_id: uuid.UUID,
        alert_id: uuid.UUID,
        kind: str,
        customer_id: str,
        meter_id: str | None,
        threshold: Decimal,
        value: Decimal,
        period: str,
        subscription_id: uuid.UUID | None,
        cycle_start: datetime | None,
        cycle_end: datetime | None,
    ) -> None:
        self.business_id = business_id
        self.alert_id = alert_id
        self.kind = kind
        self.customer_id = customer_id
        self.meter_id = meter_id
        self.threshold = threshold
        self.value = value
        self.period = period
        self.subscription_id = subscription_id
        self.cycle_start = cycle_start
        self.cycle_end = cycle_end
