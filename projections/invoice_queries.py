"""Reading issued invoices."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

import msgspec
from psycopg import sql

from domain.errors import NotFound
from domain.invoice import Invoice
from domain.rating import Line
from projections.billing_views import LineView, line_view
from projections.invoices import ISSUED
from projections.pages import PageOf, paged


class InvoiceView(msgspec.Struct):
    id: str
    customer_id: str
    subscription_id: str
    product_id: str
    status: str
    currency: str
    cycle_start: datetime
    cycle_end: datetime
    price: str
    lines: list[LineView]
    total: str
    issued_at: datetime


@dataclass(frozen=True)
class InvoiceRow:
    """A row of the `invoices` read model, lines typed: what a view is made of, like the Invoice itself."""

    id: uuid.UUID
    customer_id: str
    subscription_id: uuid.UUID
    product_id: uuid.UUID
    status: str
    currency: str
    cycle_start: datetime
    cycle_end: datetime
    price: Decimal
    lines: list[Line]
    total: Decimal
    issued_at: datetime

    @classmethod
    def of(cls, r: dict[str, Any]) -> InvoiceRow:
        return cls(r["id"], r["customer_id"], r["subscription_id"], r["product_id"], r["status"], r["currency"],
                   r["cycle_start"], r["cycle_end"], r["price"], [Line.from_terms(t) for t in r["lines"]],
                   r["total"], r["issued_at"])


def invoice_view(invoice: Invoice | InvoiceRow, status: str = ISSUED) -> InvoiceView:
    return InvoiceView(id=str(invoice.id), customer_id=invoice.customer_id,
                       subscription_id=str(invoice.subscription_id), product_id=str(invoice.product_id),
                       status=status, currency=invoice.currency, cycle_start=invoice.cycle_start,
                       cycle_end=invoice.cycle_end, price=str(invoice.price),
                       lines=[line_view(line) for line in invoice.lines], total=str(invoice.total),
                       issued_at=invoice.issued_at)


def _row_view(r: dict[str, Any]) -> InvoiceView:
    row = InvoiceRow.of(r)
    return invoice_view(row, row.status)


def list_invoices(datastore: Any, schema: str, business: uuid.UUID, customer_id: str | None, status: str | None,
                  page_number: int, page_size: int) -> PageOf[InvoiceView]:
    conditions = [sql.SQL("business_id = %s")]
    params: list[Any] = [business]
    if customer_id is not None:
        conditions.append(sql.SQL("customer_id = %s"))
        params.append(customer_id)
    if status is not None:
        conditions.append(sql.SQL("status = %s"))
        params.append(status)
    query = sql.SQL("SELECT * FROM {}.invoices WHERE {} ORDER BY position DESC LIMIT %s OFFSET %s").format(
        sql.Identifier(schema), sql.SQL(" AND ").join(conditions))
    with datastore.transaction(commit=False) as cur:
        cur.execute(query, (*params, page_size + 1, page_number * page_size))
        rows = [_row_view(r) for r in cur.fetchall()]
    return paged(rows, page_number, page_size)


def get_invoice(datastore: Any, schema: str, business: uuid.UUID, invoice: uuid.UUID) -> InvoiceView:
    query = sql.SQL("SELECT * FROM {}.invoices WHERE business_id = %s AND id = %s").format(sql.Identifier(schema))
    with datastore.transaction(commit=False) as cur:
        cur.execute(query, (business, invoice))
        row = cur.fetchone()
    if row is None:
        raise NotFound("invoice", invoice)
    return _row_view(row)
