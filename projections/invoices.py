"""The `invoices` projection: issued invoices with their lines, for lists and lookups."""
from __future__ import annotations

from typing import Any, ClassVar

from psycopg import Cursor, sql

from domain.invoice import Invoice
from projections.json_values import to_json
from projections.projection import Page, Projection

ISSUED = "issued"


class InvoicesProjection(Projection):
    name = "invoices"
    topics = ("domain.invoice:",)
    tables: ClassVar[dict[str, str]] = {
        "invoices": """
            CREATE TABLE {invoices} (
                id uuid PRIMARY KEY,
                business_id uuid NOT NULL,
                customer_id text NOT NULL,
                subscription_id uuid NOT NULL,
                product_id uuid NOT NULL,
                currency text NOT NULL,
                cycle_start timestamptz NOT NULL,
                cycle_end timestamptz NOT NULL,
                price numeric NOT NULL,
                total numeric NOT NULL,
                lines jsonb NOT NULL,
                status text NOT NULL,
                issued_at timestamptz NOT NULL,
                position bigint NOT NULL
            );
            CREATE INDEX ON {invoices} (business_id, customer_id, position);
            CREATE INDEX ON {invoices} (business_id, position);
        """,
    }
    keys: ClassVar[dict[str, tuple[str, ...]]] = {"invoices": ("id",)}

    def apply(self, cur: Cursor[Any], page: Page) -> None:
        rows = [
            (e.originator_id, e.business_id, e.customer_id, e.subscription_id, e.product_id, e.currency,
             e.cycle_start, e.cycle_end, e.price, e.total, to_json(e.lines), ISSUED, e.issued_at, position)
            for position, e in page.events if isinstance(e, Invoice.Issued)
        ]
        if rows:
            cur.executemany(sql.SQL(
                "INSERT INTO {} (id, business_id, customer_id, subscription_id, product_id, currency, cycle_start, "
                "cycle_end, price, total, lines, status, issued_at, position) "
                "VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)").format(self.t("invoices")), rows)
