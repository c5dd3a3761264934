"""Invoices: the bodies of their transitions, and invoices as both interfaces show them: issued ones from the
`invoices` read model, drafts priced live, and both in one list (drafts first: their cycles ended last); the
PDF and the CSV export."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from decimal import Decimal
from typing import Annotated, Any

import msgspec
from litestar.response import Stream

from application.tally import Tally
from application.upcoming import Draft
from domain.invoice import DRAFT
from domain.rating import UsagePrice
from domain.time_range import check_times
from interfaces.documents.invoice_csv import invoice_csv
from interfaces.documents.invoice_pdf import Parties, business_lines, invoice_pdf
from projections.customers.projection import billing_details_view
from projections.invoices.queries import InvoiceFilter, InvoiceView
from projections.reads.billing_views import line_view
from projections.reads.pages import PageOf
from projections.reads.queries import Queries

Reference = Annotated[str, msgspec.Meta(max_length=255)]
Reason = Annotated[str, msgspec.Meta(min_length=1, max_length=500)]


class MarkPaid(msgspec.Struct, forbid_unknown_fields=True):
    paid_at: Annotated[datetime, msgspec.Meta(tz=True)] | None = None
    reference: Reference | None = None


class Void(msgspec.Struct, forbid_unknown_fields=True):
    reason: Reason


class NoBody(msgspec.Struct, forbid_unknown_fields=True):
    pass


class NumberingUpdate(msgspec.Struct, forbid_unknown_fields=True):
    prefix: Annotated[str, msgspec.Meta(min_length=1, max_length=20)]


class NumberingView(msgspec.Struct):
    prefix: str
    next_number: str
    position: int = 0


class InvoiceWritten(InvoiceView):
    position: int = 0


def numbering_view(tally: Tally, business: uuid.UUID, position: int = 0) -> NumberingView:
    numbering = tally.billing.numbering(business)
    return NumberingView(numbering.prefix, numbering.next_number, position)


def draft_view(draft: Draft) -> InvoiceView:
    u = draft.upcoming
    return InvoiceView(
        id=str(draft.id),
        customer_id=draft.customer_id,
        subscription_id=str(u.subscription_id),
        product_id=str(u.product_id),
        status=DRAFT,
        currency=u.rated.currency,
        cycle_start=u.cycle.start,
        cycle_end=u.cycle.end,
        price=str(u.rated.price),
        lines=[line_view(line) for line in u.rated.lines],
        total=str(u.rated.total),
        issued_at=None,
    )


def invoice_list(
    tally: Tally,
    queries: Queries,
    business: uuid.UUID,
    customer_id: str | None,
    status: str | None,
    page_number: int,
    page_size: int,
    now: datetime,
    matching: InvoiceFilter | None = None,
) -> PageOf[InvoiceView]:
    """Drafts (unless another status is asked for), then issued invoices, newest first, paged as one list.
    `matching` narrows the issued ones by product and period; a draft has neither an issue date nor a place in
    that read model, so a list narrowed so shows no drafts."""
    start, wanted = page_number * page_size, page_size + 1  # one more says whether a next page exists
    items: list[InvoiceView] = []
    drafts = 0
    if status in (None, DRAFT) and matching is None:
        page, drafts = tally.upcoming.drafts(business, now, customer_id, start, wanted)
        items = [draft_view(d) for d in page]
    if status != DRAFT and len(items) < wanted:
        items += queries.invoice_rows(
            business, customer_id, status, max(0, start - drafts), wanted - len(items), matching
        )
    return PageOf(
        items=items[:page_size], page_number=page_number, page_size=page_size, has_more=len(items) > page_size
    )


def any_invoice(tally: Tally, queries: Queries, business: uuid.UUID, invoice: uuid.UUID, now: datetime) -> InvoiceView:
    """An issued invoice, or else a draft."""
    if invoice in tally.store.repository:
        return queries.invoice(business, invoice)
    return draft_view(tally.upcoming.draft(business, invoice, now))


def parties_of(tally: Tally, business: uuid.UUID, invoice: InvoiceView) -> Parties:
    """Who an invoice is from and to, and its product, by name: for its page and its PDF alike."""
    customer = tally.customers.get_customer(business, invoice.customer_id)
    product = tally.catalogue.get_product(business, uuid.UUID(invoice.product_id))
    seller = tally.businesses.get(business)
    return Parties(
        seller.name,
        customer.name or invoice.customer_id,
        customer.email or "",
        product.name,
        business_lines(billing_details_view(seller.billing_details)),
    )


def price_work(tally: Tally, business: uuid.UUID, invoice: InvoiceView) -> list[str]:
    """For each line, how its price model made up its amount ("1,000 x 0.02 + 500 x 0.01" for tiers, "3 packages
    x 1.00"), on the prices the invoice was rated with; "" for a per-unit line and for a late line (whose work is
    its earlier cycle's re-rating: docs/billing.md)."""
    prices = _rated_with(tally, business, invoice)
    work = []
    for line in invoice.lines:
        price = prices.get((line.segment, line.meter_id))
        if line.model == "per_unit" or line.late or price is None:
            work.append("")
            continue
        value = next(iter(line.group.values())) if line.group else None
        parts = price.for_value(value, Decimal(0)).pricing.parts(Decimal(line.billable))
        unit = " packages" if line.model == "package" else ""
        work.append(
            " + ".join(
                f"{p.units:,f}{unit} x {p.unit_price:f}" + (f" + {p.flat_price:f}" if p.flat_price else "")
                for p in parts
            )
        )
    return work


def _rated_with(tally: Tally, business: uuid.UUID, invoice: InvoiceView) -> dict[tuple[int | None, str], UsagePrice]:
    """(segment when several, meter id) -> the price: those the invoice recorded, else its product's of now."""
    segments: list[dict[str, Any]] = []
    if invoice.issued_at is not None:
        segments = tally.billing.invoice(business, uuid.UUID(invoice.id)).segments or []
    several = len(segments) > 1
    prices: dict[tuple[int | None, str], UsagePrice] = {}
    for i, terms in enumerate(segments or [{"product_id": invoice.product_id}]):
        recorded = terms.get("usage_prices")
        if recorded is None:
            found = tally.catalogue.get_product(business, uuid.UUID(str(terms["product_id"]))).prices()
        else:
            found = [UsagePrice.from_terms(t) for t in recorded]
        prices |= {(i if several else None, p.meter_id): p for p in found}
    return prices


def invoice_document(tally: Tally, queries: Queries, business: uuid.UUID, invoice_id: uuid.UUID) -> bytes:
    """The PDF, for the API and the dashboard alike."""
    invoice = any_invoice(tally, queries, business, invoice_id, datetime.now(timezone.utc))
    return invoice_pdf(invoice, parties_of(tally, business, invoice), price_work(tally, business, invoice))


def invoices_csv(
    queries: Queries, business: uuid.UUID, start: datetime, end: datetime, status: str | None, lines: bool = False
) -> Stream:
    """The CSV export, for the API and the dashboard alike."""
    check_times(start=start, end=end)
    return Stream(
        invoice_csv(queries.issued_between(business, start, end, status), lines),
        media_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="invoices.csv"'},
    )
