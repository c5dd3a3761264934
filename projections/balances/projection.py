"""The `balances` projection: the credit entitlements, and per credit wallet
(one per customer and entitlement, plus the default one of the old `credits`
form) its balance and overage, its grants with what is left of them, and a
ledger line for every movement with Dodo's transaction type; and per money
wallet (one per customer and currency, domain/money_wallet.py) its balance and
a ledger line for every entry, with the balance before and after it."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any, ClassVar

from psycopg import Cursor, sql

from domain.credit_entitlement import CreditEntitlement
from domain.credit_ledger import LedgerEffect, LedgerEvent
from domain.credit_wallet import LEDGER_EVENTS, CreditWallet
from domain.money_wallet import MoneyWallet
from projections.engine.json_values import to_json
from projections.engine.projection import Page, Projection
from store.rows import one
from store.topics import events_of

# The ledger's `type` as the old wallet view (docs/credits.md) has always shown it: grant, debit or expiry;
# other transactions by their own name.
OLD_TYPES: dict[str, str] = {"credit_added": "grant", "credit_deducted": "debit", "credit_expired": "expiry"}


def old_type(effect: LedgerEffect) -> str:
    """A manual adjustment is a grant or a debit there, as a manual grant always was."""
    if effect.transaction_type == "manual_adjustment":
        return "grant" if effect.is_credit else "debit"
    return OLD_TYPES.get(effect.transaction_type, effect.transaction_type)


class BalancesProjection(Projection):
    name = "balances"
    version = 1
    topics = events_of(CreditWallet, CreditEntitlement, MoneyWallet)
    tables: ClassVar[dict[str, str]] = {
        "entitlements": """
            CREATE TABLE {entitlements} (
                id uuid PRIMARY KEY,
                business_id uuid NOT NULL,
                terms jsonb NOT NULL,
                deleted boolean NOT NULL,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                position bigint NOT NULL
            );
            CREATE INDEX ON {entitlements} (business_id, created_at);
        """,
        "wallets": """
            CREATE TABLE {wallets} (
                id uuid PRIMARY KEY,
                business_id uuid NOT NULL,
                customer_id text NOT NULL,
                entitlement_id text,
                balance numeric NOT NULL,
                overage numeric NOT NULL,
                created_at timestamptz NOT NULL,
                last_transaction_at timestamptz,
                position bigint NOT NULL,
                UNIQUE NULLS NOT DISTINCT (business_id, customer_id, entitlement_id)
            );
            CREATE INDEX ON {wallets} (business_id, entitlement_id, created_at);
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
                updated_at timestamptz NOT NULL,
                parent_grant_id text,
                rollover_count int NOT NULL,
                ended boolean NOT NULL,
                rolled_over boolean NOT NULL,
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
                transaction_type text NOT NULL,
                amount numeric NOT NULL,
                credits numeric NOT NULL,
                is_credit boolean NOT NULL,
                balance_after numeric NOT NULL,
                overage_change numeric NOT NULL,
                overage_after numeric NOT NULL,
                grant_id text,
                meter_id text,
                entry_id text,
                reason text,
                metadata jsonb,
                reference text NOT NULL,
                at timestamptz NOT NULL,
                PRIMARY KEY (wallet_id, position)
            );
            CREATE INDEX ON {ledger} (wallet_id, entry_id) WHERE entry_id IS NOT NULL;
        """,
        "money_wallets": """
            CREATE TABLE {money_wallets} (
                id uuid PRIMARY KEY,
                business_id uuid NOT NULL,
                customer_id text NOT NULL,
                currency text NOT NULL,
                balance numeric NOT NULL,
                top_up_below numeric,
                top_up_amount numeric,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                position bigint NOT NULL,
                UNIQUE (business_id, customer_id, currency)
            );
        """,
        "money_ledger": """
            CREATE TABLE {money_ledger} (
                wallet_id uuid NOT NULL,
                position bigint NOT NULL,
                business_id uuid NOT NULL,
                customer_id text NOT NULL,
                currency text NOT NULL,
                event_type text NOT NULL,
                is_credit boolean NOT NULL,
                amount numeric NOT NULL,
                balance_before numeric NOT NULL,
                balance_after numeric NOT NULL,
                reason text,
                reference text,
                at timestamptz NOT NULL,
                PRIMARY KEY (wallet_id, position)
            );
            CREATE INDEX ON {money_ledger} (business_id, customer_id, position);
        """,
    }
    keys: ClassVar[dict[str, tuple[str, ...]]] = {
        "entitlements": ("id",),
        "wallets": ("id",),
        "grants": ("wallet_id", "grant_id"),
        "ledger": ("wallet_id", "position"),
        "money_wallets": ("id",),
        "money_ledger": ("wallet_id", "position"),
    }

    def apply(self, cur: Cursor[Any], page: Page) -> None:
        for position, e in page.events:
            wallet = e.originator_id
            match e:
                case CreditEntitlement.Created():
                    cur.execute(
                        sql.SQL(
                            "INSERT INTO {} (id, business_id, terms, deleted, created_at, updated_at, "
                            "position) VALUES (%s, %s, %s, false, %s, %s, %s)"
                        ).format(self.t("entitlements")),
                        (wallet, e.business_id, to_json(e.terms), e.timestamp, e.timestamp, position),
                    )
                case CreditEntitlement.Updated():
                    self._entitlement(cur, "terms = %s", to_json(e.terms), e, position)
                case CreditEntitlement.Deleted():
                    self._entitlement(cur, "deleted = %s", True, e, position)
                case CreditEntitlement.Undeleted():
                    self._entitlement(cur, "deleted = %s", False, e, position)
                case CreditWallet.Opened():
                    cur.execute(
                        sql.SQL(
                            "INSERT INTO {} (id, business_id, customer_id, entitlement_id, balance, "
                            "overage, created_at, position) VALUES (%s, %s, %s, %s, 0, 0, %s, %s)"
                        ).format(self.t("wallets")),
                        (
                            wallet,
                            e.business_id,
                            e.customer_id,
                            getattr(e, "entitlement_id", None),
                            e.timestamp,
                            position,
                        ),
                    )
                case CreditWallet.CreditsGranted():
                    self._grant(
                        cur, wallet, e.grant_id, e.source, e.amount, e.expires_at, e.reference, e.timestamp, position
                    )
                case CreditWallet.CreditsDebited() | CreditWallet.OverageRepaid():
                    self._spend(cur, wallet, e.allocations, e.timestamp)
                case CreditWallet.CreditsExpired() | CreditWallet.RolloverForfeited():
                    self._spend(cur, wallet, [{"grant_id": e.grant_id, "amount": e.amount}], e.timestamp, ended=True)
                case CreditWallet.CreditsRolledOver():
                    self._spend(
                        cur,
                        wallet,
                        [{"grant_id": e.parent_grant_id, "amount": e.amount}],
                        e.timestamp,
                        ended=True,
                        rolled=True,
                    )
                    self._grant(
                        cur,
                        wallet,
                        e.grant_id,
                        "rollover",
                        e.amount,
                        e.expires_at,
                        e.reference,
                        e.timestamp,
                        position,
                        e.parent_grant_id,
                        e.rollover_count,
                    )
                case CreditWallet.ManuallyAdjusted():
                    if e.entry_type == "credit":
                        self._grant(
                            cur,
                            wallet,
                            e.entry_id,
                            "api",
                            e.amount,
                            e.expires_at,
                            f"request:{e.idempotency_key}",
                            e.timestamp,
                            position,
                        )
                    self._spend(cur, wallet, e.allocations, e.timestamp)
                case MoneyWallet.Opened():
                    cur.execute(
                        sql.SQL(
                            "INSERT INTO {} (id, business_id, customer_id, currency, balance, created_at, updated_at, "
                            "position) VALUES (%s, %s, %s, %s, 0, %s, %s, %s)"
                        ).format(self.t("money_wallets")),
                        (wallet, e.business_id, e.customer_id, e.currency, e.timestamp, e.timestamp, position),
                    )
                case MoneyWallet.Credited() | MoneyWallet.Debited():
                    self._money_entry(cur, position, e)
                case MoneyWallet.AutoTopUpSet():
                    cur.execute(
                        sql.SQL(
                            "UPDATE {} SET top_up_below = %s, top_up_amount = %s, updated_at = %s, position = %s "
                            "WHERE id = %s"
                        ).format(self.t("money_wallets")),
                        (e.below, e.amount, e.timestamp, position, wallet),
                    )
            if isinstance(e, LEDGER_EVENTS):
                self._line(cur, wallet, position, e)

    def _money_entry(self, cur: Cursor[Any], position: int, e: MoneyWallet.Credited | MoneyWallet.Debited) -> None:
        credit = isinstance(e, MoneyWallet.Credited)
        cur.execute(
            sql.SQL(
                "UPDATE {} SET balance = balance + %s, updated_at = %s, position = %s WHERE id = %s "
                "RETURNING business_id, customer_id, currency, balance"
            ).format(self.t("money_wallets")),
            (e.amount if credit else -e.amount, e.timestamp, position, e.originator_id),
        )
        w = one(cur)
        cur.execute(
            sql.SQL(
                "INSERT INTO {} (wallet_id, position, business_id, customer_id, currency, event_type, is_credit, "
                "amount, balance_before, balance_after, reason, reference, at) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
            ).format(self.t("money_ledger")),
            (
                e.originator_id,
                position,
                w["business_id"],
                w["customer_id"],
                w["currency"],
                e.event_type,
                credit,
                e.amount,
                w["balance"] - (e.amount if credit else -e.amount),
                w["balance"],
                e.reason,
                e.reference,
                e.timestamp,
            ),
        )

    def _entitlement(self, cur: Cursor[Any], change: str, value: Any, e: Any, position: int) -> None:
        cur.execute(
            sql.SQL("UPDATE {} SET " + change + ", updated_at = %s, position = %s WHERE id = %s").format(
                self.t("entitlements")
            ),
            (value, e.timestamp, position, e.originator_id),
        )

    def _grant(
        self,
        cur: Cursor[Any],
        wallet: Any,
        grant_id: str,
        source: str,
        amount: Decimal,
        expires_at: datetime | None,
        reference: str,
        at: datetime,
        position: int,
        parent_grant_id: str | None = None,
        rollover_count: int = 0,
    ) -> None:
        cur.execute(
            sql.SQL(
                "INSERT INTO {} (wallet_id, grant_id, source, amount, remaining, expires_at, reference, granted_at, "
                "updated_at, parent_grant_id, rollover_count, ended, rolled_over, position) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, false, false, %s)"
            ).format(self.t("grants")),
            (
                wallet,
                grant_id,
                source,
                amount,
                amount,
                expires_at,
                reference,
                at,
                at,
                parent_grant_id,
                rollover_count,
                position,
            ),
        )

    def _spend(
        self,
        cur: Cursor[Any],
        wallet: Any,
        allocations: list[dict[str, Any]],
        at: datetime,
        ended: bool = False,
        rolled: bool = False,
    ) -> None:
        for allocation in allocations:
            cur.execute(
                sql.SQL(
                    "UPDATE {} SET remaining = remaining - %s, updated_at = %s, ended = ended OR %s, "
                    "rolled_over = rolled_over OR %s WHERE wallet_id = %s AND grant_id = %s"
                ).format(self.t("grants")),
                (allocation["amount"], at, ended, rolled, wallet, allocation["grant_id"]),
            )

    def _line(self, cur: Cursor[Any], wallet: Any, position: int, e: LedgerEvent) -> None:
        """The event's ledger line (its `effect()`), and the wallet's balance and overage after it."""
        effect = e.effect()
        cur.execute(
            sql.SQL(
                "UPDATE {} SET balance = balance + %s, overage = overage + %s, last_transaction_at = %s, "
                "position = %s WHERE id = %s RETURNING balance, overage"
            ).format(self.t("wallets")),
            (effect.balance_change, effect.overage_change, e.timestamp, position, wallet),
        )
        after = one(cur)
        cur.execute(
            sql.SQL(
                "INSERT INTO {} (wallet_id, position, type, transaction_type, amount, credits, is_credit, balance_after, "
                "overage_change, overage_after, grant_id, meter_id, entry_id, reason, metadata, reference, at) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
            ).format(self.t("ledger")),
            (
                wallet,
                position,
                old_type(effect),
                effect.transaction_type,
                effect.balance_change,
                effect.amount,
                effect.is_credit,
                after["balance"],
                effect.overage_change,
                after["overage"],
                effect.grant_id,
                getattr(e, "meter_id", None),
                getattr(e, "entry_id", None),
                effect.description,
                to_json(dict(effect.metadata)) if effect.metadata else None,
                effect.reference,
                e.timestamp,
            ),
        )
