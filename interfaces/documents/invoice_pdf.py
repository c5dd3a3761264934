"""An invoice as a PDF, laid out with fpdf2 (docs/invoices.md).

Names print as sent, in any script: the body font is a Unicode TrueType font
(TALLY_PDF_FONT, else Debian's DejaVu Sans), with a fallback for the glyphs it
lacks (TALLY_PDF_FALLBACK_FONT, else Debian's Droid Sans Fallback, which covers
Chinese, Japanese and Korean). Without any, fpdf2's Helvetica prints Latin-1 and
"?" for the rest. The document's metadata (XMP, UTF-8) names the invoice, the
business, the customer and the product, for search and archives."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from projections.customers.projection import AddressView, BillingDetailsView
from projections.invoices.queries import InvoiceView

FONT_ENV = "TALLY_PDF_FONT"
FALLBACK_ENV = "TALLY_PDF_FALLBACK_FONT"
FONTS = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",)
BOLD_FONTS = ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",)
FALLBACK_FONTS = (
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
)
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
    """Who the invoice is from and to, and what it is for, by name."""

    business: str
    customer: str  # the customer's name, else its id
    email: str = ""
    product: str = ""
    business_lines: tuple[str, ...] = ()  # under the business's name: its billing details (business_lines())


def _found(env: str, paths: tuple[str, ...]) -> str | None:
    chosen = os.environ.get(env)
    if chosen:
        return chosen
    return next((p for p in paths if os.path.exists(p)), None)


def _date(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else "-"


class _Document(FPDF):
    def __init__(self) -> None:
        super().__init__(format="A4")
        font = _found(FONT_ENV, FONTS)
        if font:
            self.add_font("body", "", font)
            self.add_font("body", "B", _found(FONT_ENV, BOLD_FONTS) or font)
            self.body_font, self.unicode_font = "body", True
            fallback = _found(FALLBACK_ENV, FALLBACK_FONTS)
            if fallback:
                self.add_font("fallback", "", fallback)
                self.set_fallback_fonts(["fallback"], exact_match=False)
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


def invoice_pdf(invoice: InvoiceView, parties: Parties, work: list[str] | None = None) -> bytes:
    """The document; `work` is each line's price work (tiers broken down), "" where there is none."""
    pdf = _Document()
    title = f"Invoice {invoice.number}" if invoice.number else "Draft invoice (not issued)"
    details = invoice.bill_to
    billed = details.legal_name if details and details.legal_name else parties.customer
    _describe(pdf, title, parties, billed)
    pdf.write_line(title, size=18, bold=True, height=10)
    pdf.write_line(f"Status: {invoice.status}", bold=True)
    if parties.product:
        pdf.write_line(f"Product: {parties.product}")
    pdf.ln(3)
    pdf.write_line("From", bold=True)
    for line in (parties.business, *parties.business_lines):
        pdf.write_line(line)
    pdf.ln(3)
    pdf.write_line("Bill to", bold=True)
    pdf.write_line(billed)
    if billed != parties.customer:
        pdf.write_line(parties.customer)
    email = details.email if details and details.email else parties.email
    for line in [
        *address_lines(details.address if details else None),
        f"Tax id: {details.tax_id}" if details and details.tax_id else "",
        email,
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
    for item, priced in zip(invoice.lines, work or [""] * len(invoice.lines), strict=True):
        name = item.meter_name + "".join(f" [{v}]" for v in (item.group or {}).values())
        if item.late_for:
            name += f" (late, {item.late_for.start:%Y-%m-%d} to {item.late_for.end:%Y-%m-%d})"
        elif item.late:
            name += " (late)"
        price = item.unit_price if item.model == "per_unit" else item.model
        pdf.row([name, item.quantity, item.free, item.credits_used, item.billable, price, item.amount])
        if priced:
            pdf.write_line(f"    {item.model}: {priced}", size=8)
        if item.late_for:
            pdf.write_line(
                f"    that cycle now costs {item.late_for.rerated}, {item.late_for.billed} was billed: "
                f"{item.amount} {invoice.currency}",
                size=8,
            )
    pdf.ln(3)
    pdf.write_line(f"Fixed price: {invoice.price} {invoice.currency}")
    pdf.write_line(f"Total: {invoice.total} {invoice.currency}", size=12, bold=True, height=7)
    return bytes(pdf.output())


def _describe(pdf: FPDF, title: str, parties: Parties, billed: str) -> None:
    """The document's metadata: what it is, from whom, to whom, for what."""
    about = f"{title} from {parties.business} to {billed}" + (f" for {parties.product}" if parties.product else "")
    pdf.set_title(title)
    pdf.set_author(parties.business)
    pdf.set_subject(about)
    pdf.set_creator("tally")
    pdf.set_xmp_metadata(
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title>'
        f"<dc:creator><rdf:Seq><rdf:li>{escape(parties.business)}</rdf:li></rdf:Seq></dc:creator>"
        f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(about)}</rdf:li></rdf:Alt></dc:description>'
        "</rdf:Description></rdf:RDF>"
    )


def business_lines(details: BillingDetailsView) -> tuple[str, ...]:
    """What the business set of its billing details (PATCH /business), as the lines under its name."""
    return tuple(
        line
        for line in (
            details.legal_name or "",
            *address_lines(details.address),
            f"Tax id: {details.tax_id}" if details.tax_id else "",
            details.email or "",
        )
        if line
    )


def address_lines(address: AddressView | None) -> list[str]:
    """Street first, country last, as a letter is addressed."""
    if address is None:
        return []
    place = " ".join(p for p in (address.zipcode, address.city) if p)
    return [p for p in (address.street, place, address.state, address.country) if p]
