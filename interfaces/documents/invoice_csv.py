"""Invoices as CSV for accounting: one row per invoice, decimals exactly as stored."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from projections.invoices.queries import InvoiceRow

HEADER = (
    "number",
    "id",
    "status",
    "customer_id",
    "legal_name",
    "tax_id",
    "currency",
    "cycle_start",
    "cycle_end",
    "issued_at",
    "price",
    "total",
    "paid_at",
    "payment_reference",
    "voided_at",
    "void_reason",
    "uncollectible_at",
)


def _text(value: str | None) -> str:
    """Client-given text, kept from being read as a formula by a spreadsheet (CSV injection)."""
    if not value:
        return ""
    return "'" + value if value[0] in "=+-@\t\r" else value


def _time(value: object) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else ""


def invoice_csv(rows: Iterable[InvoiceRow]) -> Iterator[str]:
    """The header, then a chunk per invoice (streamed: an export never holds every invoice at once)."""
    out = io.StringIO()
    writer = csv.writer(out)

    def flush(values: Iterable[object]) -> str:
        writer.writerow(values)
        chunk = out.getvalue()
        out.seek(0)
        out.truncate()
        return chunk

    yield flush(HEADER)
    for r in rows:
        yield flush(
            (
                r.number,
                r.id,
                r.status,
                _text(r.customer_id),
                _text(r.bill_to.legal_name),
                _text(r.bill_to.tax_id),
                r.currency,
                _time(r.cycle_start),
                _time(r.cycle_end),
                _time(r.issued_at),
                r.price,
                r.total,
                _time(r.paid_at),
                _text(r.payment_reference),
                _time(r.voided_at),
                _text(r.void_reason),
                _time(r.uncollectible_at),
            )
        )
