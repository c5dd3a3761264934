"""The `balances` projection: the credit entitlements, and per credit wallet
(one per customer and entitlement, plus the default one of the old `credits`
form) its balance and overage, its grants with what is left of them, and a
ledger line for every movement with Dodo's transaction type."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any, ClassVar

from psycopg import Cursor, sql

from domain.credit_entitlement import CreditEntitlement
from domain.credit_wallet import TRANSACTION_TYPES, CreditWallet
from projections.engine.json_values import to_json
from projections.engine.projection import Page, Projection
from store.rows import one

ZERO = Decimal(0)
# The ledger's `type` as the old wallet view has always shown it.
OLD_TYPES = {"credit_added": "grant", "credit_deducted": "debit", "credit_expired": "expiry"}


class BalancesProjection(Projection):
    name = "balances"
    topics = ("domain.credit_wallet:", "domain.credit_entitlement:")
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
    }
    keys: ClassVar[dict[str, tuple[str, ...]]] = {
        "entitlements": ("id",),
        "wallets": ("id",),
        "grants": ("wallet_id", "grant_id"),
        "ledger": ("wallet_id", "position"),
    }

    def apply(self, cur: Cursor[Any], page: Page) -> None:
        for position, e in page.events:
            wallet = e.originator_id
            kind = TRANSACTION_TYPES.get(type(e).__name__)
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
                    self._move(cur, wallet, position, kind, e.amount, ZERO, e, grant_id=e.grant_id)
                case CreditWallet.CreditsDebited():
                    self._spend(cur, wallet, e.allocations, e.timestamp)
                    overage = getattr(e, "overage", ZERO)
                    self._move(
                        cur,
                        wallet,
                        position,
                        kind,
                        overage - e.amount,
                        overage,
                        e,
                        credits=e.amount,
                        meter_id=e.meter_id,
                    )
                case CreditWallet.CreditsExpired() | CreditWallet.RolloverForfeited():
                    self._spend(cur, wallet, [{"grant_id": e.grant_id, "amount": e.amount}], e.timestamp, ended=True)
                    self._move(cur, wallet, position, kind, -e.amount, ZERO, e, grant_id=e.grant_id)
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
                    self._move(
                        cur,
                        wallet,
                        position,
                        kind,
                        ZERO,
                        ZERO,
                        e,
                        credits=e.amount,
                        grant_id=e.grant_id,
                        is_credit=True,
                    )
                case CreditWallet.OverageCharged():
                    self._move(
                        cur,
                        wallet,
                        position,
                        kind,
                        ZERO,
                        -e.amount,
                        e,
                        credits=e.amount,
                        is_credit=True,
                        reference=f"invoice:{e.invoice_id}",
                    )
                case CreditWallet.OverageReset():
                    self._move(cur, wallet, position, kind, ZERO, -e.amount, e, credits=e.amount, is_credit=True)
                case CreditWallet.OverageRepaid():
                    self._spend(cur, wallet, e.allocations, e.timestamp)
                    self._move(
                        cur,
                        wallet,
                        position,
                        kind,
                        -e.amount,
                        -e.amount,
                        e,
                        credits=e.amount,
                        reason="overage repayment",
                    )
                case CreditWallet.ManuallyAdjusted():
                    credit = e.entry_type == "credit"
                    if credit:
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
                    change = e.amount if credit else e.overage - e.amount
                    self._move(
                        cur,
                        wallet,
                        position,
                        kind,
                        change,
                        e.overage,
                        e,
                        credits=e.amount,
                        is_credit=credit,
                        grant_id=e.entry_id if credit else None,
                        entry_id=e.entry_id,
                        reason=e.reason,
                        metadata=e.metadata,
                        reference=f"request:{e.idempotency_key}",
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

    def _move(
        self,
        cur: Cursor[Any],
        wallet: Any,
        position: int,
        kind: str | None,
        amount: Decimal,
        overage: Decimal,
        e: Any,
        credits: Decimal | None = None,
        is_credit: bool | None = None,
        grant_id: str | None = None,
        meter_id: str | None = None,
        entry_id: str | None = None,
        reason: str | None = None,
        metadata: dict[str, Any] | None = None,
        reference: str | None = None,
    ) -> None:
        """A ledger line: `amount` is the change of the balance, `overage` that of the overage, `credits` the
        transaction's own amount (Dodo's `amount`, always positive)."""
        assert kind is not None
        cur.execute(
            sql.SQL(
                "UPDATE {} SET balance = balance + %s, overage = overage + %s, last_transaction_at = %s, "
                "position = %s WHERE id = %s RETURNING balance, overage"
            ).format(self.t("wallets")),
            (amount, overage, e.timestamp, position, wallet),
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
                OLD_TYPES.get(kind, kind),
                kind,
                amount,
                abs(amount) if credits is None else credits,
                amount > 0 if is_credit is None else is_credit,
                after["balance"],
                overage,
                after["overage"],
                grant_id,
                meter_id,
                entry_id,
                reason,
                to_json(metadata) if metadata is not None else None,
                reference if reference is not None else getattr(e, "reference", ""),
                e.timestamp,
            ),
        )
