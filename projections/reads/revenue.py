"""Revenue as a finance person reads it, from the invoices read model (never raw events): what was billed per
month by status, and monthly recurring revenue per product (docs/revenue.md)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from psycopg import Cursor, sql

SECONDS_PER_MONTH = 2_629_746
"""An average Gregorian month (365.2425 days / 12): a cycle's total over its length in these is its MRR."""


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
            "sum(total * %s / greatest(extract(epoch FROM cycle_end - cycle_start), 1)) AS mrr "
            "FROM {}.invoices WHERE business_id = %s AND issued_at >= %s AND issued_at < %s AND status <> 'void' "
            "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
        ).format(sql.Identifier(schema)),
        (SECONDS_PER_MONTH, business, start, end),
    )
    return list(cur.fetchall())
