"""Invoices: the list and each invoice with its lines and audit trail."""
from __future__ import annotations

import uuid

from litestar import get
from litestar.response import Template

from application.tally import Tally
from interfaces.dashboard.forms import blank_to_none
from interfaces.http.paging import PageNumber
from projections.queries import Queries

PAGE_SIZE = 50


@get("/invoices", sync_to_thread=True)
def invoices_page(queries: Queries, business: uuid.UUID, customer_id: str = "",
                  page_number: PageNumber = 0) -> Template:
    """Issued invoices newest first, optionally of one customer."""
    page = queries.invoices(business, blank_to_none(customer_id), None, page_number, PAGE_SIZE)
    return Template("invoices.html", context={"page": page, "invoices": page.items,
                                              "query": {"customer_id": customer_id}})


@get("/invoices/{invoice_id:uuid}", sync_to_thread=True)
def invoice_page(invoice_id: uuid.UUID, queries: Queries, business: uuid.UUID, position_reached: int) -> Template:
    """One invoice, every line, and where to read how it came about."""
    return Template("invoice.html", context={
        "invoice": queries.invoice(business, invoice_id)})


@get("/invoices/{invoice_id:uuid}/explain", sync_to_thread=True)
def explain_page(invoice_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> Template:
    """The invoice re-derived from the event log alone, line by line, and whether it matches what was issued."""
    return Template("explain.html", context={"work": tally.explainer.explain_invoice(business, invoice_id)})


HANDLERS = [invoices_page, invoice_page, explain_page]
