"""The `balances` projection: per credit wallet its balance, its grants with
what is left of them, and a ledger line for every movement."""
from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar

from psycopg import Cursor, sql

from domain.credit_wallet import CreditWallet
from projections.projection import Page, Projection
from store.rows import one


class BalancesProjection(Projection):
    name = "balances"
    topics = ("domain.credit_wallet:",)
    tables: ClassVar[dict[str, str]] = {
        "wallets": """
            CREATE TABLE {wallets} (
                id uuid PRIMARY KEY,
                business_id uuid NOT NULL,
                customer_id text NOT NULL,
                balance numeric NOT NULL,
                position bigint NOT NULL,
                UNIQUE (business_id, customer_id)
            );
        """,
        "grants": """
            CREATE TABLE {grants} (
                wallet_id uuid NOT NULL,
                grant_id text NOT NULL,
                source text NOT NULL,
                amount numeric NOT NULL,
                remaining numeric NOT NULL,
                expires_at timestamptz,
                reference text NOT NULL,
                granted_at timestamptz NOT NULL,
                position bigint NOT NULL,
                PRIMARY KEY (wallet_id, grant_id)
            );
            CREATE INDEX ON {grants} (expires_at) WHERE remaining > 0;
        """,
        "ledger": """
            CREATE TABLE {ledger} (
                wallet_id uuid NOT NULL,
                position bigint NOT NULL,
                type text NOT NULL,
                amount numeric NOT NULL,
                balance_after numeric NOT NULL,
                grant_id text,
                meter_id text,
                reference text NOT NULL,
                at timestamptz NOT NULL,
                PRIMARY KEY (wallet_id, position)
            );
        """,
    }
    keys: ClassVar[dict[str, tuple[str, ...]]] = {"wallets": ("id",), "grants": ("wallet_id", "grant_id"),
                                                  "ledger": ("wallet_id", "position")}

    def apply(self, cur: Cursor[Any], page: Page) -> None:
        for position, e in page.events:
            wallet = e.originator_id
            if isinstance(e, CreditWallet.Opened):
                cur.execute(sql.SQL("INSERT INTO {} (id, business_id, customer_id, balance, position) "
                                    "VALUES (%s, %s, %s, 0, %s)").format(self.t("wallets")),
                            (wallet, e.business_id, e.customer_id, position))
            elif isinstance(e, CreditWallet.CreditsGranted):
                cur.execute(sql.SQL(
                    "INSERT INTO {} (wallet_id, grant_id, source, amount, remaining, expires_at, reference, "
                    "granted_at, position) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)").format(self.t("grants")),
                    (wallet, e.grant_id, e.source, e.amount, e.amount, e.expires_at, e.reference, e.timestamp,
                     position))
                self._move(cur, wallet, position, "grant", e.amount, e.grant_id, None, e.reference, e)
            elif isinstance(e, CreditWallet.CreditsDebited):
                for allocation in e.allocations:
                    self._spend(cur, wallet, allocation["grant_id"], allocation["amount"])
                self._move(cur, wallet, position, "debit", -e.amount, None, e.meter_id, e.reference, e)
            elif isinstance(e, CreditWallet.CreditsExpired):
                self._spend(cur, wallet, e.grant_id, e.amount)
                self._move(cur, wallet, position, "expiry", -e.amount, e.grant_id, None, e.reference, e)

    def _spend(self, cur: Cursor[Any], wallet: Any, grant_id: str, amount: Decimal) -> None:
        cur.execute(sql.SQL("UPDATE {} SET remaining = remaining - %s WHERE wallet_id = %s AND grant_id = %s")
                    .format(self.t("grants")), (amount, wallet, grant_id))

    def _move(self, cur: Cursor[Any], wallet: Any, position: int, kind: str, amount: Decimal, grant_id: str | None,
              meter_id: str | None, reference: str, e: Any) -> None:
        cur.execute(sql.SQL("UPDATE {} SET balance = balance + %s, position = %s WHERE id = %s RETURNING balance")
                    .format(self.t("wallets")), (amount, position, wallet))
        balance = one(cur)["balance"]
        cur.execute(sql.SQL(
            "INSERT INTO {} (wallet_id, position, type, amount, balance_after, grant_id, meter_id, reference, at) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)").format(self.t("ledger")),
            (wallet, position, kind, amount, balance, grant_id, meter_id, reference, e.timestamp))
