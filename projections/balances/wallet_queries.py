"""Reading money wallets (domain/money_wallet.py): each of a customer's wallets and their ledger, newest first.
Amounts are decimals here; Dodo's routes write them in minor units (interfaces/resources/credits.py)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from eventsourcing.postgres import PostgresDatastore
from psycopg import sql


@dataclass(frozen=True)
class WalletRow:
    id: uuid.UUID
    customer_id: str
    currency: str
    balance: Decimal
    top_up_below: Decimal | None
    top_up_amount: Decimal | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class WalletEntryRow:
    wallet_id: uuid.UUID
    position: int
    business_id: uuid.UUID
    customer_id: str
    currency: str
    event_type: str
    is_credit: bool
    amount: Decimal
    balance_before: Decimal
    balance_after: Decimal
    reason: str | None
    reference: str | None
    at: datetime


def wallets_of(datastore: PostgresDatastore, schema: str, business: uuid.UUID, customer_id: str) -> list[WalletRow]:
    with datastore.transaction(commit=False) as cur:
        cur.execute(
            sql.SQL(
                "SELECT id, customer_id, currency, balance, top_up_below, top_up_amount, created_at, updated_at "
                "FROM {}.money_wallets "
                "WHERE business_id = %s AND customer_id = %s ORDER BY currency"
            ).format(sql.Identifier(schema)),
            (business, customer_id),
        )
        return [WalletRow(**r) for r in cur.fetchall()]


def wallet_entries(
    datastore: PostgresDatastore,
    schema: str,
    business: uuid.UUID,
    customer_id: str,
    currency: str | None,
    offset: int,
    limit: int,
) -> list[WalletEntryRow]:
    """The customer's entries, of one currency's wallet when given, newest first."""
    currency_is = sql.SQL("AND currency = %s") if currency is not None else sql.SQL("")
    with datastore.transaction(commit=False) as cur:
        cur.execute(
            sql.SQL(
                "SELECT * FROM {}.money_ledger WHERE business_id = %s AND customer_id = %s {} "
                "ORDER BY position DESC LIMIT %s OFFSET %s"
            ).format(sql.Identifier(schema), currency_is),
            (business, customer_id, *([currency] if currency is not None else []), limit, offset),
        )
        return [WalletEntryRow(**r) for r in cur.fetchall()]
