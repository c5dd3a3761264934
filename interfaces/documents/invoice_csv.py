"""Invoices as CSV for accounting: one row per invoice (or, asked, one per invoice line), by number, with the
customer's and the product's names, decimals exactly as stored."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from domain.rating import Line
from projections.invoices.queries import ExportRow

HEADER = (
    "number",
    "id",
    "status",
    "customer_id",
    "customer_name",
    "product",
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
# With lines: the invoice's columns, then the line's.
LINE_HEADER = (
    "meter_id",
    "meter_name",
    "value",
    "late",
    "late_for_invoice",
    "quantity",
    "free",
    "credits_used",
    "billable",
    "price_model",
    "unit_price",
    "amount",
)


def _text(value: str | None) -> str:
    """Client-given text, kept from being read as a formula by a spreadsheet (CSV injection)."""
    if not value:
        return ""
    return "'" + value if value[0] in "=+-@\t\r" else value


def _time(value: object) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else ""


def _line(line: Line) -> tuple[object, ...]:
    value = next(iter(line.group.values())) if line.group else None
    return (
        line.meter_id,
        _text(line.meter_name),
        _text(value),
        "true" if line.late else "false",
        line.late_for.invoice_id if line.late_for else "",
        line.quantity,
        line.free,
        line.credits_used,
        line.billable,
        line.model,
        line.unit_price if line.model == "per_unit" else "",
        line.amount,
    )


def invoice_csv(rows: Iterable[ExportRow], lines: bool = False) -> Iterator[str]:
    """The header, then a chunk per invoice (streamed: an export never holds every invoice at once)."""
    out = io.StringIO()
    writer = csv.writer(out)

    def flush(*values: Iterable[object]) -> str:
        writer.writerows(values)
        chunk = out.getvalue()
        out.seek(0)
        out.truncate()
        return chunk

    yield flush(HEADER + LINE_HEADER if lines else HEADER)
    for row in rows:
        r = row.invoice
        invoice = (
            r.number,
            r.id,
            r.status,
            _text(r.customer_id),
            _text(row.customer_name),
            _text(row.product_name),
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
        yield flush(*([invoice + _line(line) for line in r.lines] if lines else [invoice]))
