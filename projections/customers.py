"""The `customers` projection: one row per customer, for lists."""
from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, ClassVar

import msgspec
from psycopg import Cursor, sql

from domain.customer import Customer
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


class CustomerView(msgspec.Struct):
    id: str
    customer_id: str
    name: str | None
    email: str | None
    created_at: datetime


def customer_view(customer: Customer) -> CustomerView:
    return CustomerView(id=customer.external_id, customer_id=customer.external_id, name=customer.name,
                        email=customer.email, created_at=customer.created_on)


def like_pattern(text: str) -> str:
    """`text` anywhere in a value, its own % and _ taken literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def list_customers(datastore: Any, schema: str, business: uuid.UUID, page_number: int = 0,
                   page_size: int = 10, search: str | None = None) -> PageOf[CustomerView]:
    """Newest first; with `search`, only customers whose id, name or email contains it, in any case."""
    matching = sql.SQL("")
    params: tuple[Any, ...] = (business,)
    if search:
        matching = sql.SQL(" AND (customer_id ILIKE %s OR name ILIKE %s OR email ILIKE %s)")
        params += (like_pattern(search),) * 3
    query = sql.SQL("SELECT customer_id, name, email, created_at FROM {}.customers WHERE business_id = %s{} "
                    "ORDER BY created_at DESC, position DESC LIMIT %s OFFSET %s").format(sql.Identifier(schema),
                                                                                         matching)
    with datastore.transaction(commit=False) as cur:
        cur.execute(query, (*params, page_size + 1, page_number * page_size))
        rows = [CustomerView(id=r["customer_id"], customer_id=r["customer_id"], name=r["name"], email=r["email"],
                             created_at=r["created_at"]) for r in cur.fetchall()]
    return paged(rows, page_number, page_size)

