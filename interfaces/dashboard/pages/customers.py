"""Customers: the list, a form to add one, and each customer's page."""
from __future__ import annotations

import uuid
from typing import Annotated
from urllib.parse import quote

from litestar import get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body, Parameter
from litestar.response import Redirect, Template

from application.tally import Tally
from domain.errors import Conflict, Invalid
from interfaces.dashboard.forms import struct_from
from interfaces.http.commands.customers import CustomerCreate
from projections.customers import customer_view, list_customers
from projections.event_queries import list_events

PAGE_SIZE = 50
LATEST_EVENTS = 20


def _list(tally: Tally, business: uuid.UUID, page_number: int, form: dict[str, str], errors: list[str],
          status_code: int = 200) -> Template:
    page = list_customers(tally.recorder.datastore, tally.schema, business, page_number, PAGE_SIZE)
    return Template("customers.html", status_code=status_code,
                    context={"page": page, "form": form, "errors": errors})


@get("/customers", sync_to_thread=True)
def customers_page(tally: Tally, business: uuid.UUID, page_number: int = Parameter(default=0, ge=0)) -> Template:
    """Customers newest first, and a form to add one."""
    return _list(tally, business, page_number, {}, [])


@post("/customers", sync_to_thread=True, status_code=303)
def add_customer(tally: Tally, business: uuid.UUID,
                 data: Annotated[dict[str, str], Body(media_type=RequestEncodingType.URL_ENCODED)]
                 ) -> Template | Redirect:
    """Adds a customer with the API's rules; a rejected form comes back with the reasons."""
    try:
        create = struct_from(data, CustomerCreate)
        customer, position = tally.create_customer(business, create.customer_id, create.name, create.email)
    except (Invalid, Conflict) as exc:
        return _list(tally, business, 0, data, [exc.detail], status_code=422)
    where = f"/dashboard/customers/{quote(customer.external_id, safe='')}?min_position={position}"
    return Redirect(where, status_code=303)


@get("/customers/{customer_id:str}", sync_to_thread=True)
def customer_page(customer_id: str, tally: Tally, business: uuid.UUID, position_reached: int) -> Template:
    """One customer: who they are and their latest events."""
    customer = customer_view(tally.get_customer(business, customer_id))
    latest = list_events(tally.recorder.datastore, tally.schema, business, customer_id=customer_id,
                         page_size=LATEST_EVENTS)
    return Template("customer.html", context={"customer": customer, "events": latest})


HANDLERS = [customers_page, add_customer, customer_page]
