"""Reading issued invoices."""
from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import msgspec
from psycopg import sql

from domain.errors import NotFound
from domain.invoice import Invoice
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


def invoice_view(invoice: Invoice) -> InvoiceView:
    return InvoiceView(id=str(invoice.id), customer_id=invoice.customer_id,
                       subscription_id=str(invoice.subscription_id), product_id=str(invoice.product_id),
                       status=ISSUED, currency=invoice.currency, cycle_start=invoice.cycle_start,
                       cycle_end=invoice.cycle_end, price=str(invoice.price),
                       lines=[line_view(line) for line in invoice.lines], total=str(invoice.total),
                       issued_at=invoice.issued_at)


def _row_view(r: dict[str, Any]) -> InvoiceView:
    return InvoiceView(id=str(r["id"]), customer_id=r["customer_id"], subscription_id=str(r["subscription_id"]),
                       product_id=str(r["product_id"]), status=r["status"], currency=r["currency"],
                       cycle_start=r["cycle_start"], cycle_end=r["cycle_end"], price=str(r["price"]),
                       lines=[line_view(line) for line in r["lines"]], total=str(r["total"]),
                       issued_at=r["issued_at"])


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
