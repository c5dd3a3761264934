"""A customer's credit wallet: grants, debits and expiries, each an event an
auditor can follow. One wallet per customer, shared by every price with credits.

Debits consume grants soonest-expiring first (grants that never expire last),
then oldest first. The balance never goes negative.
"""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from eventsourcing.domain import Aggregate, event

from domain.errors import Conflict, Fault, Invalid
from domain.ids import scoped_id
from domain.money import MAX_PRICE_PLACES, places
from domain.text import line_faults, text_fault
from domain.time_range import time_fault

SOURCES = ("cycle", "manual", "rollover")
MAX_GRANT = Decimal("1e15")


def wallet_id(customer: uuid.UUID) -> uuid.UUID:
    return scoped_id(customer, "wallet", "default")


def grant_faults(amount: Decimal, expires_at: datetime | None, now: datetime, reason: str | None = None,
                 idempotency_key: str | None = None) -> list[Fault]:
    faults = text_fault("reason", reason, prose=True) + line_faults({"idempotency_key": idempotency_key})
    if not amount.is_finite() or amount <= 0 or amount > MAX_GRANT:
        faults.append(Fault("amount", "must be greater than 0 and at most 1e15"))
    elif places(amount) > MAX_PRICE_PLACES:
        faults.append(Fault("amount", f"must have at most {MAX_PRICE_PLACES} decimal places"))
    expiry_faults = time_fault("expires_at", expires_at)
    if not expiry_faults and expires_at is not None and expires_at <= now:
        expiry_faults.append(Fault("expires_at", "must be a future time"))
    faults += expiry_faults
    return faults


class CreditWallet(Aggregate):
    class Opened(Aggregate.Created):
        business_id: uuid.UUID
        customer: uuid.UUID
        customer_id: str

    class CreditsGranted(Aggregate.Event):
        grant_id: str
        amount: Decimal
        source: str
        expires_at: datetime | None
        reference: str

    class CreditsDebited(Aggregate.Event):
        amount: Decimal
        cycle: str
        meter_id: str
        reason: str
        reference: str
        allocations: list[dict[str, Any]]

    class CreditsExpired(Aggregate.Event):
        grant_id: str
        amount: Decimal
        reference: str

    @staticmethod
    def create_id(customer: uuid.UUID, **_: object) -> uuid.UUID:
        return wallet_id(customer)

    @event(Opened)
    def __init__(self, business_id: uuid.UUID, customer: uuid.UUID, customer_id: str) -> None:
        self.business_id = business_id
        self.customer = customer
        self.customer_id = customer_id
        # grant id -> {amount, remaining, source, expires_at, reference, order}
        self.grants: dict[str, dict[str, Any]] = {}

    @property
    def balance(self) -> Decimal:
        return sum((g["remaining"] for g in self.grants.values()), Decimal(0))

    def spending_order(self) -> list[str]:
        def key(grant_id: str) -> tuple[bool, datetime | None, int]:
            g = self.grants[grant_id]
            return (g["expires_at"] is None, g["expires_at"], g["order"])
        return sorted((gid for gid, g in self.grants.items() if g["remaining"] > 0), key=key)

    def grant(self, grant_id: str, amount: Decimal, source: str, expires_at: datetime | None,
              reference: str) -> bool:
        """Grants once per grant id: a repeated id changes nothing and answers False."""
        if grant_id in self.grants:
            return False
        if source not in SOURCES or amount <= 0:
            raise Invalid(f"a grant needs a positive amount and a source in {SOURCES}", "invalid_grant")
        self._granted(grant_id=grant_id, amount=amount, source=source, expires_at=expires_at, reference=reference)
        return True

    def debit(self, amount: Decimal, cycle: str, meter_id: str, reason: str, reference: str) -> None:
        if amount <= 0:
            return
        if amount > self.balance:
            raise Conflict(f"debit of {amount} exceeds the balance {self.balance}", "insufficient_credits")
        allocations, left = [], amount
        for grant_id in self.spending_order():
            take = min(left, self.grants[grant_id]["remaining"])
            allocations.append({"grant_id": grant_id, "amount": take})
            left -= take
            if left == 0:
                break
        self._debited(amount=amount, cycle=cycle, meter_id=meter_id, reason=reason, reference=reference,
                      allocations=allocations)

    def expire(self, at: datetime, reference: str, cycle_grace: timedelta = timedelta(0)) -> list[str]:
        """Expires what is left of every grant whose expiry is at or before `at`; a cycle's grants only
        `cycle_grace` later, so a cycle that closes within its grace can still spend them."""
        def due(grant: dict[str, Any]) -> bool:
            delay = cycle_grace if grant["source"] == "cycle" else timedelta(0)
            return grant["expires_at"] is not None and grant["expires_at"] + delay <= at
        expired = [gid for gid in self.spending_order() if due(self.grants[gid])]
        for grant_id in expired:
            self._expired(grant_id=grant_id, amount=self.grants[grant_id]["remaining"], reference=reference)
        return expired

    @event(CreditsGranted)
    def _granted(self, grant_id: str, amount: Decimal, source: str, expires_at: datetime | None,
                 reference: str) -> None:
        self.grants[grant_id] = {"amount": amount, "remaining": amount, "source": source, "expires_at": expires_at,
                                 "reference": reference, "order": len(self.grants)}

    @event(CreditsDebited)
    def _debited(self, amount: Decimal, cycle: str, meter_id: str, reason: str, reference: str,
                 allocations: list[dict[str, Any]]) -> None:
        for allocation in allocations:
            self.grants[allocation["grant_id"]]["remaining"] -= allocation["amount"]

    @event(CreditsExpired)
    def _expired(self, grant_id: str, amount: Decimal, reference: str) -> None:
        self.grants[grant_id]["remaining"] -= amount
