"""Alert queries."""

from __future__ import annotations

import uuid

from litestar import get

from application.tally import Tally
from interfaces.resources.freshness import Fresh
from interfaces.resources.paging import PageNumber, PageSize
from projections.reads.pages import PageOf
from projections.reads.queries import Queries
from projections.webhooks.queries import AlertView, alert_view


class AlertQueries:
    """The queries half of a resource's controller (interfaces/http/controllers.py)."""

    @get(operation_id="ListAlerts", sync_to_thread=True)
    def alerts(
        self,
        queries: Queries,
        business: uuid.UUID,
        fresh: Fresh,
        page_size: PageSize = 10,
        page_number: PageNumber = 0,
    ) -> PageOf[AlertView]:
        """Alerts, newest first."""
        return queries.alerts(business, page_number, page_size)

    @get("/{alert_id:uuid}", operation_id="GetAlert", sync_to_thread=True)
    def alert(self, alert_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> AlertView:
        """One alert."""
        return alert_view(tally.alerts.get_alert(business, alert_id))
