"""What the alert and back-fill jobs ask the read side: the alerts (`webhooks` projection), who moved
since the last look (`usage`, `balances`), a wallet's standing, and meters whose back-fill is done."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from psycopg import Cursor, sql

from projections.engine.tracking import read_position


def _t(schema: str, name: str) -> sql.Composed:
    return sql.SQL("{}.{}").format(sql.Identifier(schema), sql.Identifier(name))


def active_alerts(cur: Cursor[Any], schema: str) -> list[dict[str, Any]]:
    cur.execute(
        sql.SQL(
            "SELECT id, business_id, customer_id, meter_id, threshold, kind FROM {} WHERE NOT deleted ORDER BY id"
        ).format(_t(schema, "alerts"))
    )
    return list(cur.fetchall())


def positions(cur: Cursor[Any], schema: str) -> tuple[int, int]:
    return read_position(cur, schema, "usage"), read_position(cur, schema, "balances")


def moved_customers(
    cur: Cursor[Any], schema: str, since: tuple[int, int], until: tuple[int, int]
) -> tuple[set[tuple[uuid.UUID, str]], set[tuple[uuid.UUID, str]]]:
    usage: set[tuple[uuid.UUID, str]] = set()
    wallets: set[tuple[uuid.UUID, str]] = set()
    if until[0] > since[0]:
        cur.execute(
            sql.SQL("SELECT DISTINCT business_id, customer_id FROM {} WHERE position > %s AND position <= %s").format(
                _t(schema, "usage_log")
            ),
            (since[0], until[0]),
        )
        usage = {(r["business_id"], r["customer_id"]) for r in cur.fetchall()}
    if until[1] > since[1]:
        cur.execute(
            sql.SQL("SELECT business_id, customer_id FROM {} WHERE position > %s AND position <= %s").format(
                _t(schema, "wallets")
            ),
            (since[1], until[1]),
        )
        wallets = {(r["business_id"], r["customer_id"]) for r in cur.fetchall()}
    return usage, wallets


def low_balance_businesses(cur: Cursor[Any], schema: str) -> set[uuid.UUID]:
    cur.execute(
        sql.SQL(
            "SELECT business_id FROM {} WHERE NOT deleted AND terms->>'low_balance_threshold_percent' IS NOT NULL "
            "UNION SELECT business_id FROM {} "
            "WHERE jsonb_path_exists(credit_entitlements, '$[*].overrides.low_balance_threshold_percent')"
        ).format(_t(schema, "entitlements"), _t(schema, "products")),
    )
    return {r["business_id"] for r in cur.fetchall()}


def threshold_businesses(cur: Cursor[Any], schema: str) -> set[uuid.UUID]:
    cur.execute(
        sql.SQL("SELECT DISTINCT business_id FROM {} WHERE usage_thresholds IS NOT NULL AND NOT archived").format(
            _t(schema, "products")
        )
    )
    return {r["business_id"] for r in cur.fetchall()}


def limit_businesses(cur: Cursor[Any], schema: str) -> set[uuid.UUID]:
    """Businesses with a product (not archived) whose usage price has a limit: a `usage_limit`, or credits of an
    entitlement (which may block when spent)."""
    cur.execute(
        sql.SQL(
            "SELECT DISTINCT business_id FROM {} WHERE NOT archived AND "
            "jsonb_path_exists(usage_prices, '$.* ? (@.usage_limit != null || @.credit_entitlement_id != null)')"
        ).format(_t(schema, "products"))
    )
    return {r["business_id"] for r in cur.fetchall()}


def customers_of(cur: Cursor[Any], schema: str, business: uuid.UUID) -> list[str]:
    cur.execute(
        sql.SQL(
            "SELECT customer_id FROM {} WHERE business_id = %s AND cycle_start IS NOT NULL UNION "
            "SELECT customer_id FROM {} WHERE business_id = %s"
        ).format(_t(schema, "charges"), _t(schema, "wallets")),
        (business, business),
    )
    return sorted(r["customer_id"] for r in cur.fetchall())


def wallet_standing(cur: Cursor[Any], schema: str, business: uuid.UUID, customer_id: str) -> tuple[Decimal, int]:
    cur.execute(
        sql.SQL(
            "SELECT w.balance, (SELECT count(*) FROM {} g WHERE g.wallet_id = w.id) AS grants FROM {} w "
            "WHERE w.business_id = %s AND w.customer_id = %s"
        ).format(_t(schema, "grants"), _t(schema, "wallets")),
        (business, customer_id),
    )
    row = cur.fetchone()
    return (row["balance"], int(row["grants"])) if row else (Decimal(0), 0)


def backfilled_meters(cur: Cursor[Any], schema: str, limit: int) -> list[uuid.UUID]:
    """Done in `usage` and not yet announced in `webhooks` (whose subject of a meter says so)."""
    cur.execute(
        sql.SQL(
            "SELECT m.id FROM {} m JOIN {} s ON s.id = m.id WHERE m.backfill_cursor >= m.backfill_upto "
            "AND NOT (s.state->>'announced')::boolean ORDER BY m.position LIMIT %s"
        ).format(_t(schema, "meters"), _t(schema, "webhook_subjects")),
        (limit,),
    )
    return [r["id"] for r in cur.fetchall()]
