"""Invoices: the list (drafts first), each invoice with its lines, audit trail, PDF and the status actions
its status allows, and the CSV export."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Annotated, Any

from litestar import Response, get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body
from litestar.response import Redirect, Stream, Template

from application.tally import Tally
from application.written import Written
from domain.errors import Conflict, Fault, Invalid
from domain.invoice import STATUSES
from interfaces.dashboard.forms import blank_to_none, parse_time, struct_from
from interfaces.resources.catalog.products import products_of
from interfaces.resources.freshness import Fresh
from interfaces.resources.invoices import (
    MarkPaid,
    Void,
    any_invoice,
    invoice_document,
    invoice_list,
    invoices_csv,
    parties_of,
    price_work,
)
from interfaces.resources.paging import PageNumber
from projections.invoices.queries import InvoiceFilter
from projections.reads.queries import Queries

Form = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.URL_ENCODED)]
PAGE_SIZE = 50
ALL = 1000


def _product_id(value: str) -> uuid.UUID | None:
    """The product filter's select sends "" for any product."""
    if not value.strip():
        return None
    try:
        return uuid.UUID(value.strip())
    except ValueError:
        raise Invalid(
            f"product_id is not a product id: {value!r}", "invalid_product", [Fault("product_id", "unknown product")]
        ) from None


@get("/invoices", sync_to_thread=True)
def invoices_page(
    tally: Tally,
    queries: Queries,
    business: uuid.UUID,
    customer_id: str = "",
    status: str = "",
    product_id: str = "",
    start: str = "",
    end: str = "",
    page_number: PageNumber = 0,
) -> Template:
    """Drafts, then issued invoices, newest first, optionally of one customer, status, product or period of
    issue, with what the issued ones matching come to per currency."""
    chosen = status if status in STATUSES else None
    narrowed = InvoiceFilter(
        product_id=_product_id(product_id), issued_from=parse_time(start, "start"), issued_until=parse_time(end, "end")
    )
    matching = narrowed if narrowed != InvoiceFilter() else None
    page = invoice_list(
        tally,
        queries,
        business,
        blank_to_none(customer_id),
        chosen,
        page_number,
        PAGE_SIZE,
        datetime.now(UTC),
        matching,
    )
    totals_of = replace(narrowed, customer_id=blank_to_none(customer_id), status=chosen)
    return Template(
        "invoices.html",
        context={
            "page": page,
            "invoices": page.items,
            "statuses": STATUSES,
            "products": products_of(queries, business, 0, ALL).items,
            "totals": queries.invoice_totals(business, totals_of) if chosen != "draft" else [],
            "query": {
                "customer_id": customer_id,
                "status": status,
                "product_id": product_id,
                "start": start,
                "end": end,
            },
        },
    )


def _invoice(
    tally: Tally,
    queries: Queries,
    business: uuid.UUID,
    invoice_id: uuid.UUID,
    errors: list[str],
    status_code: int = 200,
) -> Template:
    invoice = any_invoice(tally, queries, business, invoice_id, datetime.now(UTC))
    return Template(
        "invoice.html",
        status_code=status_code,
        context={
            "invoice": invoice,
            "parties": parties_of(tally, business, invoice),
            "work": price_work(tally, business, invoice),
            "numbers": queries.invoice_numbers(business, [x.late_for.invoice_id for x in invoice.lines if x.late_for]),
            "errors": errors,
        },
    )


@get("/invoices/{invoice_id:uuid}", sync_to_thread=True)
def invoice_page(invoice_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID, fresh: Fresh) -> Template:
    """One invoice (or draft), every line, what can be done with it, and where to read how it came about."""
    return _invoice(tally, queries, business, invoice_id, [])


@get("/invoices/{invoice_id:uuid}/pdf", sync_to_thread=True, media_type="application/pdf")
def invoice_pdf_download(invoice_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID) -> Response[bytes]:
    return Response(
        invoice_document(tally, queries, business, invoice_id),
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="invoice-{invoice_id}.pdf"'},
    )


@get("/invoices/export.csv", sync_to_thread=True, media_type="text/csv")
def invoices_export(
    queries: Queries, business: uuid.UUID, start: str = "", end: str = "", status: str = "", lines: str = ""
) -> Stream:
    """The export form's CSV: a blank start or end is open (from 1970, up to now); `lines=true`, a row per line."""
    return invoices_csv(
        queries,
        business,
        parse_time(start, "start") or datetime(1970, 1, 1, tzinfo=UTC),
        parse_time(end, "end") or datetime.now(UTC),
        status if status in STATUSES and status != "draft" else None,
        lines == "true",
    )


def _act(
    tally: Tally,
    queries: Queries,
    business: uuid.UUID,
    invoice_id: uuid.UUID,
    command: Callable[[], Written[uuid.UUID]],
) -> Template | Redirect:
    """Runs a status action; a refused one comes back on the invoice's page with the reason."""
    try:
        done = command()
    except (Conflict, Invalid) as exc:
        return _invoice(
            tally, queries, business, invoice_id, [exc.detail], status_code=409 if isinstance(exc, Conflict) else 422
        )
    return Redirect(f"/dashboard/invoices/{invoice_id}?min_position={done.position}", status_code=303)


@post("/invoices/{invoice_id:uuid}/finalize", sync_to_thread=True, status_code=303)
def finalize(invoice_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID) -> Template | Redirect:
    return _act(
        tally, queries, business, invoice_id, lambda: tally.invoices.finalize(business, invoice_id, datetime.now(UTC))
    )


@post("/invoices/{invoice_id:uuid}/mark-paid", sync_to_thread=True, status_code=303)
def mark_paid(
    invoice_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID, data: Form
) -> Template | Redirect:
    def command() -> Written[uuid.UUID]:
        paid = struct_from({"reference": data.get("reference")}, MarkPaid)
        paid_at = parse_time(data.get("paid_at"), "paid_at") or datetime.now(UTC)
        return tally.invoices.mark_paid(business, invoice_id, paid_at, paid.reference)

    return _act(tally, queries, business, invoice_id, command)


@post("/invoices/{invoice_id:uuid}/void", sync_to_thread=True, status_code=303)
def void(invoice_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID, data: Form) -> Template | Redirect:
    def command() -> Written[uuid.UUID]:
        reason = struct_from({"reason": data.get("reason")}, Void).reason
        return tally.invoices.void(business, invoice_id, reason, datetime.now(UTC))

    return _act(tally, queries, business, invoice_id, command)


@post("/invoices/{invoice_id:uuid}/mark-uncollectible", sync_to_thread=True, status_code=303)
def mark_uncollectible(
    invoice_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID
) -> Template | Redirect:
    return _act(
        tally,
        queries,
        business,
        invoice_id,
        lambda: tally.invoices.mark_uncollectible(business, invoice_id, datetime.now(UTC)),
    )


@get("/invoices/{invoice_id:uuid}/explain", sync_to_thread=True)
def explain_page(invoice_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID) -> Template:
    """The invoice re-derived from the event log alone, line by line, and whether it matches what was issued
    (a late line's earlier invoice named by its number)."""
    work = tally.explainer.explain_invoice(business, invoice_id)
    earlier = [line.late_for.invoice_id for line in work.lines if line.late_for]
    return Template("explain.html", context={"work": work, "numbers": queries.invoice_numbers(business, earlier)})


HANDLERS = [
    invoices_page,
    invoice_page,
    invoice_pdf_download,
    invoices_export,
    finalize,
    mark_paid,
    void,
    mark_uncollectible,
    explain_page,
]
