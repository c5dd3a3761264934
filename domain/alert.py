"""An alert: a threshold on a customer's usage of a meter, on the open cycle's upcoming total (spend),
or under a credit balance, for one customer or every customer of the business. When it is crossed an
AlertTrigger records it once (domain/alert_trigger.py); webhooks carry it out (docs/webhooks.md)."""

from __future__ import annotations

import uuid
from decimal import Decimal

from eventsourcing.domain import Aggregate, event

from domain.errors import Fault, Invalid
from domain.numbers import bound_faults
from domain.text import line_faults

KINDS = ("usage", "spend", "credits")


def alert_faults(customer_id: str | None, meter_id: str | None, threshold: Decimal, kind: str) -> list[Fault]:
    faults = line_faults({"customer_id": customer_id, "meter_id": meter_id})
    if kind not in KINDS:
        faults.append(Fault("kind", f"must be one of {', '.join(KINDS)}"))
    elif kind == "usage" and meter_id is None:
        faults.append(Fault("meter_id", "is required for a usage alert: the meter whose usage is watched"))
    elif kind != "usage" and meter_id is not None:
        faults.append(Fault("meter_id", f"only a usage alert watches a meter, not a {kind} alert"))
    faults += bound_faults("threshold", threshold, positive=True)
    return faults


def crossed(kind: str, threshold: Decimal, value: Decimal) -> bool:
    """Usage and spend alert at or over the threshold; a credits alert under it."""
    return value < threshold if kind == "credits" else value >= threshold


class Alert(Aggregate):
    class Created(Aggregate.Created):
        business_id: uuid.UUID
        customer_id: str | None
        meter_id: str | None
        threshold: Decimal
        kind: str

    class Deleted(Aggregate.Event):
        pass

    @classmethod
    def define(
        cls, business_id: uuid.UUID, customer_id: str | None, meter_id: str | None, threshold: Decimal, kind: str
    ) -> Alert:
        faults = alert_faults(customer_id, meter_id, threshold, kind)
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the alert", "invalid_alert", faults)
        return cls(business_id=business_id, customer_id=customer_id, meter_id=meter_id, threshold=threshold, kind=kind)

    @event(Created)
    def __init__(
        self, business_id: uuid.UUID, customer_id: str | None, meter_id: str | None, threshold: Decimal, kind: str
    ) -> None:
        self.business_id = business_id
        self.customer_id = customer_id
        self.meter_id = meter_id
        self.threshold = threshold
        self.kind = kind
        self.deleted = False

    def delete(self) -> None:
        if not self.deleted:
            self._deleted()

    @event(Deleted)
    def _deleted(self) -> None:
        self.deleted = True
