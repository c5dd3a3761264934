"""The `customers` projection: one row per customer, for lists."""
from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, ClassVar

import msgspec
from psycopg import Cursor, sql

from domain.billing_details import BillingDetails
from domain.customer import Customer
from projections.json_values import to_json
from projections.pages import PageOf, paged
from projections.projection import Page, Projection


class CustomersProjection(Projection):
    name = "customers"
    topics = ("domain.customer:",)
    tables: ClassVar[dict[str, str]] = {
        "customers": """
            CREATE TABLE {customers} (
                id uuid PRIMARY KEY,
                business_id uuid NOT NULL,
                customer_id text NOT NULL,
                name text,
                email text,
                billing_details jsonb,
                created_at timestamptz NOT NULL,
                position bigint NOT NULL
            );
            CREATE INDEX ON {customers} (business_id, created_at);
        """,
    }
    keys: ClassVar[dict[str, tuple[str, ...]]] = {"customers": ("id",)}

    def apply(self, cur: Cursor[Any], page: Page) -> None:
        for position, e in page.events:
            if isinstance(e, Customer.Created):
                cur.execute(sql.SQL(
                    "INSERT INTO {} (id, business_id, customer_id, name, email, created_at, position) "
                    "VALUES (%s, %s, %s, %s, %s, %s, %s)").format(self.t("customers")),
                    (e.originator_id, e.business_id, e.external_id, e.name, e.email, e.timestamp, position))
            elif isinstance(e, Customer.Updated):
                cur.execute(sql.SQL(
                    "UPDATE {} SET name = coalesce(%s, name), email = coalesce(%s, email), position = %s "
                    "WHERE id = %s").format(self.t("customers")), (e.name, e.email, position, e.originator_id))
            elif isinstance(e, Customer.BillingDetailsSet):
                cur.execute(sql.SQL("UPDATE {} SET billing_details = %s, position = %s WHERE id = %s").format(
                    self.t("customers")), (to_json(e.details), position, e.originator_id))


class AddressView(msgspec.Struct):
    country: str
    street: str | None = None
    city: str | None = None
    state: str | None = None
    zipcode: str | None = None


class BillingDetailsView(msgspec.Struct):
    """Who invoices are addressed to; copied onto each invoice when it is issued."""

    legal_name: str | None = None
    email: str | None = None
    tax_id: str | None = None
    address: AddressView | None = None


def billing_details_view(details: BillingDetails) -> BillingDetailsView:
    return msgspec.convert(details.terms(), BillingDetailsView)


class CustomerView(msgspec.Struct):
    id: str
    customer_id: str
    name: str | None
    email: str | None
    created_at: datetime
    billing_details: BillingDetailsView = msgspec.field(default_factory=BillingDetailsView)


def customer_view(customer: Customer) -> CustomerView:
    return CustomerView(id=customer.external_id, customer_id=customer.external_id, name=customer.name,
                        email=customer.email, created_at=customer.created_on,
                        billing_details=billing_details_view(customer.billing_details))


def list_customers(datastore: Any, schema: str, business: uuid.UUID, page_number: int = 0,
                   page_size: int = 10) -> PageOf[CustomerView]:
    query = sql.SQL("SELECT customer_id, name, email, billing_details, created_at FROM {}.customers WHERE business_id = %s "
                    "ORDER BY created_at DESC, position DESC LIMIT %s OFFSET %s").format(sql.Identifier(schema))
    with datastore.transaction(commit=False) as cur:
        cur.execute(query, (business, page_size + 1, page_number * page_size))
        rows = [CustomerView(id=r["customer_id"], customer_id=r["customer_id"], name=r["name"], email=r["email"],
                             created_at=r["created_at"],
                             billing_details=billing_details_view(BillingDetails.from_terms(r["billing_details"])))
                for r in cur.fetchall()]
    return paged(rows, page_number, page_size)

