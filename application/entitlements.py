"""Credit entitlement commands (Dodo's `/credit-entitlements`): define, update, delete and undelete an
entitlement; manual ledger entries on a (customer, entitlement) balance, idempotent by key."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError

from application.credits import RACE_RETRIES
from application.written import Written
from domain.credit_entitlement import CreditEntitlement
from domain.credit_rules import ZERO, EntitlementTerms, credit_amount_faults
from domain.credit_settlement import product_terms, repay_from_balance
from domain.credit_wallet import CreditWallet, wallet_id
from domain.customer import Customer, customer_id
from domain.errors import Conflict, Fault, Invalid, NotFound
from domain.product import Product
from domain.text import line_faults, text_fault
from domain.time_range import time_fault
from store.event_store import EventStore

MAX_METADATA = 50
UNLIMITED = Decimal("Infinity")


def entry_faults(
    entry_type: str,
    amount: Decimal,
    precision: int,
    expires_at: datetime | None,
    now: datetime,
    reason: str | None,
    idempotency_key: str,
    metadata: dict[str, Any],
) -> list[Fault]:
    faults = credit_amount_faults("amount", amount, precision) + text_fault("reason", reason, prose=True)
    faults += line_faults({"idempotency_key": idempotency_key})
    if entry_type not in ("credit", "debit"):
        faults.append(Fault("entry_type", "must be credit or debit"))
    if expires_at is not None:
        if entry_type != "credit":
            faults.append(Fault("expires_at", "only a credit expires"))
        faults += time_fault("expires_at", expires_at) or (
            [Fault("expires_at", "must be a future time")] if expires_at <= now else []
        )
    if len(metadata) > MAX_METADATA:
        faults.append(Fault("metadata", f"at most {MAX_METADATA} keys"))
    for key, value in metadata.items():
        faults += line_faults({"metadata": key}) + text_fault("metadata", value, prose=True)
        if not 1 <= len(key) <= 40 or (isinstance(value, str) and len(value) > 500):
            faults.append(Fault("metadata", "keys are 1 to 40 characters, values at most 500"))
    return faults


class Entitlements:
    def __init__(self, store: EventStore) -> None:
        self.repository = store.repository
        self.save = store.save
        self.owned = store.owned

    def define(self, business: uuid.UUID, terms: EntitlementTerms) -> Written[uuid.UUID]:
        entitlement = CreditEntitlement.define(business, terms)
        return Written.by(entitlement.id, self.save(entitlement))

    def get(self, business: uuid.UUID, entitlement_id: uuid.UUID) -> CreditEntitlement:
        entitlement: CreditEntitlement = self.owned(business, CreditEntitlement, "credit_entitlement", entitlement_id)
        return entitlement

    def update(self, business: uuid.UUID, entitlement_id: uuid.UUID, changes: dict[str, Any]) -> Written[uuid.UUID]:
        entitlement = self.get(business, entitlement_id)
        entitlement.update(changes)
        return Written.by(entitlement.id, self.save(entitlement))

    def delete(self, business: uuid.UUID, entitlement_id: uuid.UUID) -> Written[uuid.UUID]:
        entitlement = self.get(business, entitlement_id)
        entitlement.delete()
        return Written.by(entitlement.id, self.save(entitlement))

    def undelete(self, business: uuid.UUID, entitlement_id: uuid.UUID) -> Written[uuid.UUID]:
        entitlement = self.get(business, entitlement_id)
        entitlement.undelete()
        return Written.by(entitlement.id, self.save(entitlement))

    def live(self, business: uuid.UUID, ids: list[str]) -> dict[str, EntitlementTerms]:
        """The terms of entitlements a product may name: this business's and not deleted, else faults."""
        found, faults = {}, []
        for index, key in enumerate(ids):
            try:
                entitlement = self.get(business, uuid.UUID(key))
            except (ValueError, NotFound):
                faults.append(Fault("credit_entitlement_id", f"unknown credit entitlement {key}", index))
                continue
            if entitlement.deleted:
                faults.append(Fault("credit_entitlement_id", f"credit entitlement {key} is deleted", index))
            found[key] = entitlement.terms
        if faults:
            raise Invalid("the product names unknown credit entitlements", "unknown_credit_entitlement", faults)
        return found

    def terms_for(self, product: Product) -> dict[str, EntitlementTerms]:
        """Every entitlement the product grants or spends, with the product's overrides applied."""
        base: dict[str, EntitlementTerms] = {
            e: self.repository.get(uuid.UUID(e)).terms for e in product.entitlement_ids()
        }
        return product_terms(product.attachments, base)

    def wallet_of(self, business: uuid.UUID, external_id: str, entitlement: str) -> CreditWallet:
        """The customer's balance of the entitlement, opened (not yet saved) if it has none."""
        customer = customer_id(business, external_id)
        try:
            wallet: CreditWallet = self.repository.get(wallet_id(customer, entitlement))
        except AggregateNotFoundError:
            return CreditWallet(
                business_id=business, customer=customer, customer_id=external_id, entitlement_id=entitlement
            )
        return wallet

    def add_ledger_entry(
        self,
        business: uuid.UUID,
        entitlement_id: uuid.UUID,
        external_id: str,
        entry_type: str,
        amount: Decimal,
        idempotency_key: str | None,
        expires_at: datetime | None,
        reason: str | None,
        metadata: dict[str, Any],
        now: datetime,
    ) -> Written[str]:
        """A credit or a debit by hand. The same key answers the entry it recorded (position 0); the same key
        with another entry is a Conflict; a debit beyond the balance is Invalid unless overage is enabled
        (and within `overage_limit`). A credit repays a deficit first under carry_deficit_auto_repay."""
        terms = self.get(business, entitlement_id).terms
        self.owned(business, Customer, "customer", customer_id(business, external_id))
        key = idempotency_key or uuid.uuid4().hex
        faults = entry_faults(entry_type, amount, terms.precision, expires_at, now, reason, key, metadata)
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the ledger entry", "invalid_ledger_entry", faults)
        for _ in range(RACE_RETRIES):
            wallet = self.wallet_of(business, external_id, str(entitlement_id))
            room = None
            if terms.overage_enabled:
                room = UNLIMITED if terms.overage_limit is None else max(terms.overage_limit - wallet.overage, ZERO)
            if not wallet.adjust(key, entry_type, amount, expires_at, reason, metadata, room):
                return Written(wallet.entries[key]["entry_id"], 0)
            if entry_type == "credit":
                repay_from_balance(wallet, terms, f"request:{key}")
            try:
                return Written.by(wallet.entries[key]["entry_id"], self.save(wallet))
            except IntegrityError:
                continue  # a close or another entry moved the balance on: decide again on its new state
        raise Conflict("the balance kept changing; retry", "wallet_busy")
