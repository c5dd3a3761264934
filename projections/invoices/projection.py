"""The `invoices` projection: issued invoices with their lines, number, the
customer details they were issued to, and their payment state."""

from __future__ import annotations

from typing import Any, ClassVar

from psycopg import Cursor, sql

from domain.invoice import ISSUED, PAID, UNCOLLECTIBLE, VOID, Invoice
from projections.engine.json_values import to_json
from projections.engine.projection import Page, Projection
from store.topics import events_of


class InvoicesProjection(Projection):
    name = "invoices"
    version = 1
    topics = events_of(Invoice)
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
                number text NOT NULL,
                bill_to jsonb,
                paid_at timestamptz,
                payment_reference text,
                voided_at timestamptz,
                void_reason text,
                uncollectible_at timestamptz,
                wallet_applied numeric NOT NULL DEFAULT 0,
                position bigint NOT NULL
            );
            CREATE INDEX ON {invoices} (business_id, customer_id, position);
            CREATE INDEX ON {invoices} (business_id, position);
            CREATE INDEX ON {invoices} (business_id, issued_at);
        """,
    }
    keys: ClassVar[dict[str, tuple[str, ...]]] = {"invoices": ("id",)}
    # A store made before the invoice lifecycle gains these; its earlier invoices have no number.
    added_columns: ClassVar[dict[str, tuple[str, ...]]] = {
        "invoices": (
            "number text",
            "bill_to jsonb",
            "paid_at timestamptz",
            "payment_reference text",
            "voided_at timestamptz",
            "void_reason text",
            "uncollectible_at timestamptz",
            "wallet_applied numeric NOT NULL DEFAULT 0",
            "billing_reason text NOT NULL DEFAULT 'cycle'",
        ),
    }

    def apply(self, cur: Cursor[Any], page: Page) -> None:
        issued = [
            (
                e.originator_id,
                e.business_id,
                e.customer_id,
                e.subscription_id,
                e.product_id,
                e.currency,
                e.cycle_start,
                e.cycle_end,
                e.price,
                e.total,
                to_json(e.lines),
                ISSUED,
                e.issued_at,
                e.number,
                to_json(e.bill_to) if e.bill_to else None,
                e.billing_reason,
                position,
            )
            for position, e in page.events
            if isinstance(e, Invoice.Issued)
        ]
        if issued:
            cur.executemany(
                sql.SQL(
                    "INSERT INTO {} (id, business_id, customer_id, subscription_id, product_id, currency, cycle_start, "
                    "cycle_end, price, total, lines, status, issued_at, number, bill_to, billing_reason, position) "
                    "VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)"
                ).format(self.t("invoices")),
                issued,
            )
        # Every transition follows its invoice's issue in the log, so the inserts above may go first.
        for _, e in page.events:
            match e:
                case Invoice.Paid():
                    self._set(cur, e.originator_id, PAID, paid_at=e.paid_at, payment_reference=e.reference)
                case Invoice.Voided():
                    self._set(cur, e.originator_id, VOID, voided_at=e.voided_at, void_reason=e.reason)
                case Invoice.MarkedUncollectible():
                    self._set(cur, e.originator_id, UNCOLLECTIBLE, uncollectible_at=e.marked_at)
                case Invoice.WalletApplied():
                    cur.execute(
                        sql.SQL("UPDATE {} SET wallet_applied = wallet_applied + %s WHERE id = %s").format(
                            self.t("invoices")
                        ),
                        (e.amount, e.originator_id),
                    )

    def _set(self, cur: Cursor[Any], invoice: Any, status: str, **columns: Any) -> None:
        assignments = sql.SQL(", ").join(sql.SQL("{} = %s").format(sql.Identifier(c)) for c in ["status", *columns])
        cur.execute(
            sql.SQL("UPDATE {} SET {} WHERE id = %s").format(self.t("invoices"), assignments),
            (status, *columns.values(), invoice),
        )
