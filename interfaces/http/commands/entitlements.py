"""Credit entitlement commands (Dodo's `/credit-entitlements`) and manual ledger entries on a balance."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

from anyio import to_thread
from litestar import delete, patch, post
from litestar.datastructures import State

from application.tally import Tally
from application.written import Written
from domain.credit_rules import EntitlementTerms
from domain.credit_wallet import wallet_id
from domain.customer import customer_id as customer_uuid
from domain.errors import NotReady
from interfaces.http.dependencies import visible
from interfaces.resources.entitlements import (
    BALANCES,
    EntitlementChanges,
    EntitlementCreate,
    LedgerEntryCreate,
    LedgerEntryWritten,
    entitlement_view_of,
)
from projections.balances.entitlement_queries import CreditEntitlementView
from projections.reads.queries import Queries


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
        status_code=200,
    )
    async def create_ledger_entry(
        self,
        entitlement_id: uuid.UUID,
        customer_id: str,
        data: LedgerEntryCreate,
        tally: Tally,
        queries: Queries,
        business: uuid.UUID,
        state: State,
    ) -> LedgerEntryWritten:
        """Credit or debit the customer's balance by hand (`manual_adjustment`). The same `idempotency_key`
        answers the entry it recorded (position 0); with another amount or type it is a 409. A debit beyond
        the balance is a 400 unless the entitlement allows overage (within `overage_limit`)."""
        # Async, as the invoice transitions: the wait for the entry to be readable holds no thread.
        done, upto = await to_thread.run_sync(_add_entry, tally, business, entitlement_id, customer_id, data)
        entry = None
        if await visible(state, upto, BALANCES):
            key = str(entitlement_id)
            entry = await to_thread.run_sync(queries.entitlements.ledger_entry, business, key, customer_id, done.id)
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


def _add_entry(
    tally: Tally, business: uuid.UUID, entitlement_id: uuid.UUID, customer_id: str, data: LedgerEntryCreate
) -> tuple[Written[str], int]:
    """The entry written, and the position the balance must reach to show it (the wallet's latest, when a
    reused idempotency key wrote nothing)."""
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
    wallet = wallet_id(customer_uuid(business, customer_id), str(entitlement_id))
    return done, done.position or tally.store.position_of(wallet)
