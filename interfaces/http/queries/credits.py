"""Credit wallet queries."""

from __future__ import annotations

import uuid

from litestar import get

from application.tally import Tally
from domain.credit_wallet import wallet_id
from domain.customer import Customer
from domain.customer import customer_id as customer_uuid
from domain.errors import NotReady
from interfaces.http.dependencies import READ_WAIT_S
from interfaces.http.paging import PageNumber, PageSize
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
        position_reached: int,
        page_size: PageSize = 100,
        page_number: PageNumber = 0,
    ) -> CreditsView:
        """The customer's credit balance, its active grants (soonest-expiring first) and the ledger of every
        movement (grant, debit, expiry) with the balance after it, newest first, paged by `page_size` and
        `page_number` (`ledger_has_more`). Always includes every movement of the wallet recorded before the
        request (no `min_position` needed)."""
        return credits_for(tally, queries, business, customer_id, page_number, page_size)


def credits_for(
    tally: Tally, queries: Queries, business: uuid.UUID, customer_id: str, page_number: int = 0, page_size: int = 100
) -> CreditsView:
    """The wallet with every movement recorded so far, for the API and the dashboard alike."""
    customer = customer_uuid(business, customer_id)
    tally.store.owned(business, Customer, "customer", customer)
    if not queries.reached(["balances"], tally.store.position_of(wallet_id(customer)), READ_WAIT_S):
        raise NotReady("the balances read model is behind; retry", "projections_behind")
    return queries.credits(business, customer_id, page_number, page_size)
