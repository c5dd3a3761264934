"""Revenue: what was billed per month (issued, paid, void) and MRR per product over a range of months, as charts
and CSV, read from the invoices read model (projections/reads/revenue.py, docs/revenue.md)."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from litestar import get
from litestar.response import Stream, Template

from domain.errors import Fault, Invalid
from domain.money import round_money
from interfaces.resources.catalog.products import products_of
from projections.reads.queries import Queries

MONTHS_SHOWN = 12
MAX_MONTHS = 120
ALL = 1000


def _month(value: str, field: str) -> datetime | None:
    """An <input type="month"> value (2026-03) as the month's first instant, UTC; blank is None."""
    if not value.strip():
        return None
    try:
        return datetime.strptime(value.strip()[:7], "%Y-%m").replace(tzinfo=UTC)
    except ValueError:
        raise Invalid(
            f"{field} is not a month", "invalid_month", [Fault(field, "must be a month such as 2026-03")]
        ) from None


def _add_months(month: datetime, n: int) -> datetime:
    index = month.year * 12 + month.month - 1 + n
    return month.replace(year=index // 12, month=index % 12 + 1)


@dataclass(frozen=True)
class Range:
    start: datetime
    end: datetime  # exclusive: the first instant after the last month

    @property
    def form(self) -> dict[str, str]:
        """The range as the month inputs show it (through the last month, inclusive)."""
        return {"start": self.start.strftime("%Y-%m"), "end": _add_months(self.end, -1).strftime("%Y-%m")}

    @property
    def months(self) -> list[str]:
        found, at = [], self.start
        while at < self.end:
            found.append(at.strftime("%Y-%m"))
            at = _add_months(at, 1)
        return found


def month_range(start: str, end: str) -> Range:
    """From `start`'s month through `end`'s; by default the last MONTHS_SHOWN months up to this one."""
    this = datetime.now(UTC).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    last = _month(end, "end") or this
    first = _month(start, "start") or _add_months(last, 1 - MONTHS_SHOWN)
    if first > last:
        raise Invalid("the range ends before it starts", "invalid_range", [Fault("start", "must not be after end")])
    if (last.year - first.year) * 12 + last.month - first.month >= MAX_MONTHS:
        raise Invalid("the range is too long", "invalid_range", [Fault("start", f"at most {MAX_MONTHS} months")])
    return Range(first, _add_months(last, 1))


def revenue_report(queries: Queries, business: uuid.UUID, span: Range) -> dict[str, Any]:
    billed_rows, mrr_rows = queries.revenue(business, span.start, span.end)
    names = {p.id: p.name for p in products_of(queries, business, 0, ALL).items}
    billed: dict[str, dict[str, dict[str, str]]] = {}
    for r in billed_rows:
        month = r["month"].strftime("%Y-%m")
        billed.setdefault(r["currency"], {})[month] = {k: str(r[k]) for k in ("issued", "paid", "void")}
    mrr: dict[str, dict[str, Any]] = {}
    for r in mrr_rows:
        key = f"{r['product_id']} {r['currency']}"
        row = mrr.setdefault(
            key,
            {"product": names.get(str(r["product_id"]), str(r["product_id"])), "currency": r["currency"], "months": {}},
        )
        row["months"][r["month"].strftime("%Y-%m")] = str(round_money(Decimal(r["mrr"]), r["currency"]))
    return {"months": span.months, "billed": billed, "mrr": list(mrr.values())}


@get("/revenue", sync_to_thread=True)
def revenue_page(queries: Queries, business: uuid.UUID, start: str = "", end: str = "") -> Template:
    """Billed per month and MRR per product over the months chosen (the last 12 by default)."""
    span = month_range(start, end)
    return Template("revenue.html", context={"report": revenue_report(queries, business, span), "period": span.form})


def _csv(rows: Iterator[list[str]], name: str) -> Stream:
    def lines() -> Iterator[str]:
        out = io.StringIO()
        writer = csv.writer(out)
        for row in rows:
            writer.writerow(row)
            yield out.getvalue()
            out.seek(0)
            out.truncate()

    return Stream(lines(), media_type="text/csv", headers={"Content-Disposition": f'attachment; filename="{name}"'})


@get("/revenue.csv", sync_to_thread=True, media_type="text/csv")
def revenue_csv(queries: Queries, business: uuid.UUID, start: str = "", end: str = "") -> Stream:
    """Billed per month and currency: month, currency, issued, paid, void (every month of the range)."""
    report = revenue_report(queries, business, month_range(start, end))

    def rows() -> Iterator[list[str]]:
        yield ["month", "currency", "issued", "paid", "void"]
        for currency, months in sorted(report["billed"].items()):
            for month in report["months"]:
                got = months.get(month, {})
                yield [month, currency, *(got.get(k, "0") for k in ("issued", "paid", "void"))]

    return _csv(rows(), "revenue.csv")


@get("/mrr.csv", sync_to_thread=True, media_type="text/csv")
def mrr_csv(queries: Queries, business: uuid.UUID, start: str = "", end: str = "") -> Stream:
    """MRR per month and product: month, product, currency, mrr."""
    report = revenue_report(queries, business, month_range(start, end))

    def rows() -> Iterator[list[str]]:
        yield ["month", "product", "currency", "mrr"]
        for row in report["mrr"]:
            for month in report["months"]:
                yield [month, row["product"], row["currency"], row["months"].get(month, "0")]

    return _csv(rows(), "mrr.csv")


HANDLERS = [revenue_page, revenue_csv, mrr_csv]
