"""An invoice as a PDF, laid out with fpdf2 (docs/invoices.md).

fpdf2's built-in Helvetica covers Latin-1 only; text outside it prints as "?".
Set TALLY_PDF_FONT to a Unicode TrueType font (e.g. DejaVuSans.ttf) to print
every name as sent."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from projections.customers.projection import AddressView
from projections.invoices.queries import InvoiceView

FONT_ENV = "TALLY_PDF_FONT"
# Column titles and widths (mm) of the line table; the page is A4, 190 mm between the margins.
COLUMNS = (
    ("Meter", 46),
    ("Quantity", 22),
    ("Free", 18),
    ("Credits", 20),
    ("Billable", 22),
    ("Unit price", 30),
    ("Amount", 32),
)


@dataclass(frozen=True)
class Parties:
    business: str
    customer: str


def _date(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else "-"


class _Document(FPDF):
    def __init__(self) -> None:
        super().__init__(format="A4")
        font = os.environ.get(FONT_ENV)
        if font:
            self.add_font("body", "", font)
            self.add_font("body", "B", font)
            self.body_font, self.unicode_font = "body", True
        else:
            self.body_font, self.unicode_font = "helvetica", False
        self.set_auto_page_break(True, margin=15)
        self.add_page()

    def text_of(self, value: str) -> str:
        return value if self.unicode_font else value.encode("latin-1", "replace").decode("latin-1")

    def write_line(self, value: str, size: float = 10, bold: bool = False, height: float = 5) -> None:
        self.set_font(self.body_font, "B" if bold else "", size)
        self.cell(0, height, self.text_of(value), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def row(self, values: list[str], bold: bool = False) -> None:
        self.set_font(self.body_font, "B" if bold else "", 9)
        for (title, width), value in zip(COLUMNS, values, strict=True):
            self.cell(width, 6, self.text_of(value), border="B", align="L" if title == "Meter" else "R")
        self.ln()


def invoice_pdf(invoice: InvoiceView, parties: Parties) -> bytes:
    pdf = _Document()
    title = f"Invoice {invoice.number}" if invoice.number else "Draft invoice (not issued)"
    pdf.write_line(title, size=18, bold=True, height=10)
    pdf.write_line(f"Status: {invoice.status}", bold=True)
    pdf.ln(3)
    pdf.write_line("From", bold=True)
    pdf.write_line(parties.business)
    pdf.ln(3)
    pdf.write_line("Bill to", bold=True)
    details = invoice.bill_to
    pdf.write_line(details.legal_name if details and details.legal_name else parties.customer)
    if details:
        for line in [*address_lines(details.address)] + [
            f"Tax id: {details.tax_id}" if details.tax_id else "",
            details.email or "",
        ]:
            if line:
                pdf.write_line(line)
    pdf.write_line(f"Customer id: {invoice.customer_id}")
    pdf.ln(3)
    pdf.write_line(f"Period: {_date(invoice.cycle_start)} to {_date(invoice.cycle_end)}")
    pdf.write_line(f"Issued: {_date(invoice.issued_at)}")
    for label, when in (
        ("Paid", invoice.paid_at),
        ("Voided", invoice.voided_at),
        ("Marked uncollectible", invoice.uncollectible_at),
    ):
        if when:
            pdf.write_line(f"{label}: {_date(when)}")
    if invoice.payment_reference:
        pdf.write_line(f"Payment reference: {invoice.payment_reference}")
    if invoice.void_reason:
        pdf.write_line(f"Void reason: {invoice.void_reason}")
    pdf.ln(5)
    pdf.row([title for title, _ in COLUMNS], bold=True)
    for item in invoice.lines:
        name = item.meter_name + (" (late)" if item.late else "")
        pdf.row([name, item.quantity, item.free, item.credits_used, item.billable, item.unit_price, item.amount])
    pdf.ln(3)
    pdf.write_line(f"Fixed price: {invoice.price} {invoice.currency}")
    pdf.write_line(f"Total: {invoice.total} {invoice.currency}", size=12, bold=True, height=7)
    return bytes(pdf.output())


def address_lines(address: AddressView | None) -> list[str]:
    """Street first, country last, as a letter is addressed."""
    if address is None:
        return []
    place = " ".join(p for p in (address.zipcode, address.city) if p)
    return [p for p in (address.street, place, address.state, address.country) if p]
