"""Invoice queries: lists and lookups (drafts included), the PDF, the CSV export, the numbering."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from typing import Literal

from litestar import Response, get
from litestar.params import Parameter
from litestar.response import Stream

from application.tally import Tally
from interfaces.resources.freshness import Fresh
from interfaces.resources.invoices import (
    NumberingView,
    any_invoice,
    invoice_document,
    invoice_list,
    invoices_csv,
    numbering_view,
)
from interfaces.resources.paging import PageNumber, PageSize
from projections.invoices.queries import InvoiceView
from projections.reads.pages import PageOf
from projections.reads.queries import Queries

Status = Literal["draft", "issued", "paid", "void", "uncollectible"]
IssuedStatus = Literal["issued", "paid", "void", "uncollectible"]


class InvoiceQueries:
    """The queries half of a resource's controller (interfaces/http/controllers.py)."""

    @get(operation_id="ListInvoices", sync_to_thread=True)
    def invoices(
        self,
        tally: Tally,
        queries: Queries,
        business: uuid.UUID,
        fresh: Fresh,
        customer_id: str | None = Parameter(default=None, max_length=255),
        status: Status | None = None,
        page_size: PageSize = 10,
        page_number: PageNumber = 0,
    ) -> PageOf[InvoiceView]:
        """Invoices newest first, optionally of one customer (external id) or one status. Drafts (cycles that
        ended and are not issued yet, priced live) come first."""
        return invoice_list(
            tally, queries, business, customer_id, status, page_number, page_size, datetime.now(timezone.utc)
        )

    @get("/{invoice_id:uuid}", operation_id="GetInvoice", sync_to_thread=True)
    def invoice(
        self, invoice_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID, fresh: Fresh
    ) -> InvoiceView:
        """One invoice (or draft) with its lines: quantity, free, credits_used, billable, unit_price, amount,
        late; its number, who it is billed to, and its payment state."""
        return any_invoice(tally, queries, business, invoice_id, datetime.now(timezone.utc))

    @get("/{invoice_id:uuid}/pdf", operation_id="GetInvoicePdf", sync_to_thread=True, media_type="application/pdf")
    def invoice_pdf(
        self, invoice_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID, fresh: Fresh
    ) -> Response[bytes]:
        """The invoice (or draft) as a PDF document."""
        return Response(invoice_document(tally, queries, business, invoice_id), media_type="application/pdf")

    @get("/export.csv", operation_id="ExportInvoices", sync_to_thread=True, media_type="text/csv")
    def export(
        self,
        queries: Queries,
        business: uuid.UUID,
        fresh: Fresh,
        start: datetime,
        end: datetime,
        status: IssuedStatus | None = None,
        lines: bool = False,
    ) -> Stream:
        """Invoices issued in [start, end) as CSV for accounting, oldest first (by number when issued together),
        with customer and product names; one row per invoice, or with `lines=true` one per invoice line."""
        return invoices_csv(queries, business, start, end, status, lines)

    @get("/numbering", operation_id="GetInvoiceNumbering", sync_to_thread=True)
    def numbering(self, tally: Tally, business: uuid.UUID) -> NumberingView:
        """The prefix of the business's invoice numbers and the number the next issued invoice gets."""
        return numbering_view(tally, business)
