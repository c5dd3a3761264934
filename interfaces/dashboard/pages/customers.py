"""Customers: the list, a form to add one, and each customer's page with the upcoming
invoice, credits, money wallets and past invoices, and forms to subscribe them and grant credits."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal
from typing import Annotated, Any
from urllib.parse import quote

import msgspec
from litestar import get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body
from litestar.response import Redirect, Template

from application.tally import Tally
from domain.errors import Conflict, Invalid, NotFound
from interfaces.dashboard.forms import blank_to_none, parse_time, problems, struct_from
from interfaces.resources.access import entitlement_view
from interfaces.resources.catalog.products import products_of
from interfaces.resources.credits import CreditGrant, credits_for
from interfaces.resources.customers import CustomerCreate, CustomerUpdate, Search
from interfaces.resources.freshness import Fresh
from interfaces.resources.invoices import invoice_list
from interfaces.resources.paging import PageNumber
from interfaces.resources.subscription_bodies import SubscriptionCreate
from interfaces.resources.subscriptions import subscription_view
from interfaces.resources.usage import usage_of
from projections.customers.projection import ORDERS, CustomerFilter, customer_view
from projections.reads.billing_views import LineView
from projections.reads.queries import Queries

Form = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.URL_ENCODED)]
PAGE_SIZE = 50
LATEST = 20
ALL = 1000
SUGGESTIONS = 10
ORDER_LABELS = {"newest": "newest first", "oldest": "oldest first", "customer_id": "customer id", "name": "name"}


class CustomerRow(msgspec.Struct):
    """A finance person's line of the customers list: the plans, what the open cycles come to so far, the credit
    balance and when usage was last seen."""

    plans: list[str]
    upcoming: list[tuple[str, str]]
    credit_balance: Decimal | None
    last_event_at: datetime | None


def customer_rows(tally: Tally, queries: Queries, business: uuid.UUID, ids: list[str]) -> dict[str, CustomerRow]:
    """Each listed customer's row; the upcoming amount is priced now, as on the customer's page."""
    names = {p.id: p.name for p in products_of(queries, business, 0, ALL).items}
    last, credits = queries.last_event_times(business, ids), queries.credit_balances(business, ids)
    rows = {}
    for customer_id in ids:
        usage = usage_of(tally, business, customer_id).subscriptions
        rows[customer_id] = CustomerRow(
            [names.get(u.product_id, u.product_id) for u in usage],
            [(u.total, u.currency) for u in usage],
            credits.get(customer_id),
            last.get(customer_id),
        )
    return rows


def _list(
    tally: Tally,
    queries: Queries,
    business: uuid.UUID,
    page_number: int,
    form: dict[str, str],
    errors: list[str],
    status_code: int = 200,
    search: str = "",
    order: str = "newest",
    created_from: str = "",
    created_until: str = "",
) -> Template:
    matching = CustomerFilter(
        search=blank_to_none(search),
        created_at_gte=parse_time(created_from, "created_from"),
        created_at_lte=parse_time(created_until, "created_until"),
    )
    page = queries.customers(business, page_number, PAGE_SIZE, matching, order if order in ORDERS else "newest")
    query = {"search": search, "order": "" if order == "newest" else order, "created_from": created_from}
    query["created_until"] = created_until
    return Template(
        "customers.html",
        status_code=status_code,
        context={
            "page": page,
            "rows": customer_rows(tally, queries, business, [c.customer_id for c in page.items]),
            "form": form,
            "errors": errors,
            "orders": ORDER_LABELS,
            "query": {k: v for k, v in query.items() if v},
        },
    )


@get("/customers", sync_to_thread=True)
def customers_page(
    tally: Tally,
    queries: Queries,
    business: uuid.UUID,
    page_number: PageNumber = 0,
    search: Search = "",
    order: str = "newest",
    created_from: str = "",
    created_until: str = "",
) -> Template:
    """Customers newest first (or by id, name, oldest first), those whose id, name or email contains `search`
    and added within the dates given, each with plan, upcoming amount, credit balance and last event; and a form
    to add one."""
    return _list(
        tally,
        queries,
        business,
        page_number,
        {},
        [],
        search=search or "",
        order=order,
        created_from=created_from,
        created_until=created_until,
    )


class Suggestion(msgspec.Struct):
    customer_id: str
    name: str | None
    email: str | None


@get("/customer-search.json", sync_to_thread=True)
def customer_search(queries: Queries, business: uuid.UUID, search: Search = "") -> list[Suggestion]:
    """What a customer field suggests as one types: the first matches by id, name or email."""
    found = queries.customers(business, 0, SUGGESTIONS, CustomerFilter(search=blank_to_none(search))).items
    return [Suggestion(c.customer_id, c.name, c.email) for c in found]


def _to_customer(customer_id: str, position: int) -> Redirect:
    return Redirect(f"/dashboard/customers/{quote(customer_id, safe='')}?min_position={position}", status_code=303)


@post("/customers", sync_to_thread=True, status_code=303)
def add_customer(tally: Tally, queries: Queries, business: uuid.UUID, data: Form) -> Template | Redirect:
    """Adds a customer with the API's rules; a rejected form comes back with the reasons."""
    try:
        create = struct_from(data, CustomerCreate)
        done = tally.customers.create_customer(business, create.customer_id, create.name, create.email)
    except (Invalid, Conflict) as exc:
        return _list(tally, queries, business, 0, data, problems(exc), status_code=422)
    return _to_customer(done.id, done.position)


def _page(
    tally: Tally,
    queries: Queries,
    fresh: Fresh,
    business: uuid.UUID,
    customer_id: str,
    errors: list[str],
    status_code: int = 200,
) -> Template:
    customer = customer_view(tally.customers.get_customer(business, customer_id))
    products = products_of(queries, business, 0, ALL).items
    usage = usage_of(tally, business, customer_id)
    names = {p.id: p.name for p in products}
    subscriptions = [
        subscription_view(tally.subscriptions.get_subscription(business, uuid.UUID(u.subscription_id)))
        for u in usage.subscriptions
    ]
    credits = credits_for(tally, queries, fresh, business, customer_id)
    return Template(
        "customer.html",
        status_code=status_code,
        context={
            "customer": customer,
            "errors": errors,
            "usage": usage,
            "charted": {u.subscription_id: charted(u.lines) for u in usage.subscriptions},
            "subscriptions": subscriptions,
            "credits": credits,
            "entitlements": queries.entitlements.of_customer(business, customer_id).items,
            "access": [
                entitlement_view(e) for e in tally.access.entitlements_of(business, customer_id, datetime.now(UTC))
            ],
            "wallets": queries.money_wallets(business, customer_id),
            "wallet_entries": queries.wallet_entries(business, customer_id, None, 0, LATEST),
            "invoices": invoice_list(tally, queries, business, customer_id, None, 0, LATEST, datetime.now(UTC)).items,
            "products": [p for p in products if not p.archived],
            "product_names": names,
            "subscription_names": {
                u.subscription_id: names.get(u.product_id, "subscription") for u in usage.subscriptions
            }
            | queries.invoice_numbers(business, [line.reference.partition(":")[2] for line in credits.ledger]),
            "events": queries.events(business, customer_id=customer_id, page_size=LATEST),
        },
    )


def charted(lines: list[LineView]) -> list[LineView]:
    """One usage chart per meter of the cycle: its first line (not a late line, which re-rates an earlier cycle,
    nor another value of a per-value price, nor a line that prices no meter: an add-on, an entitlement's
    overage, whose meter_id has a ":", or what threshold invoices billed already)."""
    seen: dict[str, LineView] = {}
    for line in lines:
        if not line.late and line.kind == "usage" and ":" not in line.meter_id:
            seen.setdefault(line.meter_id, line)
    return list(seen.values())


@get("/customers/{customer_id:str}", sync_to_thread=True)
def customer_page(customer_id: str, tally: Tally, queries: Queries, business: uuid.UUID, fresh: Fresh) -> Template:
    """One customer: upcoming invoice, credits, past invoices and latest events."""
    return _page(tally, queries, fresh, business, customer_id, [])


def subscribe_from(tally: Tally, business: uuid.UUID, form: dict[str, Any]) -> int:
    """Starts the subscription a form asks for (customer_id, product_id, start blank for now); its position."""
    start = parse_time(form.get("start"), "start")
    create = struct_from({k: form.get(k) for k in ("customer_id", "product_id")}, SubscriptionCreate)
    now = datetime.now(UTC)
    return tally.subscriptions.start_subscription(
        business, create.customer_id, create.product_id, start or now, now
    ).position


@post("/customers/{customer_id:str}/subscriptions", sync_to_thread=True, status_code=303)
def subscribe(
    customer_id: str, tally: Tally, queries: Queries, business: uuid.UUID, fresh: Fresh, data: Form
) -> Template | Redirect:
    """Subscribes the customer to a product, from now or from a start in the past."""
    try:
        position = subscribe_from(tally, business, {**data, "customer_id": customer_id})
    except (Invalid, Conflict, NotFound) as exc:
        return _page(tally, queries, fresh, business, customer_id, [exc.detail], status_code=422)
    return _to_customer(customer_id, position)


@post("/customers/{customer_id:str}/credits", sync_to_thread=True, status_code=303)
def grant(
    customer_id: str, tally: Tally, queries: Queries, business: uuid.UUID, fresh: Fresh, data: Form
) -> Template | Redirect:
    """Grants credits to the customer's wallet."""
    try:
        expires = parse_time(data.get("expires_at"), "expires_at")
        request = struct_from({"amount": data.get("amount"), "reason": data.get("reason")}, CreditGrant)
        result = tally.credits.grant_credits(
            business, customer_id, request.amount, expires, request.reason, None, datetime.now(UTC)
        )
    except (Invalid, Conflict) as exc:
        return _page(tally, queries, fresh, business, customer_id, [exc.detail], status_code=422)
    return _to_customer(customer_id, result.position)


@get("/customers/{customer_id:str}/edit", sync_to_thread=True)
def edit_page(customer_id: str, tally: Tally, business: uuid.UUID) -> Template:
    """The customer's name and email in a form, to change them."""
    customer = customer_view(tally.customers.get_customer(business, customer_id))
    return Template(
        "customer_edit.html",
        context={
            "customer": customer,
            "form": {"name": customer.name or "", "email": customer.email or ""},
            "errors": [],
        },
    )


@post("/customers/{customer_id:str}/edit", sync_to_thread=True, status_code=303)
def edit(customer_id: str, tally: Tally, business: uuid.UUID, data: Form) -> Template | Redirect:
    """Saves the name and email with the API's rules (`PATCH /customers/{id}`); a rejected form comes back."""
    customer = customer_view(tally.customers.get_customer(business, customer_id))
    try:
        change = struct_from({k: data.get(k) for k in ("name", "email")}, CustomerUpdate)
        done = tally.customers.update_customer(business, customer_id, change.changes())
    except Invalid as exc:
        errors = [exc.detail, *(f"{f.field}: {f.reason}" for f in exc.errors)]
        return Template(
            "customer_edit.html", status_code=422, context={"customer": customer, "form": data, "errors": errors}
        )
    return Redirect(
        f"/dashboard/customers/{quote(customer_id, safe='')}?min_position={done.position}&notice=updated",
        status_code=303,
    )


HANDLERS = [customers_page, customer_search, add_customer, customer_page, subscribe, grant, edit_page, edit]
