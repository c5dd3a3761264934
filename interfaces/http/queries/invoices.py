"""Invoice queries."""
from __future__ import annotations

import uuid
from typing import Literal

from litestar import get
from litestar.params import Parameter

from interfaces.http.paging import PageNumber, PageSize
from projections.invoice_queries import InvoiceView
from projections.pages import PageOf
from projections.queries import Queries


class InvoiceQueries:
    """The queries half of a resource's controller (interfaces/http/controllers.py)."""

    @get(operation_id="ListInvoices", sync_to_thread=True)
    def invoices(self, queries: Queries, business: uuid.UUID, position_reached: int,
                 customer_id: str | None = Parameter(default=None, max_length=255),
                 status: Literal["issued"] | None = None,
                 page_size: PageSize = 10,
                 page_number: PageNumber = 0) -> PageOf[InvoiceView]:
        """Issued invoices, newest first, optionally of one customer (external id)."""
        return queries.invoices(business, customer_id, status, page_number, page_size)

    @get("/{invoice_id:uuid}", operation_id="GetInvoice", sync_to_thread=True)
    def invoice(self, invoice_id: uuid.UUID, queries: Queries, business: uuid.UUID,
                position_reached: int) -> InvoiceView:
        """One invoice with its lines: quantity, free, credits_used, billable, unit_price, amount, late."""
        return queries.invoice(business, invoice_id)
