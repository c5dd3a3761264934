"""Credit entitlement commands (Dodo's `/credit-entitlements`) and manual ledger entries on a balance."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from decimal import Decimal
from typing import Annotated, Any, Literal

import msgspec
from litestar import delete, patch, post

from application.tally import Tally
from domain.credit_rules import EntitlementTerms
from domain.credit_wallet import wallet_id
from domain.customer import customer_id as customer_uuid
from domain.errors import NotReady
from interfaces.http.dependencies import READ_WAIT_S
from interfaces.http.schemas.entitlements import LedgerEntryWritten, entitlement_view_of
from projections.balances.entitlement_queries import CreditEntitlementView
from projections.engine.worker import wait_for
from projections.reads.queries import Queries

Name = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
Unit = Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
Prose = Annotated[str, msgspec.Meta(max_length=2000)]
Currency = Annotated[str, msgspec.Meta(min_length=3, max_length=3)]
Behaviour = Literal["forgive_at_reset", "invoice_at_billing", "carry_deficit", "carry_deficit_auto_repay"]
Interval = Literal["Day", "Week", "Month", "Year"]
Count = Annotated[int, msgspec.Meta(ge=-(2**31), le=2**31 - 1)]
Key = Annotated[str, msgspec.Meta(min_length=1, max_length=255)]
MetadataValue = Annotated[str, msgspec.Meta(max_length=500)] | float | bool


class EntitlementChanges(msgspec.Struct, forbid_unknown_fields=True):
    """Every field of an entitlement; on update, an absent or null field keeps its value."""

    name: Name | None = None
    unit: Unit | None = None
    precision: Count | None = None
    rollover_enabled: bool | None = None
    overage_enabled: bool | None = None
    overage_behavior: Behaviour | None = None
    description: Prose | None = None
    expires_after_days: Count | None = None
    rollover_percentage: Count | None = None
    max_rollover_count: Count | None = None
    rollover_timeframe_count: Count | None = None
    rollover_timeframe_interval: Interval | None = None
    overage_limit: Count | None = None
    price_per_unit: Decimal | None = None
    currency: Currency | None = None
    low_balance_threshold_percent: Count | None = None

    def given(self) -> dict[str, Any]:
        return {k: v for k, v in msgspec.structs.asdict(self).items() if v is not None}


class EntitlementCreate(EntitlementChanges, forbid_unknown_fields=True, kw_only=True):
    name: Name
    unit: Unit
    precision: Count
    rollover_enabled: bool
    overage_enabled: bool


class LedgerEntryCreate(msgspec.Struct, forbid_unknown_fields=True):
    amount: Decimal
    entry_type: Literal["credit", "debit"]
    expires_at: Annotated[datetime, msgspec.Meta(tz=True)] | None = None
    idempotency_key: Key | None = None
    metadata: dict[Annotated[str, msgspec.Meta(max_length=40)], MetadataValue] | None = None
    reason: Prose | None = None


class EntitlementCommands:
    """The commands half of a resource's controller (interfaces/http/controllers.py)."""

    @post(operation_id="CreateCreditEntitlement", sync_to_thread=True)
    def create_entitlement(self, data: EntitlementCreate, tally: Tally, business: uuid.UUID) -> CreditEntitlementView:
        """Define a credit entitlement: unit and precision (0-10), rollover (percentage, max count, timeframe),
        overage (enabled, limit, behaviour, price per unit and its currency). Dodo's rules: currency exactly
        when price_per_unit; price_per_unit when overage_enabled; timeframe count and interval together."""
        terms = EntitlementTerms.from_terms(data.given())
        done = tally.entitlements.define(business, terms)
        return entitlement_view_of(tally.entitlements.get(business, done.id))

    @patch("/{entitlement_id:uuid}", operation_id="UpdateCreditEntitlement", sync_to_thread=True)
    def update_entitlement(
        self, entitlement_id: uuid.UUID, data: EntitlementChanges, tally: Tally, business: uuid.UUID
    ) -> CreditEntitlementView:
        """Change an entitlement; it applies from the next use on (issued invoices and grants keep theirs)."""
        tally.entitlements.update(business, entitlement_id, data.given())
        return entitlement_view_of(tally.entitlements.get(business, entitlement_id))

    @delete("/{entitlement_id:uuid}", operation_id="DeleteCreditEntitlement", sync_to_thread=True)
    def delete_entitlement(self, entitlement_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> None:
        """Delete an entitlement: no new product may name it; balances and running products keep working."""
        tally.entitlements.delete(business, entitlement_id)

    @post(
        "/{entitlement_id:uuid}/undelete",
        operation_id="UndeleteCreditEntitlement",
        sync_to_thread=True,
        status_code=200,
    )
    def undelete_entitlement(
        self, entitlement_id: uuid.UUID, tally: Tally, business: uuid.UUID
    ) -> CreditEntitlementView:
        """Bring a deleted entitlement back."""
        tally.entitlements.undelete(business, entitlement_id)
        return entitlement_view_of(tally.entitlements.get(business, entitlement_id))

    @post(
        "/{entitlement_id:uuid}/balances/{customer_id:str}/ledger-entries",
        operation_id="CreateLedgerEntry",
        sync_to_thread=True,
        status_code=200,
    )
    def create_ledger_entry(
        self,
        entitlement_id: uuid.UUID,
        customer_id: str,
        data: LedgerEntryCreate,
        tally: Tally,
        queries: Queries,
        business: uuid.UUID,
    ) -> LedgerEntryWritten:
        """Credit or debit the customer's balance by hand (`manual_adjustment`). The same `idempotency_key`
        answers the entry it recorded (position 0); with another amount or type it is a 409. A debit beyond
        the balance is a 400 unless the entitlement allows overage (within `overage_limit`)."""
        done = tally.entitlements.add_ledger_entry(
            business,
            entitlement_id,
            customer_id,
            data.entry_type,
            data.amount,
            data.idempotency_key,
            data.expires_at,
            data.reason,
            dict(data.metadata or {}),
            datetime.now(timezone.utc),
        )
        upto = done.position or tally.store.position_of(
            wallet_id(customer_uuid(business, customer_id), str(entitlement_id))
        )
        entry = None
        if wait_for(tally.store, ["balances"], upto, READ_WAIT_S):
            entry = queries.entitlements.ledger_entry(business, str(entitlement_id), customer_id, done.id)
        if entry is None:
            raise NotReady(
                "the balances read model is behind; the entry is recorded, read it from the ledger",
                "projections_behind",
            )
        return LedgerEntryWritten(
            entry.id,
            entry.amount,
            entry.balance_after,
            entry.balance_before,
            entry.created_at,
            entry.credit_entitlement_id,
            customer_id,
            data.entry_type,
            entry.is_credit,
            entry.metadata,
            entry.overage_after,
            entry.overage_before,
            entry.grant_id,
            entry.description,
            entry.transaction_type,
            done.position,
        )
