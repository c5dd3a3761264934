"""Reading issued invoices."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import Any

import msgspec
from eventsourcing.postgres import PostgresDatastore
from psycopg import sql

from domain.billing_details import BillingDetails
from domain.errors import NotFound
from domain.invoice import Invoice, Status
from domain.money import money
from domain.rating import Line
from projections.customers.projection import BillingDetailsView, billing_details_view
from projections.reads.billing_views import LineView, line_view
from projections.reads.pages import PageOf, paged


class InvoiceView(msgspec.Struct):
    id: str
    customer_id: str
    subscription_id: str
    product_id: str
    status: Status
    currency: str
    cycle_start: datetime
    cycle_end: datetime
    price: str
    lines: list[LineView]
    total: str
    issued_at: datetime | None  # None while a draft
    number: str | None = None  # None while a draft
    bill_to: BillingDetailsView | None = None
    paid_at: datetime | None = None
    payment_reference: str | None = None
    voided_at: datetime | None = None
    void_reason: str | None = None
    uncollectible_at: datetime | None = None
    # What the customer's money wallet paid at issue, and what is left to pay (None while a draft).
    wallet_applied: str | None = None
    amount_due: str | None = None
    # "cycle", or "threshold": part of an open cycle billed early when a usage threshold was reached.
    billing_reason: str = "cycle"


@dataclass(frozen=True)
class InvoiceRow:
    """A row of the `invoices` read model, lines typed: what a view is made of, like the Invoice itself."""

    id: uuid.UUID
    customer_id: str
    subscription_id: uuid.UUID
    product_id: uuid.UUID
    status: Status
    currency: str
    cycle_start: datetime
    cycle_end: datetime
    price: Decimal
    lines: list[Line]
    total: Decimal
    issued_at: datetime
    number: str
    bill_to: BillingDetails
    paid_at: datetime | None
    payment_reference: str | None
    voided_at: datetime | None
    void_reason: str | None
    uncollectible_at: datetime | None
    wallet_applied: Decimal
    billing_reason: str

    @property
    def amount_due(self) -> Decimal:
        return self.total - self.wallet_applied

    @classmethod
    def of(cls, r: dict[str, Any]) -> InvoiceRow:
        return cls(
            r["id"],
            r["customer_id"],
            r["subscription_id"],
            r["product_id"],
            r["status"],
            r["currency"],
            r["cycle_start"],
            r["cycle_end"],
            r["price"],
            [Line.from_terms(t) for t in r["lines"]],
            r["total"],
            r["issued_at"],
            r["number"],
            BillingDetails.from_terms(r["bill_to"]),
            r["paid_at"],
            r["payment_reference"],
            r["voided_at"],
            r["void_reason"],
            r["uncollectible_at"],
            r["wallet_applied"],
            r["billing_reason"],
        )


def invoice_view(invoice: Invoice | InvoiceRow) -> InvoiceView:
    return InvoiceView(
        id=str(invoice.id),
        customer_id=invoice.customer_id,
        subscription_id=str(invoice.subscription_id),
        product_id=str(invoice.product_id),
        status=invoice.status,
        currency=invoice.currency,
        cycle_start=invoice.cycle_start,
        cycle_end=invoice.cycle_end,
        price=str(invoice.price),
        lines=[line_view(line) for line in invoice.lines],
        total=str(invoice.total),
        issued_at=invoice.issued_at,
        number=invoice.number or None,
        bill_to=billing_details_view(invoice.bill_to),
        paid_at=invoice.paid_at,
        payment_reference=invoice.payment_reference,
        voided_at=invoice.voided_at,
        void_reason=invoice.void_reason,
        uncollectible_at=invoice.uncollectible_at,
        wallet_applied=str(money(invoice.wallet_applied, invoice.currency)),
        amount_due=str(money(invoice.amount_due, invoice.currency)),
        billing_reason=invoice.billing_reason,
    )


def _view(r: dict[str, Any]) -> InvoiceView:
    return invoice_view(InvoiceRow.of(r))


@dataclass(frozen=True)
class InvoiceFilter:
    """What a list of issued invoices narrows by: the period is of `issued_at`, [issued_from, issued_until)."""

    customer_id: str | None = None
    status: str | None = None
    product_id: uuid.UUID | None = None
    issued_from: datetime | None = None
    issued_until: datetime | None = None


def _where(business: uuid.UUID, f: InvoiceFilter) -> tuple[sql.Composable, list[Any]]:
    conditions = [sql.SQL("business_id = %s")]
    params: list[Any] = [business]
    for condition, value in (
        ("customer_id = %s", f.customer_id),
        ("status = %s", f.status),
        ("product_id = %s", f.product_id),
        ("issued_at >= %s", f.issued_from),
        ("issued_at < %s", f.issued_until),
    ):
        if value is not None:
            conditions.append(sql.SQL(condition))
            params.append(value)
    return sql.SQL(" AND ").join(conditions), params


def invoice_totals(
    datastore: PostgresDatastore, schema: str, business: uuid.UUID, matching: InvoiceFilter
) -> list[dict[str, Any]]:
    """Per currency: how many issued invoices match and what they total (void ones included, as listed)."""
    where, params = _where(business, matching)
    query = sql.SQL(
        "SELECT currency, count(*) AS invoices, sum(total) AS total FROM {}.invoices WHERE {} "
        "GROUP BY currency ORDER BY currency"
    ).format(sql.Identifier(schema), where)
    with datastore.transaction(commit=False) as cur:
        cur.execute(query, params)
        return list(cur.fetchall())


def invoice_rows(
    datastore: PostgresDatastore,
    schema: str,
    business: uuid.UUID,
    customer_id: str | None,
    status: str | None,
    offset: int,
    limit: int,
    matching: InvoiceFilter | None = None,
) -> list[InvoiceView]:
    """Issued invoices newest first, `limit` of them from `offset`, of the customer and status, narrowed further
    by `matching` (product, period) when given."""
    narrowed = replace(matching or InvoiceFilter(), customer_id=customer_id, status=status)
    where, params = _where(business, narrowed)
    query = sql.SQL("SELECT * FROM {}.invoices WHERE {} ORDER BY position DESC LIMIT %s OFFSET %s").format(
        sql.Identifier(schema), where
    )
    with datastore.transaction(commit=False) as cur:
        cur.execute(query, (*params, limit, offset))
        return [_view(r) for r in cur.fetchall()]


def list_invoices(
    datastore: PostgresDatastore,
    schema: str,
    business: uuid.UUID,
    customer_id: str | None,
    status: str | None,
    page_number: int,
    page_size: int,
) -> PageOf[InvoiceView]:
    rows = invoice_rows(datastore, schema, business, customer_id, status, page_number * page_size, page_size + 1)
    return paged(rows, page_number, page_size)


@dataclass(frozen=True)
class ExportRow:
    """An issued invoice with the names an accountant reads: its customer's and its product's."""

    invoice: InvoiceRow
    customer_name: str
    product_name: str


def issued_between(
    datastore: PostgresDatastore,
    schema: str,
    business: uuid.UUID,
    start: datetime,
    end: datetime,
    status: str | None,
    batch: int = 500,
) -> Iterator[ExportRow]:
    """Invoices issued in [start, end), oldest first and by number among those issued together (a close of many
    cycles), with their customer's and product's names, read in batches so an export never holds them all."""
    where, params = _where(business, InvoiceFilter(status=status))
    query = sql.SQL(
        "SELECT i.*, coalesce(c.name, '') AS customer_name, coalesce(p.name, '') AS product_name "
        "FROM (SELECT * FROM {s}.invoices WHERE {w} AND issued_at >= %s AND issued_at < %s "
        "AND (issued_at, number, id) > (%s, %s, %s) ORDER BY issued_at, number, id LIMIT %s) i "
        "LEFT JOIN {s}.customers c ON c.business_id = i.business_id AND c.customer_id = i.customer_id "
        "LEFT JOIN {s}.products p ON p.id = i.product_id ORDER BY i.issued_at, i.number, i.id"
    ).format(s=sql.Identifier(schema), w=where)
    after: tuple[datetime, str, uuid.UUID] = (start, "", uuid.UUID(int=0))
    while True:
        with datastore.transaction(commit=False) as cur:
            cur.execute(query, (*params, start, end, *after, batch))
            rows = [ExportRow(InvoiceRow.of(r), r["customer_name"], r["product_name"]) for r in cur.fetchall()]
        yield from rows
        if len(rows) < batch:
            return
        last = rows[-1].invoice
        after = (last.issued_at, last.number, last.id)


def numbers_of(datastore: PostgresDatastore, schema: str, business: uuid.UUID, ids: list[uuid.UUID]) -> dict[str, str]:
    """The numbers of the business's issued invoices among `ids`, by id."""
    if not ids:
        return {}
    query = sql.SQL("SELECT id, number FROM {}.invoices WHERE business_id = %s AND id = ANY(%s)").format(
        sql.Identifier(schema)
    )
    with datastore.transaction(commit=False) as cur:
        cur.execute(query, (business, ids))
        return {str(r["id"]): r["number"] for r in cur.fetchall() if r["number"]}


def get_invoice(datastore: PostgresDatastore, schema: str, business: uuid.UUID, invoice: uuid.UUID) -> InvoiceView:
    query = sql.SQL("SELECT * FROM {}.invoices WHERE business_id = %s AND id = %s").format(sql.Identifier(schema))
    with datastore.transaction(commit=False) as cur:
        cur.execute(query, (business, invoice))
        row = cur.fetchone()
    if row is None:
        raise NotFound("invoice", invoice)
    return _view(row)
