"""Customer queries."""
from __future__ import annotations

import uuid

from litestar import get

from application.tally import Tally
from interfaces.http.paging import PageNumber, PageSize
from projections.customers import CustomerView, customer_view, list_customers
from projections.pages import PageOf


@get("/customers", sync_to_thread=True, tags=["customers"])
def customers(tally: Tally, business: uuid.UUID, position_reached: int,
         page_size: PageSize = 10,
         page_number: PageNumber = 0) -> PageOf[CustomerView]:
    """Customers, newest first."""
    return list_customers(tally.store.datastore, tally.store.schema, business, page_number, page_size)

@get("/customers/{customer_id:str}", sync_to_thread=True, tags=["customers"])
def customer(customer_id: str, tally: Tally, business: uuid.UUID) -> CustomerView:
    """One customer by its external id."""
    return customer_view(tally.customers.get_customer(business, customer_id))


HANDLERS = [customers, customer]
