"""Customer queries."""
from __future__ import annotations

import uuid
from typing import Annotated

from litestar import get
from litestar.params import Parameter

from application.tally import Tally
from interfaces.http.paging import PageNumber, PageSize
from projections.customers import CustomerView, customer_view
from projections.pages import PageOf
from projections.queries import Queries

Search = Annotated[str | None, Parameter(max_length=200, description="Text the customer's id, name or email "
                                                                     "contains, in any case")]


class CustomerQueries:
    """The queries half of a resource's controller (interfaces/http/controllers.py)."""

    @get(operation_id="ListCustomers", sync_to_thread=True)
    def customers(self, queries: Queries, business: uuid.UUID, position_reached: int, page_size: PageSize = 10,
                  page_number: PageNumber = 0, search: Search = None) -> PageOf[CustomerView]:
        """Customers, newest first; `search` keeps those whose id, name or email contains it (any case)."""
        return queries.customers(business, page_number, page_size, search)

    @get("/{customer_id:str}", operation_id="GetCustomer", sync_to_thread=True)
    def customer(self, customer_id: str, tally: Tally, business: uuid.UUID) -> CustomerView:
        """One customer by its external id."""
        return customer_view(tally.customers.get_customer(business, customer_id))
