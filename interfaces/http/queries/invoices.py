"""Invoice queries: lists and lookups (drafts included), the PDF, the CSV export, the numbering."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from typing import Literal

from litestar import Response, get
from litestar.params import Parameter
from litestar.response import Stream

from application.tally import Tally
from domain.time_range import check_times
from interfaces.documents.invoice_csv import invoice_csv
from interfaces.documents.invoice_pdf import Parties, invoice_pdf
from interfaces.http.paging import PageNumber, PageSize
from interfaces.http.schemas.invoices import (
    NumberingView,
    any_invoice,
    invoice_list,
    numbering_view,
)
from projections.invoices.queries import InvoiceView
from projections.reads.pages import PageOf
from projections.reads.queries import Queries

Status = Literal["draft", "issued", "paid", "void", "uncollectible"]
IssuedStatus = Literal["issued", "paid", "void", "uncollectible"]


def invoice_document(tally: Tally, queries: Queries, business: uuid.UUID, invoice_id: uuid.UUID) -> bytes:
    """The PDF, for the API and the dashboard alike."""
    invoice = any_invoice(tally, queries, business, invoice_id, datetime.now(timezone.utc))
    return invoice_pdf(invoice, Parties(tally.businesses.name_of(business), invoice.customer_id))


def invoices_csv(queries: Queries, business: uuid.UUID, start: datetime, end: datetime, status: str | None) -> Stream:
    """The CSV export, for the API and the dashboard alike."""
    check_times(start=start, end=end)
    return Stream(
        invoice_csv(queries.issued_between(business, start, end, status)),
        media_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="invoices.csv"'},
    )


class InvoiceQueries:
    """The queries half of a resource's controller (interfaces/http/controllers.py)."""

    @get(operation_id="ListInvoices", sync_to_thread=True)
    def invoices(
        self,
        tally: Tally,
        queries: Queries,
        business: uuid.UUID,
        position_reached: int,
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
        self, invoice_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID, position_reached: int
    ) -> InvoiceView:
        """One invoice (or draft) with its lines: quantity, free, credits_used, billable, unit_price, amount,
        late; its number, who it is billed to, and its payment state."""
        return any_invoice(tally, queries, business, invoice_id, datetime.now(timezone.utc))

    @get("/{invoice_id:uuid}/pdf", operation_id="GetInvoicePdf", sync_to_thread=True, media_type="application/pdf")
    def invoice_pdf(
        self, invoice_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID, position_reached: int
    ) -> Response[bytes]:
        """The invoice (or draft) as a PDF document."""
        return Response(invoice_document(tally, queries, business, invoice_id), media_type="application/pdf")

    @get("/export.csv", operation_id="ExportInvoices", sync_to_thread=True, media_type="text/csv")
    def export(
        self,
        queries: Queries,
        business: uuid.UUID,
        position_reached: int,
        start: datetime,
        end: datetime,
        status: IssuedStatus | None = None,
    ) -> Stream:
        """Invoices issued in [start, end) as CSV for accounting, oldest first, one row per invoice."""
        return invoices_csv(queries, business, start, end, status)

    @get("/numbering", operation_id="GetInvoiceNumbering", sync_to_thread=True)
    def numbering(self, tally: Tally, business: uuid.UUID) -> NumberingView:
        """The prefix of the business's invoice numbers and the number the next issued invoice gets."""
        return numbering_view(tally, business)
