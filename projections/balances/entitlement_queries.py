"""Reading credit entitlements and their balances, in Dodo's shapes (`dodopayments` types
credit_entitlement, credit_entitlements/*): tally's extras are added fields, never changed ones."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

import msgspec
from eventsourcing.postgres import PostgresDatastore
from psycopg import Cursor, sql

from domain.credit_ledger import reference_parts
from domain.credit_rules import EntitlementTerms
from projections.reads.billing_views import number
from projections.reads.pages import PageOf, paged

# Grant sources as Dodo names them.
SOURCE_TYPES = {"cycle": "subscription", "manual": "api", "api": "api", "rollover": "rollover"}


class CreditEntitlementView(msgspec.Struct):
    id: str
    business_id: str
    created_at: datetime
    name: str
    overage_behavior: str
    overage_enabled: bool
    precision: int
    rollover_enabled: bool
    unit: str
    updated_at: datetime
    currency: str | None
    description: str | None
    expires_after_days: int | None
    max_rollover_count: int | None
    overage_limit: int | None
    price_per_unit: str | None
    rollover_percentage: int | None
    rollover_timeframe_count: int | None
    rollover_timeframe_interval: str | None
    low_balance_threshold_percent: int | None
    deleted: bool


class BalanceView(msgspec.Struct):
    id: str
    balance: str
    created_at: datetime
    credit_entitlement_id: str
    customer_id: str
    overage: str
    updated_at: datetime
    last_transaction_at: datetime | None


class GrantView(msgspec.Struct):
    id: str
    created_at: datetime
    credit_entitlement_id: str
    customer_id: str
    initial_amount: str
    is_expired: bool
    is_rolled_over: bool
    remaining_amount: str
    rollover_count: int
    source_type: str
    updated_at: datetime
    expires_at: datetime | None
    metadata: dict[str, Any] | None
    parent_grant_id: str | None
    source_id: str | None
    status: str


class LedgerEntryView(msgspec.Struct):
    id: str
    amount: str
    balance_after: str
    balance_before: str
    brand_id: str
    business_id: str
    created_at: datetime
    credit_entitlement_id: str
    customer_id: str
    is_credit: bool
    metadata: dict[str, Any]
    overage_after: str
    overage_before: str
    transaction_type: str
    description: str | None
    grant_id: str | None
    reference_id: str | None
    reference_type: str | None
    position: int


class CustomerEntitlementView(msgspec.Struct):
    balance: str
    credit_entitlement_id: str
    name: str
    overage: str
    unit: str
    description: str | None


class CustomerEntitlements(msgspec.Struct):
    items: list[CustomerEntitlementView]


def entitlement_view(row: dict[str, Any]) -> CreditEntitlementView:
    t = EntitlementTerms.from_terms(row["terms"])
    return CreditEntitlementView(
        str(row["id"]),
        str(row["business_id"]),
        row["created_at"],
        t.name,
        t.overage_behavior,
        t.overage_enabled,
        t.precision,
        t.rollover_enabled,
        t.unit,
        row["updated_at"],
        t.currency,
        t.description,
        t.expires_after_days,
        t.max_rollover_count,
        int(t.overage_limit) if t.overage_limit is not None else None,
        number(t.price_per_unit) if t.price_per_unit is not None else None,
        t.rollover_percentage,
        t.rollover_timeframe_count,
        t.rollover_timeframe_interval,
        t.low_balance_threshold_percent,
        row["deleted"],
    )


def _s(schema: str) -> sql.Identifier:
    return sql.Identifier(schema)


def list_entitlements(
    cur: Cursor[Any], schema: str, business: uuid.UUID, deleted: bool, page_number: int, page_size: int
) -> PageOf[CreditEntitlementView]:
    cur.execute(
        sql.SQL(
            "SELECT * FROM {}.entitlements WHERE business_id = %s AND deleted = %s "
            "ORDER BY created_at DESC, id LIMIT %s OFFSET %s"
        ).format(_s(schema)),
        (business, deleted, page_size + 1, page_number * page_size),
    )
    return paged([entitlement_view(r) for r in cur.fetchall()], page_number, page_size)


def get_entitlement(
    cur: Cursor[Any], schema: str, business: uuid.UUID, entitlement: uuid.UUID
) -> CreditEntitlementView | None:
    cur.execute(
        sql.SQL("SELECT * FROM {}.entitlements WHERE business_id = %s AND id = %s").format(_s(schema)),
        (business, entitlement),
    )
    row = cur.fetchone()
    return entitlement_view(row) if row else None


def _balance(row: dict[str, Any]) -> BalanceView:
    return BalanceView(
        str(row["id"]),
        number(row["balance"]),
        row["created_at"],
        row["entitlement_id"],
        row["customer_id"],
        number(row["overage"]),
        row["last_transaction_at"] or row["created_at"],
        row["last_transaction_at"],
    )


def list_balances(
    cur: Cursor[Any],
    schema: str,
    business: uuid.UUID,
    entitlement: str,
    customer_id: str | None,
    page_number: int,
    page_size: int,
) -> PageOf[BalanceView]:
    cur.execute(
        sql.SQL(
            "SELECT * FROM {}.wallets WHERE business_id = %s AND entitlement_id = %s "
            "AND (%s::text IS NULL OR customer_id = %s) ORDER BY created_at DESC, id "
            "LIMIT %s OFFSET %s"
        ).format(_s(schema)),
        (business, entitlement, customer_id, customer_id, page_size + 1, page_number * page_size),
    )
    return paged([_balance(r) for r in cur.fetchall()], page_number, page_size)


def wallet_row(
    cur: Cursor[Any], schema: str, business: uuid.UUID, entitlement: str, customer_id: str
) -> dict[str, Any] | None:
    cur.execute(
        sql.SQL("SELECT * FROM {}.wallets WHERE business_id = %s AND entitlement_id = %s AND customer_id = %s").format(
            _s(schema)
        ),
        (business, entitlement, customer_id),
    )
    row: dict[str, Any] | None = cur.fetchone()
    return row


def balance(
    cur: Cursor[Any], schema: str, business: uuid.UUID, entitlement: str, customer_id: str, now: datetime
) -> BalanceView:
    """A customer with no movement yet holds an empty balance."""
    row = wallet_row(cur, schema, business, entitlement, customer_id)
    if row is None:
        return BalanceView("", "0", now, entitlement, customer_id, "0", now, None)
    return _balance(row)


def balance_and_overage(
    cur: Cursor[Any], schema: str, business: uuid.UUID, customer_id: str, entitlement: str
) -> tuple[Decimal, Decimal]:
    row = wallet_row(cur, schema, business, entitlement, customer_id)
    return (row["balance"], row["overage"]) if row else (Decimal(0), Decimal(0))


GRANT_STATUS = {
    "active": sql.SQL("AND NOT g.ended AND g.remaining > 0"),
    "expired": sql.SQL("AND g.ended"),
    "depleted": sql.SQL("AND NOT g.ended AND g.remaining = 0"),
}


def _status(row: dict[str, Any]) -> str:
    return "expired" if row["ended"] else "active" if row["remaining"] > 0 else "depleted"


def list_grants(
    cur: Cursor[Any],
    schema: str,
    business: uuid.UUID,
    entitlement: str,
    customer_id: str,
    status: str | None,
    page_number: int,
    page_size: int,
) -> PageOf[GrantView]:
    """Newest first; `status` active (credits left), expired (ended: expired, rolled over or forfeited) or
    depleted (spent to 0)."""
    cur.execute(
        sql.SQL(
            "SELECT g.* FROM {s}.grants g JOIN {s}.wallets w ON w.id = g.wallet_id "
            "WHERE w.business_id = %s AND w.entitlement_id = %s AND w.customer_id = %s {status} "
            "ORDER BY g.position DESC, g.grant_id LIMIT %s OFFSET %s"
        ).format(s=_s(schema), status=GRANT_STATUS[status] if status else sql.SQL("")),
        (business, entitlement, customer_id, page_size + 1, page_number * page_size),
    )
    rows = [
        GrantView(
            r["grant_id"],
            r["granted_at"],
            entitlement,
            customer_id,
            number(r["amount"]),
            r["ended"],
            r["rolled_over"],
            number(r["remaining"]),
            r["rollover_count"],
            SOURCE_TYPES.get(r["source"], "api"),
            r["updated_at"],
            r["expires_at"],
            None,
            r["parent_grant_id"],
            r["reference"],
            _status(r),
        )
        for r in cur.fetchall()
    ]
    return paged(rows, page_number, page_size)


def _entry(row: dict[str, Any], business: uuid.UUID, entitlement: str, customer_id: str) -> LedgerEntryView:
    reference_type, reference_id = reference_parts(row["reference"], row["reason"])
    return LedgerEntryView(
        f"led_{row['position']}",
        number(row["credits"]),
        number(row["balance_after"]),
        number(row["balance_after"] - row["amount"]),
        str(business),
        str(business),
        row["at"],
        entitlement,
        customer_id,
        row["is_credit"],
        row["metadata"] or {},
        number(row["overage_after"]),
        number(row["overage_after"] - row["overage_change"]),
        row["transaction_type"],
        row["reason"],
        row["grant_id"],
        reference_id,
        reference_type,
        row["position"],
    )


def list_ledger(
    cur: Cursor[Any],
    schema: str,
    business: uuid.UUID,
    entitlement: str,
    customer_id: str,
    transaction_type: str | None,
    start: datetime | None,
    end: datetime | None,
    page_number: int,
    page_size: int,
) -> PageOf[LedgerEntryView]:
    """Newest first, filtered by transaction type and by time (start inclusive, end exclusive)."""
    cur.execute(
        sql.SQL(
            "SELECT l.* FROM {s}.ledger l JOIN {s}.wallets w ON w.id = l.wallet_id "
            "WHERE w.business_id = %s AND w.entitlement_id = %s AND w.customer_id = %s "
            "AND (%s::text IS NULL OR l.transaction_type = %s) "
            "AND (%s::timestamptz IS NULL OR l.at >= %s) AND (%s::timestamptz IS NULL OR l.at < %s) "
            "ORDER BY l.position DESC LIMIT %s OFFSET %s"
        ).format(s=_s(schema)),
        (
            business,
            entitlement,
            customer_id,
            transaction_type,
            transaction_type,
            start,
            start,
            end,
            end,
            page_size + 1,
            page_number * page_size,
        ),
    )
    return paged([_entry(r, business, entitlement, customer_id) for r in cur.fetchall()], page_number, page_size)


def ledger_entry(
    cur: Cursor[Any], schema: str, business: uuid.UUID, entitlement: str, customer_id: str, entry_id: str
) -> LedgerEntryView | None:
    cur.execute(
        sql.SQL(
            "SELECT l.* FROM {s}.ledger l JOIN {s}.wallets w ON w.id = l.wallet_id "
            "WHERE w.business_id = %s AND w.entitlement_id = %s AND w.customer_id = %s "
            "AND l.entry_id = %s"
        ).format(s=_s(schema)),
        (business, entitlement, customer_id, entry_id),
    )
    row = cur.fetchone()
    return _entry(row, business, entitlement, customer_id) if row else None


def customer_entitlements(cur: Cursor[Any], schema: str, business: uuid.UUID, customer_id: str) -> CustomerEntitlements:
    cur.execute(
        sql.SQL(
            "SELECT w.balance, w.overage, e.id, e.terms FROM {s}.wallets w "
            "JOIN {s}.entitlements e ON e.id::text = w.entitlement_id "
            "WHERE w.business_id = %s AND w.customer_id = %s ORDER BY e.created_at, e.id"
        ).format(s=_s(schema)),
        (business, customer_id),
    )
    items = []
    for r in cur.fetchall():
        t = EntitlementTerms.from_terms(r["terms"])
        items.append(
            CustomerEntitlementView(
                number(r["balance"]), str(r["id"]), t.name, number(r["overage"]), t.unit, t.description
            )
        )
    return CustomerEntitlements(items)


class EntitlementReads:
    """The entitlement questions the interfaces ask, each on its own read transaction."""

    def __init__(self, datastore: PostgresDatastore, schema: str) -> None:
        self.datastore = datastore
        self.schema = schema

    def entitlements(
        self, business: uuid.UUID, deleted: bool, page_number: int, page_size: int
    ) -> PageOf[CreditEntitlementView]:
        with self.datastore.transaction(commit=False) as cur:
            return list_entitlements(cur, self.schema, business, deleted, page_number, page_size)

    def entitlement(self, business: uuid.UUID, entitlement: uuid.UUID) -> CreditEntitlementView | None:
        with self.datastore.transaction(commit=False) as cur:
            return get_entitlement(cur, self.schema, business, entitlement)

    def balances(
        self, business: uuid.UUID, entitlement: str, customer_id: str | None, page_number: int, page_size: int
    ) -> PageOf[BalanceView]:
        with self.datastore.transaction(commit=False) as cur:
            return list_balances(cur, self.schema, business, entitlement, customer_id, page_number, page_size)

    def balance(self, business: uuid.UUID, entitlement: str, customer_id: str, now: datetime) -> BalanceView:
        with self.datastore.transaction(commit=False) as cur:
            return balance(cur, self.schema, business, entitlement, customer_id, now)

    def grants(
        self,
        business: uuid.UUID,
        entitlement: str,
        customer_id: str,
        status: str | None,
        page_number: int,
        page_size: int,
    ) -> PageOf[GrantView]:
        with self.datastore.transaction(commit=False) as cur:
            return list_grants(cur, self.schema, business, entitlement, customer_id, status, page_number, page_size)

    def ledger(
        self,
        business: uuid.UUID,
        entitlement: str,
        customer_id: str,
        transaction_type: str | None,
        start: datetime | None,
        end: datetime | None,
        page_number: int,
        page_size: int,
    ) -> PageOf[LedgerEntryView]:
        with self.datastore.transaction(commit=False) as cur:
            return list_ledger(
                cur,
                self.schema,
                business,
                entitlement,
                customer_id,
                transaction_type,
                start,
                end,
                page_number,
                page_size,
            )

    def ledger_entry(
        self, business: uuid.UUID, entitlement: str, customer_id: str, entry_id: str
    ) -> LedgerEntryView | None:
        with self.datastore.transaction(commit=False) as cur:
            return ledger_entry(cur, self.schema, business, entitlement, customer_id, entry_id)

    def of_customer(self, business: uuid.UUID, customer_id: str) -> CustomerEntitlements:
        with self.datastore.transaction(commit=False) as cur:
            return customer_entitlements(cur, self.schema, business, customer_id)
