"""Customers: the list, a form to add one, and each customer's page with the upcoming
invoice, credits and past invoices, and forms to subscribe them and grant credits."""
from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Any
from urllib.parse import quote

from litestar import get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body
from litestar.response import Redirect, Template

from application.tally import Tally
from domain.errors import Conflict, Invalid, NotFound
from interfaces.dashboard.forms import parse_time, struct_from
from interfaces.http.commands.credits import CreditGrant
from interfaces.http.commands.customers import CustomerCreate
from interfaces.http.commands.subscriptions import SubscriptionCreate
from interfaces.http.paging import PageNumber
from interfaces.http.queries.credits import credits_for
from interfaces.http.queries.products import products_of
from interfaces.http.queries.usage import usage_of
from interfaces.http.schemas.invoices import invoice_list
from projections.customers import customer_view
from projections.queries import Queries

Form = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.URL_ENCODED)]
PAGE_SIZE = 50
LATEST = 20
ALL = 1000


def _list(queries: Queries, business: uuid.UUID, page_number: int, form: dict[str, str], errors: list[str],
          status_code: int = 200) -> Template:
    page = queries.customers(business, page_number, PAGE_SIZE)
    return Template("customers.html", status_code=status_code,
                    context={"page": page, "form": form, "errors": errors})


@get("/customers", sync_to_thread=True)
def customers_page(queries: Queries, business: uuid.UUID, page_number: PageNumber = 0) -> Template:
    """Customers newest first, and a form to add one."""
    return _list(queries, business, page_number, {}, [])


def _to_customer(customer_id: str, position: int) -> Redirect:
    return Redirect(f"/dashboard/customers/{quote(customer_id, safe='')}?min_position={position}", status_code=303)


@post("/customers", sync_to_thread=True, status_code=303)
def add_customer(tally: Tally, queries: Queries, business: uuid.UUID, data: Form) -> Template | Redirect:
    """Adds a customer with the API's rules; a rejected form comes back with the reasons."""
    try:
        create = struct_from(data, CustomerCreate)
        done = tally.customers.create_customer(business, create.customer_id, create.name, create.email)
    except (Invalid, Conflict) as exc:
        return _list(queries, business, 0, data, [exc.detail], status_code=422)
    return _to_customer(done.id, done.position)


def _page(tally: Tally, queries: Queries, business: uuid.UUID, customer_id: str, errors: list[str],
          status_code: int = 200) -> Template:
    customer = customer_view(tally.customers.get_customer(business, customer_id))
    products = products_of(queries, business, 0, ALL).items
    return Template("customer.html", status_code=status_code, context={
        "customer": customer, "errors": errors, "usage": usage_of(tally, business, customer_id),
        "credits": credits_for(tally, queries, business, customer_id),
        "invoices": invoice_list(tally, queries, business, customer_id, None, 0, LATEST, datetime.now(UTC)).items,
        "products": products, "product_names": {p.id: p.name for p in products},
        "events": queries.events(business, customer_id=customer_id, page_size=LATEST)})


@get("/customers/{customer_id:str}", sync_to_thread=True)
def customer_page(customer_id: str, tally: Tally, queries: Queries, business: uuid.UUID,
                  position_reached: int) -> Template:
    """One customer: upcoming invoice, credits, past invoices and latest events."""
    return _page(tally, queries, business, customer_id, [])


def subscribe_from(tally: Tally, business: uuid.UUID, form: dict[str, Any]) -> int:
    """Starts the subscription a form asks for (customer_id, product_id, start blank for now); its position."""
    start = parse_time(form.get("start"), "start")
    create = struct_from({k: form.get(k) for k in ("customer_id", "product_id")}, SubscriptionCreate)
    now = datetime.now(UTC)
    return tally.subscriptions.start_subscription(business, create.customer_id, create.product_id, start or now, now).position


@post("/customers/{customer_id:str}/subscriptions", sync_to_thread=True, status_code=303)
def subscribe(customer_id: str, tally: Tally, queries: Queries, business: uuid.UUID, data: Form) -> Template | Redirect:
    """Subscribes the customer to a product, from now or from a start in the past."""
    try:
        position = subscribe_from(tally, business, {**data, "customer_id": customer_id})
    except (Invalid, Conflict, NotFound) as exc:
        return _page(tally, queries, business, customer_id, [exc.detail], status_code=422)
    return _to_customer(customer_id, position)


@post("/customers/{customer_id:str}/credits", sync_to_thread=True, status_code=303)
def grant(customer_id: str, tally: Tally, queries: Queries, business: uuid.UUID, data: Form) -> Template | Redirect:
    """Grants credits to the customer's wallet."""
    try:
        expires = parse_time(data.get("expires_at"), "expires_at")
        request = struct_from({"amount": data.get("amount"), "reason": data.get("reason")}, CreditGrant)
        result = tally.credits.grant_credits(business, customer_id, request.amount, expires, request.reason, None,
                                     datetime.now(UTC))
    except (Invalid, Conflict) as exc:
        return _page(tally, queries, business, customer_id, [exc.detail], status_code=422)
    return _to_customer(customer_id, result.position)


HANDLERS = [customers_page, add_customer, customer_page, subscribe, grant]
