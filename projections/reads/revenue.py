"""Revenue as a finance person reads it, from the invoices read model (never raw events): what was billed per
month by status, and monthly recurring revenue per product (docs/revenue.md)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from psycopg import Cursor, sql

SECONDS_PER_MONTH = 2_629_746
"""An average Gregorian month (365.2425 days / 12), for what a cycle lasts beyond its whole calendar months."""

# A cycle's length in months: its whole calendar months (a month's cycle is 1 whatever the month's days), then
# the rest in average months (a week is about 0.23).
_MONTHS = (
    "(extract(year FROM span) * 12 + extract(month FROM span) + "
    "extract(epoch FROM (cycle_end AT TIME ZONE 'UTC') - (cycle_start AT TIME ZONE 'UTC') - "
    "date_trunc('month', span)) / %s)"
)


def billed_per_month(
    cur: Cursor[Any], schema: str, business: uuid.UUID, start: datetime, end: datetime
) -> list[dict[str, Any]]:
    """Per month an invoice was issued in [start, end) and currency: every invoice issued, those paid, those
    voided (each by its total), in one range scan of the (business, issued_at) index."""
    cur.execute(
        sql.SQL(
            "SELECT date_trunc('month', issued_at AT TIME ZONE 'UTC') AS month, currency, "
            "sum(total) AS issued, "
            "coalesce(sum(total) FILTER (WHERE status = 'paid'), 0) AS paid, "
            "coalesce(sum(total) FILTER (WHERE status = 'void'), 0) AS void "
            "FROM {}.invoices WHERE business_id = %s AND issued_at >= %s AND issued_at < %s "
            "GROUP BY 1, 2 ORDER BY 1, 2"
        ).format(sql.Identifier(schema)),
        (business, start, end),
    )
    return list(cur.fetchall())


def mrr_per_month(
    cur: Cursor[Any], schema: str, business: uuid.UUID, start: datetime, end: datetime
) -> list[dict[str, Any]]:
    """Per month, product and currency: the invoices issued that month (void ones left out), each total spread
    over its cycle's length in months, so a yearly plan adds a twelfth and a weekly one about four times."""
    cur.execute(
        sql.SQL(
            "SELECT date_trunc('month', issued_at AT TIME ZONE 'UTC') AS month, product_id, currency, "
            "sum(total / greatest(" + _MONTHS + ", 0.001)) AS mrr FROM (SELECT *, "
            "age(cycle_end AT TIME ZONE 'UTC', cycle_start AT TIME ZONE 'UTC') AS span FROM {}.invoices "
            "WHERE business_id = %s AND issued_at >= %s AND issued_at < %s AND status <> 'void') AS i "
            "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
        ).format(sql.Identifier(schema)),
        (SECONDS_PER_MONTH, business, start, end),
    )
    return list(cur.fetchall())
