"""Invoice queries."""
from __future__ import annotations

import uuid
from typing import Literal

from litestar import get
from litestar.params import Parameter

from application.tally import Tally
from interfaces.http.paging import PageNumber, PageSize
from projections.invoice_queries import InvoiceView, get_invoice, list_invoices
from projections.pages import PageOf


@get("/invoices", sync_to_thread=True, tags=["invoices"])
def invoices(tally: Tally, business: uuid.UUID, position_reached: int,
             customer_id: str | None = Parameter(default=None, max_length=255),
             status: Literal["issued"] | None = None,
             page_size: PageSize = 10,
             page_number: PageNumber = 0) -> PageOf[InvoiceView]:
    """Issued invoices, newest first, optionally of one customer (external id)."""
    return list_invoices(tally.store.datastore, tally.store.schema, business, customer_id, status, page_number,
                         page_size)


@get("/invoices/{invoice_id:uuid}", sync_to_thread=True, tags=["invoices"])
def invoice(invoice_id: uuid.UUID, tally: Tally, business: uuid.UUID, position_reached: int) -> InvoiceView:
    """One invoice with its lines: quantity, free, credits_used, billable, unit_price, amount, late."""
    return get_invoice(tally.store.datastore, tally.store.schema, business, invoice_id)


HANDLERS = [invoices, invoice]
