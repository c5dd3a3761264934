"""The `charges` projection: the product catalogue and, per subscription, its
open cycle with its product's prices denormalized. The upcoming invoice is
priced from it at query time, so a price change re-rates at once: every
charges row of the product is re-derived from the product row."""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from psycopg import Cursor, sql

from domain.cycles import cycle_until
from domain.product import Product
from domain.subscription import Subscription
from projections.engine.json_values import to_json
from projections.engine.projection import Page, Projection
from store.topics import events_of


class ChargesProjection(Projection):
    name = "charges"
    topics = events_of(Product, Subscription)
    tables: ClassVar[dict[str, str]] = {
        "products": """
            CREATE TABLE {products} (
                id uuid PRIMARY KEY,
                business_id uuid NOT NULL,
                name text NOT NULL,
                currency text NOT NULL,
                price numeric NOT NULL,
                billing_interval text NOT NULL,
                interval_count int NOT NULL,
                usage_prices jsonb NOT NULL,
                credit_entitlements jsonb NOT NULL,
                archived boolean NOT NULL,
                created_at timestamptz NOT NULL,
                position bigint NOT NULL
            );
            CREATE INDEX ON {products} (business_id, created_at);
        """,
        "charges": """
            CREATE TABLE {charges} (
                subscription_id uuid PRIMARY KEY,
                business_id uuid NOT NULL,
                customer_id text NOT NULL,
                product_id uuid NOT NULL,
                anchor timestamptz NOT NULL,
                billing_interval text NOT NULL,
                interval_count int NOT NULL,
                ends_at timestamptz,
                cycle_index int NOT NULL,
                cycle_start timestamptz,
                cycle_end timestamptz,
                late_after bigint NOT NULL,
                currency text NOT NULL,
                price numeric NOT NULL,
                usage_prices jsonb NOT NULL,
                position bigint NOT NULL
            );
            CREATE INDEX ON {charges} (business_id, customer_id);
            CREATE INDEX ON {charges} (product_id);
            CREATE INDEX ON {charges} (cycle_end);
        """,
    }
    keys: ClassVar[dict[str, tuple[str, ...]]] = {"products": ("id",), "charges": ("subscription_id",)}

    def apply(self, cur: Cursor[Any], page: Page) -> None:
        for position, e in page.events:
            if isinstance(e, Product.Created):
                cur.execute(
                    sql.SQL(
                        "INSERT INTO {} (id, business_id, name, currency, price, billing_interval, interval_count, "
                        "usage_prices, credit_entitlements, archived, created_at, position) "
                        "VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,false,%s,%s)"
                    ).format(self.t("products")),
                    (
                        e.originator_id,
                        e.business_id,
                        e.name,
                        e.currency,
                        e.price,
                        e.billing_interval,
                        e.interval_count,
                        to_json(e.usage_prices),
                        to_json(e.credit_entitlements or []),
                        e.timestamp,
                        position,
                    ),
                )
            elif isinstance(e, Product.UsagePriceSet):
                self._reprice(
                    cur,
                    e.originator_id,
                    "usage_prices || jsonb_build_object(%s::text, %s::jsonb)",
                    (e.terms["meter_id"], to_json(e.terms)),
                    position,
                )
            elif isinstance(e, Product.UsagePriceRemoved):
                self._reprice(cur, e.originator_id, "usage_prices - %s::text", (e.meter_id,), position)
            elif isinstance(e, Product.CreditEntitlementAttached):
                self._attachments(cur, e.originator_id, e.terms["credit_entitlement_id"], to_json([e.terms]), position)
            elif isinstance(e, Product.CreditEntitlementDetached):
                self._attachments(cur, e.originator_id, e.credit_entitlement_id, "[]", position)
            elif isinstance(e, Product.Archived):
                cur.execute(
                    sql.SQL("UPDATE {} SET archived = true, position = %s WHERE id = %s").format(self.t("products")),
                    (position, e.originator_id),
                )
            elif isinstance(e, Subscription.Started):
                cur.execute(
                    sql.SQL(
                        "INSERT INTO {c} (subscription_id, business_id, customer_id, product_id, anchor, billing_interval,"
                        " interval_count, cycle_index, late_after, currency, price, usage_prices, position) "
                        "SELECT %s, %s, %s, p.id, %s, %s, %s, 0, 0, p.currency, p.price, p.usage_prices, %s "
                        "FROM {p} p WHERE p.id = %s"
                    ).format(c=self.t("charges"), p=self.t("products")),
                    (
                        e.originator_id,
                        e.business_id,
                        e.customer_id,
                        e.anchor,
                        e.billing_interval,
                        e.interval_count,
                        position,
                        e.product_id,
                    ),
                )
                self._move_cycle(cur, e.originator_id, 0, position)
            elif isinstance(e, Subscription.CycleClosed):
                cur.execute(
                    sql.SQL("UPDATE {} SET late_after = %s WHERE subscription_id = %s").format(self.t("charges")),
                    (e.usage_position, e.originator_id),
                )
                self._move_cycle(cur, e.originator_id, e.index + 1, position)
            elif isinstance(e, Subscription.Cancelled):
                cur.execute(
                    sql.SQL("UPDATE {} SET ends_at = %s WHERE subscription_id = %s").format(self.t("charges")),
                    (e.ends_at, e.originator_id),
                )
                self._move_cycle(cur, e.originator_id, None, position)

    def _attachments(self, cur: Cursor[Any], product: uuid.UUID, entitlement: str, added: str, position: int) -> None:
        """Replaces the product's attachment of `entitlement` with `added` (a JSON list of 0 or 1)."""
        cur.execute(
            sql.SQL(
                "UPDATE {} SET credit_entitlements = coalesce((SELECT jsonb_agg(a) FROM jsonb_array_elements("
                "credit_entitlements) a WHERE a->>'credit_entitlement_id' <> %s), '[]'::jsonb) || %s::jsonb, "
                "position = %s WHERE id = %s"
            ).format(self.t("products")),
            (entitlement, added, position, product),
        )

    def _reprice(
        self, cur: Cursor[Any], product: uuid.UUID, change: str, params: tuple[Any, ...], position: int
    ) -> None:
        cur.execute(
            sql.SQL("UPDATE {} SET usage_prices = " + change + ", position = %s WHERE id = %s").format(
                self.t("products")
            ),
            (*params, position, product),
        )
        cur.execute(
            sql.SQL(
                "UPDATE {c} c SET usage_prices = p.usage_prices, position = %s FROM {p} p "
                "WHERE p.id = %s AND c.product_id = p.id"
            ).format(c=self.t("charges"), p=self.t("products")),
            (position, product),
        )

    def _move_cycle(self, cur: Cursor[Any], subscription: uuid.UUID, k: int | None, position: int) -> None:
        """Sets the open cycle to cycle k (None: the current one again); no cycle left ends the row's billing."""
        cur.execute(
            sql.SQL(
                "SELECT anchor, billing_interval, interval_count, ends_at, cycle_index FROM {} "
                "WHERE subscription_id = %s"
            ).format(self.t("charges")),
            (subscription,),
        )
        row = cur.fetchone()
        if row is None:
            return
        index = row["cycle_index"] if k is None else k
        c = cycle_until(row["anchor"], row["billing_interval"], row["interval_count"], index, row["ends_at"])
        cur.execute(
            sql.SQL(
                "UPDATE {} SET cycle_index = %s, cycle_start = %s, cycle_end = %s, position = %s "
                "WHERE subscription_id = %s"
            ).format(self.t("charges")),
            (index, c.start if c else None, c.end if c else None, position, subscription),
        )
