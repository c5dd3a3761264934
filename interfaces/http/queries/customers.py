"""Customer queries, with Dodo's list filters (its SDK's customer_list_params)."""

from __future__ import annotations

import uuid
from datetime import datetime

from litestar import get
from litestar.params import Parameter

from application.tally import Tally
from domain.time_range import check_times
from interfaces.resources.customers import Search
from interfaces.resources.freshness import Fresh
from interfaces.resources.paging import PageNumber, PageSize
from projections.customers.projection import CustomerFilter, CustomerView, customer_view
from projections.reads.pages import PageOf
from projections.reads.queries import Queries


class CustomerQueries:
    """The queries half of a resource's controller (interfaces/http/controllers.py)."""

    @get(operation_id="ListCustomers", sync_to_thread=True)
    def customers(
        self,
        queries: Queries,
        business: uuid.UUID,
        fresh: Fresh,
        page_size: PageSize = 10,
        page_number: PageNumber = 0,
        search: Search = None,
        email: str | None = Parameter(default=None, description="Exactly this email (case-insensitive)"),
        name: str | None = Parameter(default=None, description="Names containing this (case-insensitive)"),
        created_at_gte: datetime | None = Parameter(default=None, description="Created at or after"),
        created_at_lte: datetime | None = Parameter(default=None, description="Created at or before"),
    ) -> PageOf[CustomerView]:
        """Customers, newest first, filtered as Dodo's list filters them; `search` keeps those whose id, name
        or email contains it (any case)."""
        check_times(created_at_gte=created_at_gte, created_at_lte=created_at_lte)
        return queries.customers(
            business, page_number, page_size, CustomerFilter(email, name, created_at_gte, created_at_lte, search)
        )

    @get("/{customer_id:str}", operation_id="GetCustomer", sync_to_thread=True)
    def customer(self, customer_id: str, tally: Tally, business: uuid.UUID) -> CustomerView:
        """One customer by its external id, from the event store: it answers as soon as the create has."""
        return customer_view(tally.customers.get_customer(business, customer_id))
