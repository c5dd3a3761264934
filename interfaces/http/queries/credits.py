"""Credit wallet queries."""

from __future__ import annotations

import uuid

from litestar import get

from application.tally import Tally
from interfaces.resources.credits import credits_for
from interfaces.resources.freshness import Fresh
from interfaces.resources.paging import PageNumber, PageSize
from projections.balances.credit_queries import CreditsView
from projections.reads.queries import Queries


class CreditQueries:
    """The queries half of a resource's controller (interfaces/http/controllers.py)."""

    @get(operation_id="GetCredits", sync_to_thread=True)
    def credits(
        self,
        customer_id: str,
        tally: Tally,
        queries: Queries,
        business: uuid.UUID,
        fresh: Fresh,
        page_size: PageSize = 100,
        page_number: PageNumber = 0,
    ) -> CreditsView:
        """The customer's credit balance, its active grants (soonest-expiring first) and the ledger of every
        movement (grant, debit, expiry) with the balance after it, newest first, paged by `page_size` and
        `page_number` (`ledger_has_more`). Always includes every movement of the wallet recorded before the
        request (no `min_position` needed)."""
        return credits_for(tally, queries, fresh, business, customer_id, page_number, page_size)
