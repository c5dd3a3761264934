"""The `customers` projection: one row per customer, for lists."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

import msgspec
from eventsourcing.postgres import PostgresDatastore
from psycopg import Cursor, sql

from domain.billing_details import BillingDetails
from domain.customer import CHANGEABLE, Customer
from projections.engine.json_values import to_json
from projections.engine.projection import Page, Projection
from projections.reads.pages import PageOf, paged
from projections.usage.meter_usage import decimal_json
from store.topics import events_of

_json = msgspec.json.Encoder(decimal_format="number")


class CustomersProjection(Projection):
    name = "customers"
    version = 1
    topics = events_of(Customer)
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
    added_columns: ClassVar[dict[str, tuple[str, ...]]] = {
        "customers": ("phone_number text", "metadata jsonb NOT NULL DEFAULT '{}'", "billing_details jsonb"),
    }

    def apply(self, cur: Cursor[Any], page: Page) -> None:
        for position, e in page.events:
            if isinstance(e, Customer.Created):
                cur.execute(
                    sql.SQL(
                        "INSERT INTO {} (id, business_id, customer_id, name, email, phone_number, metadata, created_at, "
                        "position) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)"
                    ).format(self.t("customers")),
                    (
                        e.originator_id,
                        e.business_id,
                        e.external_id,
                        e.name,
                        e.email,
                        e.phone_number,
                        _json.encode(e.metadata).decode(),
                        e.timestamp,
                        position,
                    ),
                )
            elif isinstance(e, Customer.Updated):
                # Column names come from the domain's list of changeable details, never from a client.
                changes = {k: v for k, v in e.changes.items() if k in CHANGEABLE}
                values = [_json.encode(v).decode() if k == "metadata" else v for k, v in changes.items()]
                cur.execute(
                    sql.SQL("UPDATE {} SET {}position = %s WHERE id = %s").format(
                        self.t("customers"),
                        sql.SQL("").join(sql.SQL("{} = %s, ").format(sql.Identifier(k)) for k in changes),
                    ),
                    (*values, position, e.originator_id),
                )
            elif isinstance(e, Customer.BillingDetailsSet):
                cur.execute(
                    sql.SQL("UPDATE {} SET billing_details = %s, position = %s WHERE id = %s").format(
                        self.t("customers")
                    ),
                    (to_json(e.details), position, e.originator_id),
                )


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
    """Dodo's Customer (its SDK's types/customer.py) with tally's `id`. Name and email are "" when never
    given: Dodo requires both, tally does not (docs/dodo.md)."""

    id: str
    customer_id: str
    business_id: str
    name: str
    email: str
    phone_number: str | None
    metadata: dict[str, Any]
    created_at: datetime
    billing_details: BillingDetailsView = msgspec.field(default_factory=BillingDetailsView)


def customer_view(customer: Customer) -> CustomerView:
    return CustomerView(
        id=customer.external_id,
        customer_id=customer.external_id,
        business_id=str(customer.business_id),
        name=customer.name or "",
        email=customer.email or "",
        phone_number=customer.phone_number,
        metadata=customer.metadata,
        created_at=customer.created_on,
        billing_details=billing_details_view(customer.billing_details),
    )


@dataclass(frozen=True)
class CustomerFilter:
    """Dodo's list filters: email exactly (case-insensitive), name in part (case-insensitive), created
    within [created_at_gte, created_at_lte]."""

    email: str | None = None
    name: str | None = None
    created_at_gte: datetime | None = None
    created_at_lte: datetime | None = None
    # tally's own: id, name or email containing it, in any case (the dashboard's picker).
    search: str | None = None

    def where(self) -> tuple[sql.Composable, list[Any]]:
        conditions: list[sql.Composable] = [sql.SQL("business_id = %s")]
        params: list[Any] = []
        for condition, value in (
            ("lower(email) = lower(%s)", self.email),
            ("name ILIKE %s ESCAPE '\\'", None if self.name is None else f"%{_like(self.name)}%"),
            ("created_at >= %s", self.created_at_gte),
            ("created_at <= %s", self.created_at_lte),
        ):
            if value is not None:
                conditions.append(sql.SQL(condition))
                params.append(value)
        if self.search:
            conditions.append(
                sql.SQL("(customer_id ILIKE %s ESCAPE '\\' OR name ILIKE %s ESCAPE '\\' OR email ILIKE %s ESCAPE '\\')")
            )
            params += [f"%{_like(self.search)}%"] * 3
        return sql.SQL(" AND ").join(conditions), params


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


ORDERS: dict[str, sql.Composable] = {
    "newest": sql.SQL("created_at DESC, position DESC"),
    "oldest": sql.SQL("created_at, position"),
    "customer_id": sql.SQL("customer_id"),
    "name": sql.SQL("lower(coalesce(name, '')), customer_id"),
}
"""How a customers list may be ordered (the dashboard's sort); newest first unless asked."""


def list_customers(
    datastore: PostgresDatastore,
    schema: str,
    business: uuid.UUID,
    page_number: int = 0,
    page_size: int = 10,
    matching: CustomerFilter = CustomerFilter(),
    order: str = "newest",
) -> PageOf[CustomerView]:
    where, params = matching.where()
    query = sql.SQL(
        "SELECT customer_id, business_id, name, email, phone_number, metadata, billing_details, created_at "
        "FROM {}.customers WHERE {} ORDER BY {} LIMIT %s OFFSET %s"
    ).format(sql.Identifier(schema), where, ORDERS[order])
    with datastore.transaction(commit=False) as cur:
        decimal_json(cur)
        cur.execute(query, (business, *params, page_size + 1, page_number * page_size))
        rows = [
            CustomerView(
                id=r["customer_id"],
                customer_id=r["customer_id"],
                business_id=str(r["business_id"]),
                name=r["name"] or "",
                email=r["email"] or "",
                phone_number=r["phone_number"],
                metadata=r["metadata"],
                created_at=r["created_at"],
                billing_details=billing_details_view(BillingDetails.from_terms(r["billing_details"])),
            )
            for r in cur.fetchall()
        ]
    return paged(rows, page_number, page_size)
