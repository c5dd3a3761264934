"""Reading credit wallets: balance, active grants, ledger."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import msgspec
from eventsourcing.postgres import PostgresDatastore
from psycopg import Cursor, sql

from domain.credit_wallet import ORPHANED_AFTER
from projections.reads.billing_views import number

# domain/entitlements.cycle_reference: "subscription:<id>:cycle:<start>".
SUBSCRIPTION_REFERENCE = "^subscription:[0-9a-f-]{36}:"


class GrantView(msgspec.Struct):
    grant_id: str
    source: str
    amount: str
    remaining: str
    expires_at: datetime | None
    reference: str
    granted_at: datetime


class LedgerLine(msgspec.Struct):
    position: int
    type: str
    amount: str
    balance_after: str
    reference: str
    at: datetime
    grant_id: str | None = None
    meter_id: str | None = None


class CreditsView(msgspec.Struct):
    customer_id: str
    wallet_id: str | None
    balance: str
    grants: list[GrantView]
    ledger: list[LedgerLine]
    ledger_has_more: bool = False


def balance_of(cur: Cursor[Any], schema: str, business: uuid.UUID, customer_id: str) -> Decimal:
    cur.execute(
        sql.SQL(
            "SELECT balance FROM {}.wallets WHERE business_id = %s AND customer_id = %s AND entitlement_id IS NULL"
        ).format(sql.Identifier(schema)),
        (business, customer_id),
    )
    row = cur.fetchone()
    return row["balance"] if row else Decimal(0)


def balances_of(cur: Cursor[Any], schema: str, business: uuid.UUID, customer_ids: list[str]) -> dict[str, Decimal]:
    """The credit balances of several customers at once (a list page's column); a customer without credits is
    left out."""
    cur.execute(
        sql.SQL(
            "SELECT customer_id, balance FROM {}.wallets WHERE business_id = %s AND customer_id = ANY(%s) "
            "AND entitlement_id IS NULL"
        ).format(sql.Identifier(schema)),
        (business, customer_ids),
    )
    return {r["customer_id"]: r["balance"] for r in cur.fetchall()}


def credits_of(
    datastore: PostgresDatastore,
    schema: str,
    business: uuid.UUID,
    customer_id: str,
    page_number: int = 0,
    page_size: int = 100,
) -> CreditsView:
    """The ledger is paged, newest first (`page_number` from 0)."""
    s = sql.Identifier(schema)
    with datastore.transaction(commit=False) as cur:
        cur.execute(
            sql.SQL(
                "SELECT id, balance FROM {}.wallets WHERE business_id = %s AND customer_id = %s "
                "AND entitlement_id IS NULL"
            ).format(s),
            (business, customer_id),
        )
        wallet = cur.fetchone()
        if wallet is None:
            return CreditsView(customer_id, None, "0", [], [])
        cur.execute(
            sql.SQL(
                "SELECT * FROM {}.grants WHERE wallet_id = %s AND remaining > 0 "
                "ORDER BY expires_at NULLS LAST, position"
            ).format(s),
            (wallet["id"],),
        )
        grants = [
            GrantView(
                r["grant_id"],
                r["source"],
                number(r["amount"]),
                number(r["remaining"]),
                r["expires_at"],
                r["reference"],
                r["granted_at"],
            )
            for r in cur.fetchall()
        ]
        cur.execute(
            sql.SQL("SELECT * FROM {}.ledger WHERE wallet_id = %s ORDER BY position DESC LIMIT %s OFFSET %s").format(s),
            (wallet["id"], page_size + 1, page_number * page_size),
        )
        ledger = [
            LedgerLine(
                r["position"],
                r["type"],
                number(r["amount"]),
                number(r["balance_after"]),
                r["reference"],
                r["at"],
                r["grant_id"],
                r["meter_id"],
            )
            for r in cur.fetchall()
        ]
    return CreditsView(
        customer_id, str(wallet["id"]), number(wallet["balance"]), grants, ledger[:page_size], len(ledger) > page_size
    )


def wallets_expiring(
    cur: Cursor[Any], schema: str, now: datetime, cycle_grace: timedelta, limit: int
) -> list[uuid.UUID]:
    """Wallets with a grant due to expire: at its `expires_at`, a cycle's grant `cycle_grace` later; an
    entitlement's cycle and rollover grants are settled by the close, so only ORPHANED_AFTER later still
    (CreditWallet.expire). A subscription's grant waits while the `charges` read model shows an open cycle
    of that subscription that began before it expires (domain/entitlements.awaiting_close, which the
    expiry job asks again of the subscription as stored), so grants waiting for a late close never fill
    the batch."""
    cur.execute(
        sql.SQL(
            "SELECT DISTINCT g.wallet_id FROM {s}.grants g JOIN {s}.wallets w ON w.id = g.wallet_id "
            "WHERE g.remaining > 0 AND g.expires_at <= %s AND (g.source <> 'cycle' OR g.expires_at <= %s) "
            "AND (w.entitlement_id IS NULL OR g.source NOT IN ('cycle', 'rollover') "
            "OR g.expires_at <= %s) "
            "AND NOT EXISTS (SELECT 1 FROM {s}.charges c WHERE g.source IN ('cycle', 'rollover') "
            "AND c.subscription_id = (CASE WHEN g.reference ~ %s THEN split_part(g.reference, ':', 2)::uuid END) "
            "AND c.cycle_start < g.expires_at) LIMIT %s"
        ).format(s=sql.Identifier(schema)),
        (now, now - cycle_grace, now - cycle_grace - ORPHANED_AFTER, SUBSCRIPTION_REFERENCE, limit),
    )
    return [r["wallet_id"] for r in cur.fetchall()]
