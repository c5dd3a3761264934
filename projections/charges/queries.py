"""Reading the `charges` projection: open cycles and the product catalogue."""

from __future__ import annotations

import uuid
from datetime import datetime
from fractions import Fraction
from typing import Any

from psycopg import Cursor, sql

from domain.credit_rules import Attachment
from domain.proration import Plan, Segment
from domain.rating import UsagePrice
from store.rows import one


def open_charges(cur: Cursor[Any], schema: str, business: uuid.UUID, customer_id: str) -> list[dict[str, Any]]:
    """The customer's subscriptions that still have a cycle to bill, oldest first; prices restored, and each
    segment of the open cycle with its product's terms ("segments": [(Segment, price, currency, prices)])."""
    cur.execute(
        sql.SQL(
            "SELECT * FROM {}.charges WHERE business_id = %s AND customer_id = %s "
            "AND cycle_start IS NOT NULL ORDER BY anchor, subscription_id"
        ).format(sql.Identifier(schema)),
        (business, customer_id),
    )
    rows = [{**r, "usage_prices": _prices(r["usage_prices"])} for r in cur.fetchall()]
    segments = {r["subscription_id"]: _segments(r) for r in rows}
    wanted = list({s.plan.product_id for parts in segments.values() for s in parts})
    cur.execute(
        sql.SQL("SELECT id, currency, price, usage_prices FROM {}.products WHERE id = ANY(%s)").format(
            sql.Identifier(schema)
        ),
        (wanted,),
    )
    products = {r["id"]: (r["price"], r["currency"], _prices(r["usage_prices"])) for r in cur.fetchall()}
    return [
        {**r, "segments": [(s, *products[s.plan.product_id]) for s in segments[r["subscription_id"]]]} for r in rows
    ]


def _segments(row: dict[str, Any]) -> list[Segment]:
    """The open cycle's unbilled segments; a row written before segments is one whole segment."""
    if row["segments"] is not None:
        return [Segment.from_terms(t) for t in row["segments"]]
    return [Segment(row["cycle_start"], row["cycle_end"], Plan(row["product_id"]), Fraction(1))]


def _prices(stored: dict[str, Any]) -> dict[str, UsagePrice]:
    return {meter: UsagePrice.from_terms(terms) for meter, terms in stored.items()}


def due_subscriptions(
    cur: Cursor[Any], schema: str, ended_by: datetime, limit: int, after: uuid.UUID | None = None
) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """(business, subscription) of open cycles that ended by `ended_by`, in id order from `after`."""
    cur.execute(
        sql.SQL(
            "SELECT business_id, subscription_id FROM {}.charges WHERE cycle_end <= %s "
            "AND subscription_id > %s ORDER BY subscription_id LIMIT %s"
        ).format(sql.Identifier(schema)),
        (ended_by, after or uuid.UUID(int=0), limit),
    )
    return [(r["business_id"], r["subscription_id"]) for r in cur.fetchall()]


def ended_cycles(
    cur: Cursor[Any], schema: str, business: uuid.UUID, ended_by: datetime, customer_id: str | None
) -> list[dict[str, Any]]:
    """The open cycles of the business (or of one customer) that ended by `ended_by`, latest end first; each
    starts where it is unbilled (after the part a plan change billed)."""
    customer = sql.SQL("AND customer_id = %s") if customer_id is not None else sql.SQL("")
    cur.execute(
        sql.SQL(
            "SELECT customer_id, subscription_id, cycle_index, coalesce(billed_from, cycle_start) AS cycle_start, "
            "cycle_end FROM {}.charges "
            "WHERE business_id = %s AND cycle_end <= %s {} ORDER BY cycle_end DESC, subscription_id"
        ).format(sql.Identifier(schema), customer),
        (business, ended_by, *([customer_id] if customer_id is not None else [])),
    )
    return list(cur.fetchall())


def due_count(cur: Cursor[Any], schema: str, ended_by: datetime) -> int:
    cur.execute(
        sql.SQL("SELECT count(*) AS n FROM {}.charges WHERE cycle_end <= %s").format(sql.Identifier(schema)),
        (ended_by,),
    )
    return int(one(cur)["n"])


def subscribers(cur: Cursor[Any], schema: str, business: uuid.UUID, product_id: uuid.UUID, limit: int) -> list[str]:
    """External ids of the customers with an open cycle on the product, oldest subscription first."""
    cur.execute(
        sql.SQL(
            "SELECT customer_id, min(anchor) AS since FROM {}.charges WHERE business_id = %s "
            "AND product_id = %s AND cycle_start IS NOT NULL GROUP BY customer_id ORDER BY since "
            "LIMIT %s"
        ).format(sql.Identifier(schema)),
        (business, product_id, limit),
    )
    return [r["customer_id"] for r in cur.fetchall()]


def list_products(
    cur: Cursor[Any], schema: str, business: uuid.UUID, page_number: int, page_size: int
) -> list[dict[str, Any]]:
    cur.execute(
        sql.SQL(
            "SELECT * FROM {}.products WHERE business_id = %s ORDER BY created_at DESC, position DESC "
            "LIMIT %s OFFSET %s"
        ).format(sql.Identifier(schema)),
        (business, page_size + 1, page_number * page_size),
    )
    return [
        {
            **r,
            "usage_prices": _prices(r["usage_prices"]),
            "credit_entitlements": [Attachment.from_terms(a) for a in r["credit_entitlements"]],
        }
        for r in cur.fetchall()
    ]


def addon_ids(cur: Cursor[Any], schema: str, business: uuid.UUID, page_number: int, page_size: int) -> list[uuid.UUID]:
    """The business's add-ons, newest first, one more than `page_size` when a next page exists."""
    cur.execute(
        sql.SQL(
            "SELECT id FROM {}.addons WHERE business_id = %s ORDER BY created_at DESC, position DESC LIMIT %s OFFSET %s"
        ).format(sql.Identifier(schema)),
        (business, page_size + 1, page_number * page_size),
    )
    return [r["id"] for r in cur.fetchall()]


def subscription_ids(
    cur: Cursor[Any],
    schema: str,
    business: uuid.UUID,
    customer_id: str | None,
    product_id: uuid.UUID | None,
    page_number: int,
    page_size: int,
) -> list[uuid.UUID]:
    """The business's subscriptions (of one customer, on one product), newest first; one more than a page."""
    conditions = [sql.SQL("business_id = %s")]
    params: list[Any] = [business]
    if customer_id is not None:
        conditions.append(sql.SQL("customer_id = %s"))
        params.append(customer_id)
    if product_id is not None:
        conditions.append(sql.SQL("product_id = %s"))
        params.append(product_id)
    cur.execute(
        sql.SQL(
            "SELECT subscription_id FROM {}.charges WHERE {} ORDER BY anchor DESC, subscription_id LIMIT %s OFFSET %s"
        ).format(sql.Identifier(schema), sql.SQL(" AND ").join(conditions)),
        (*params, page_size + 1, page_number * page_size),
    )
    return [r["subscription_id"] for r in cur.fetchall()]
