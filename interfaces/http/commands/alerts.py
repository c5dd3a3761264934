"""Alert commands."""

from __future__ import annotations

import uuid

import msgspec
from litestar import delete, post

from application.tally import Tally
from interfaces.resources.alerts import AlertCreate, AlertWritten
from projections.webhooks.queries import alert_view


class AlertCommands:
    """The commands half of a resource's controller (interfaces/http/controllers.py)."""

    @post(operation_id="CreateAlert", status_code=201, sync_to_thread=True)
    def create_alert(self, data: AlertCreate, tally: Tally, business: uuid.UUID) -> AlertWritten:
        """Watch a threshold for one customer (`customer_id`) or every customer of the business: `usage` of a
        meter (`meter_id`) in the open cycle, or `spend` (the open cycle's upcoming total), at or over it, sends
        one `alert.triggered` per cycle; `credits` sends `credit.balance_low` when the balance falls under it
        (once per top-up)."""
        done = tally.alerts.create_alert(business, data.customer_id, data.meter_id, data.threshold, data.kind)
        view = alert_view(tally.alerts.get_alert(business, done.id))
        return AlertWritten(**msgspec.structs.asdict(view), position=done.position)

    @delete("/{alert_id:uuid}", operation_id="DeleteAlert", sync_to_thread=True)
    def delete_alert(self, alert_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> None:
        """Stop watching; what it already sent stays sent."""
        tally.alerts.delete_alert(business, alert_id)
