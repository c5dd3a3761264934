"""The `charges` projection: the product catalogue and, per subscription, its
open cycle with its product's prices denormalized. The upcoming invoice is
priced from it at query time, so a price change re-rates at once: every
charges row of the product is re-derived from the product row.

Each row holds the subscription's timeline (domain/timeline.py) as its terms and the open cycle's plan
segments from where it is still unbilled (`billed_from`), computed with the same functions as the aggregate;
a segment's prices are read from `products` at query time (its add-ons' from the add-ons themselves: the
application reads them as stored). Rows written before the timeline have none and read as one epoch, one plan.
The `addons` table lists the catalogue's add-ons (Dodo's `GET /addons`)."""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from psycopg import Cursor, sql

from domain.addon import Addon
from domain.product import Product
from domain.proration import Change, Plan, addons_from_terms
from domain.subscription import Subscription
from domain.timeline import Epoch, Timeline
from projections.engine.json_values import to_json
from projections.engine.projection import Page, Projection
from store.topics import events_of


class ChargesProjection(Projection):
    name = "charges"
    version = 1
    topics = events_of(Product, Subscription, Addon)
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
        "addons": """
            CREATE TABLE {addons} (
                id uuid PRIMARY KEY,
                business_id uuid NOT NULL,
                created_at timestamptz NOT NULL,
                position bigint NOT NULL
            );
            CREATE INDEX ON {addons} (business_id, created_at);
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
    keys: ClassVar[dict[str, tuple[str, ...]]] = {
        "products": ("id",),
        "addons": ("id",),
        "charges": ("subscription_id",),
    }
    added_columns: ClassVar[dict[str, tuple[str, ...]]] = {
        "charges": ("timeline jsonb", "billed_from timestamptz", "segments jsonb"),
        # NULL on products stored before threshold invoices: they have none.
        "products": ("usage_thresholds jsonb",),
    }

    def apply(self, cur: Cursor[Any], page: Page) -> None:
        for position, e in page.events:
            if isinstance(e, Product.Created):
                cur.execute(
                    sql.SQL(
                        "INSERT INTO {} (id, business_id, name, currency, price, billing_interval, interval_count, "
                        "usage_prices, credit_entitlements, usage_thresholds, archived, created_at, position) "
                        "VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,false,%s,%s)"
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
                        to_json(e.usage_thresholds) if e.usage_thresholds else None,
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
            elif isinstance(e, Product.PriceVersionAdded):
                # The latest version is what new subscriptions (and the catalogue) show; subscriptions on an
                # earlier version are priced from the product itself (application/upcoming.py).
                cur.execute(
                    sql.SQL(
                        "UPDATE {} SET usage_prices = usage_prices || jsonb_build_object(%s::text, %s::jsonb), "
                        "position = %s WHERE id = %s"
                    ).format(self.t("products")),
                    (e.terms["meter_id"], to_json(e.terms), position, e.originator_id),
                )
            elif isinstance(e, Product.UsagePriceRemoved):
                self._reprice(cur, e.originator_id, "usage_prices - %s::text", (e.meter_id,), position)
            elif isinstance(e, Product.CreditEntitlementAttached):
                self._attachments(cur, e.originator_id, e.terms["credit_entitlement_id"], to_json([e.terms]), position)
            elif isinstance(e, Product.CreditEntitlementDetached):
                self._attachments(cur, e.originator_id, e.credit_entitlement_id, "[]", position)
            elif isinstance(e, Product.UsageThresholdsSet):
                cur.execute(
                    sql.SQL("UPDATE {} SET usage_thresholds = %s, position = %s WHERE id = %s").format(
                        self.t("products")
                    ),
                    (to_json(e.thresholds) if e.thresholds else None, position, e.originator_id),
                )
            elif isinstance(e, Product.Archived):
                cur.execute(
                    sql.SQL("UPDATE {} SET archived = true, position = %s WHERE id = %s").format(self.t("products")),
                    (position, e.originator_id),
                )
            elif isinstance(e, Addon.Created):
                cur.execute(
                    sql.SQL("INSERT INTO {} (id, business_id, created_at, position) VALUES (%s,%s,%s,%s)").format(
                        self.t("addons")
                    ),
                    (e.originator_id, e.business_id, e.timestamp, position),
                )
            elif isinstance(e, Addon.Updated):
                cur.execute(
                    sql.SQL("UPDATE {} SET position = %s WHERE id = %s").format(self.t("addons")),
                    (position, e.originator_id),
                )
            elif isinstance(e, Subscription.Started):
                plan = Plan(e.product_id, e.quantity, addons_from_terms(e.addons))
                timeline = Timeline.started(e.anchor, plan, e.billing_interval, e.interval_count, e.trial_period_days)
                cur.execute(
                    sql.SQL(
                        "INSERT INTO {c} (subscription_id, business_id, customer_id, product_id, anchor, billing_interval,"
                        " interval_count, cycle_index, late_after, currency, price, usage_prices, position, timeline) "
                        "SELECT %s, %s, %s, p.id, %s, %s, %s, 0, 0, p.currency, p.price, p.usage_prices, %s, %s "
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
                        to_json(timeline.terms()),
                        e.product_id,
                    ),
                )
                self._move_cycle(cur, e.originator_id, 0, position)
            elif isinstance(e, Subscription.CycleClosed):
                cur.execute(
                    sql.SQL("UPDATE {} SET late_after = %s, billed_from = NULL WHERE subscription_id = %s").format(
                        self.t("charges")
                    ),
                    (e.usage_position, e.originator_id),
                )
                self._move_cycle(cur, e.originator_id, e.index + 1, position)
            elif isinstance(e, Subscription.PartBilled):
                cur.execute(
                    sql.SQL("UPDATE {} SET late_after = %s, billed_from = %s WHERE subscription_id = %s").format(
                        self.t("charges")
                    ),
                    (e.usage_position, e.end, e.originator_id),
                )
                self._move_cycle(cur, e.originator_id, None, position)
            elif isinstance(e, Subscription.PlanChanged):
                self._plan_changed(cur, e, position)
            elif isinstance(e, Subscription.NextBillingDateMoved):
                self._billing_date_moved(cur, e, position)
            elif isinstance(e, (Subscription.Cancelled, Subscription.CancellationScheduled)):
                self._end(cur, e.originator_id, e.ends_at, position)
            elif isinstance(e, Subscription.CancellationWithdrawn):
                self._end(cur, e.originator_id, None, position)

    def _end(self, cur: Cursor[Any], subscription: uuid.UUID, ends_at: Any, position: int) -> None:
        cur.execute(
            sql.SQL("UPDATE {} SET ends_at = %s WHERE subscription_id = %s").format(self.t("charges")),
            (ends_at, subscription),
        )
        self._move_cycle(cur, subscription, None, position)

    def _plan_changed(self, cur: Cursor[Any], e: Subscription.PlanChanged, position: int) -> None:
        """The row moves to the new product's terms; its timeline gains the change (and the epoch)."""
        row = self._row(cur, e.originator_id)
        if row is None:
            return
        change = Change(
            e.effective_at, Plan(e.product_id, e.quantity, addons_from_terms(e.addons)), e.proration_billing_mode
        )
        epoch = (
            Epoch(e.cycles_from, e.cycles_anchor, e.billing_interval, e.interval_count)
            if e.cycles_from is not None and e.cycles_anchor is not None
            else None
        )
        timeline = _timeline(row).changed(change, epoch)
        cur.execute(
            sql.SQL(
                "UPDATE {c} c SET product_id = p.id, currency = p.currency, price = p.price, "
                "usage_prices = p.usage_prices, billing_interval = %s, interval_count = %s, timeline = %s "
                "FROM {p} p WHERE p.id = %s AND c.subscription_id = %s"
            ).format(c=self.t("charges"), p=self.t("products")),
            (e.billing_interval, e.interval_count, to_json(timeline.terms()), e.product_id, e.originator_id),
        )
        self._move_cycle(cur, e.originator_id, None, position)

    def _billing_date_moved(self, cur: Cursor[Any], e: Subscription.NextBillingDateMoved, position: int) -> None:
        row = self._row(cur, e.originator_id)
        if row is None:
            return
        timeline = _timeline(row).moved(e.index, e.next_billing_date, e.billing_interval, e.interval_count)
        cur.execute(
            sql.SQL("UPDATE {} SET timeline = %s WHERE subscription_id = %s").format(self.t("charges")),
            (to_json(timeline.terms()), e.originator_id),
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

    def _row(self, cur: Cursor[Any], subscription: uuid.UUID) -> dict[str, Any] | None:
        cur.execute(
            sql.SQL(
                "SELECT anchor, product_id, billing_interval, interval_count, ends_at, cycle_index, timeline, "
                "billed_from FROM {} WHERE subscription_id = %s"
            ).format(self.t("charges")),
            (subscription,),
        )
        row: dict[str, Any] | None = cur.fetchone()
        return row

    def _move_cycle(self, cur: Cursor[Any], subscription: uuid.UUID, k: int | None, position: int) -> None:
        """Sets the open cycle to cycle k (None: the current one again) and its segments from where it is
        unbilled; no cycle left ends the row's billing."""
        row = self._row(cur, subscription)
        if row is None:
            return
        index = row["cycle_index"] if k is None else k
        timeline = _timeline(row)
        c = timeline.cycle(index)
        parts = timeline.segments(c, row["billed_from"]) if c else []
        cur.execute(
            sql.SQL(
                "UPDATE {} SET cycle_index = %s, cycle_start = %s, cycle_end = %s, segments = %s, position = %s "
                "WHERE subscription_id = %s"
            ).format(self.t("charges")),
            (
                index,
                c.start if c else None,
                c.end if c else None,
                to_json([p.terms() for p in parts]),
                position,
                subscription,
            ),
        )


def _timeline(row: dict[str, Any]) -> Timeline:
    """The row's timeline; a row written before timelines is one epoch on one plan."""
    if row["timeline"] is not None:
        return Timeline.from_terms(row["timeline"], row["ends_at"])
    return Timeline.started(
        row["anchor"], Plan(row["product_id"]), row["billing_interval"], row["interval_count"]
    ).ending(row["ends_at"])
