"""A customer's credit wallet: grants, debits and expiries, each an event an
auditor can follow. One wallet per (customer, credit entitlement): the default
wallet (no entitlement) is the one every price with the old `credits` form
shares; an entitlement's wallet is its balance (docs/credit-entitlements.md).

Debits consume grants soonest-expiring first (grants that never expire last),
then oldest first. The balance never goes negative: what an entitlement lets a
customer use beyond it is owed as `overage`, settled at the close by the
entitlement's overage behaviour. Each ledger transaction type of Dodo's is its
own event here, and each states its ledger line (`effect()`, domain/credit_ledger.py) for the read
model and the webhook alike.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from eventsourcing.domain import Aggregate, event

from domain.credit_ledger import GRANT_TYPES, OVERAGE_REPAYMENT, ZERO, LedgerEffect, LedgerEvent
from domain.credit_rules import Settlement
from domain.errors import Conflict, Fault, Invalid, Refused
from domain.ids import scoped_id
from domain.numbers import bound_faults
from domain.text import line_faults, text_fault
from domain.time_range import time_fault

SOURCES = ("cycle", "manual", "rollover", "api")
# Grants a subscription gives, which wait for the close of their cycle (domain/entitlements.awaiting_close).
# An entitlement's close settles them (rolls over or forfeits); one its close left (the entitlement was
# detached from the product) expires a day after it was due.
SETTLED_AT_CLOSE = ("cycle", "rollover")
ORPHANED_AFTER = timedelta(days=1)


def wallet_id(customer: uuid.UUID, entitlement: str | None = None) -> uuid.UUID:
    return scoped_id(customer, "wallet", entitlement or "default")


def grant_faults(
    amount: Decimal,
    expires_at: datetime | None,
    now: datetime,
    reason: str | None = None,
    idempotency_key: str | None = None,
) -> list[Fault]:
    faults = text_fault("reason", reason, prose=True) + line_faults({"idempotency_key": idempotency_key})
    faults += bound_faults("amount", amount, positive=True)
    expiry_faults = time_fault("expires_at", expires_at)
    if not expiry_faults and expires_at is not None and expires_at <= now:
        expiry_faults.append(Fault("expires_at", "must be a future time"))
    faults += expiry_faults
    return faults


def carried_id(grant_id: str) -> str:
    """A rollover carried on whole keeps its name with a count ("rollover:g" -> "rollover:g@1" -> "…@2"), so a
    long timeframe over short cycles does not nest a prefix per cycle."""
    base, _, carried = grant_id.partition("@")
    return f"{base}@{int(carried or 0) + 1}"


class CreditWallet(Aggregate):
    class Opened(Aggregate.Created):
        business_id: uuid.UUID
        customer: uuid.UUID
        customer_id: str
        entitlement_id: str | None = None

    class CreditsGranted(Aggregate.Event):
        grant_id: str
        amount: Decimal
        source: str
        expires_at: datetime | None
        reference: str

        def effect(self) -> LedgerEffect:
            return LedgerEffect(
                GRANT_TYPES[self.source],
                self.amount,
                True,
                self.amount,
                self.reference,
                grant_id=self.grant_id,
                description=f"{self.source} grant",
            )

    class CreditsDebited(Aggregate.Event):
        amount: Decimal
        cycle: str
        meter_id: str
        reason: str
        reference: str
        allocations: list[dict[str, Any]]
        overage: Decimal = Decimal(0)  # the part beyond the balance, owed as overage

        def effect(self) -> LedgerEffect:
            return LedgerEffect(
                "credit_deducted",
                self.amount,
                False,
                self.overage - self.amount,
                self.reference,
                self.overage,
                description=f"{self.reason} ({self.meter_id}, {self.cycle})",
            )

    class CreditsExpired(Aggregate.Event):
        grant_id: str
        amount: Decimal
        reference: str

        def effect(self) -> LedgerEffect:
            return LedgerEffect(
                "credit_expired",
                self.amount,
                False,
                -self.amount,
                self.reference,
                grant_id=self.grant_id,
                description="expired",
            )

    class CreditsRolledOver(Aggregate.Event):
        grant_id: str  # the new grant
        parent_grant_id: str
        amount: Decimal
        rollover_count: int
        expires_at: datetime | None
        reference: str  # the cycle whose close rolled it
        settles: str  # the cycle whose close settles the new grant

        def effect(self) -> LedgerEffect:
            # The rolled credits were in the balance already: a new grant, the balance unchanged.
            return LedgerEffect(
                "credit_rolled_over",
                self.amount,
                True,
                ZERO,
                self.reference,
                grant_id=self.grant_id,
                description=f"rollover {self.rollover_count} of {self.parent_grant_id}",
            )

    class RolloverForfeited(Aggregate.Event):
        grant_id: str
        amount: Decimal
        reference: str

        def effect(self) -> LedgerEffect:
            return LedgerEffect(
                "rollover_forfeited",
                self.amount,
                False,
                -self.amount,
                self.reference,
                grant_id=self.grant_id,
                description="rollover forfeited",
            )

    class OverageCharged(Aggregate.Event):
        amount: Decimal
        price_per_unit: Decimal
        charge: Decimal
        currency: str
        invoice_id: str
        reference: str

        def effect(self) -> LedgerEffect:
            # The deficit is settled by the invoice: it leaves the overage, towards the customer.
            return LedgerEffect(
                "overage_charged",
                self.amount,
                True,
                ZERO,
                f"invoice:{self.invoice_id}",
                -self.amount,
                description=f"overage charged on invoice {self.invoice_id}",
            )

    class OverageReset(Aggregate.Event):
        amount: Decimal
        reference: str

        def effect(self) -> LedgerEffect:
            return LedgerEffect(
                "overage_reset",
                self.amount,
                True,
                ZERO,
                self.reference,
                -self.amount,
                description="overage forgiven at reset",
            )

    class OverageRepaid(Aggregate.Event):
        amount: Decimal
        allocations: list[dict[str, Any]]
        reference: str

        def effect(self) -> LedgerEffect:
            return LedgerEffect(
                "credit_deducted",
                self.amount,
                False,
                -self.amount,
                self.reference,
                -self.amount,
                description=OVERAGE_REPAYMENT,
            )

    class ManuallyAdjusted(Aggregate.Event):
        entry_id: str
        idempotency_key: str
        entry_type: str  # credit | debit
        amount: Decimal
        expires_at: datetime | None
        allocations: list[dict[str, Any]]
        overage: Decimal
        reason: str | None
        metadata: dict[str, Any]

        def effect(self) -> LedgerEffect:
            credit = self.entry_type == "credit"
            return LedgerEffect(
                "manual_adjustment",
                self.amount,
                credit,
                self.amount if credit else self.overage - self.amount,
                f"request:{self.idempotency_key}",
                self.overage,
                grant_id=self.entry_id if credit else None,
                description=self.reason,
                metadata=self.metadata,
            )

    @staticmethod
    def create_id(customer: uuid.UUID, entitlement_id: str | None = None, **_: object) -> uuid.UUID:
        return wallet_id(customer, entitlement_id)

    @event(Opened)
    def __init__(
        self, business_id: uuid.UUID, customer: uuid.UUID, customer_id: str, entitlement_id: str | None = None
    ) -> None:
        self.business_id = business_id
        self.customer = customer
        self.customer_id = customer_id
        self.entitlement_id = entitlement_id
        # grant id -> {amount, remaining, source, expires_at, reference, order, parent_grant_id, rollover_count,
        # settles}
        self.grants: dict[str, dict[str, Any]] = {}
        self.overage = Decimal(0)
        # idempotency key -> the manual ledger entry it recorded
        self.entries: dict[str, dict[str, Any]] = {}

    @property
    def balance(self) -> Decimal:
        return sum((g["remaining"] for g in self.grants.values()), Decimal(0))

    def spending_order(self) -> list[str]:
        def key(grant_id: str) -> tuple[bool, datetime | None, int]:
            g = self.grants[grant_id]
            return (g["expires_at"] is None, g["expires_at"], g["order"])

        return sorted((gid for gid, g in self.grants.items() if g["remaining"] > 0), key=key)

    def allocate(self, amount: Decimal) -> list[dict[str, Any]]:
        """Which grants pay `amount` (at most the balance), soonest-expiring first."""
        allocations, left = [], min(amount, self.balance)
        for grant_id in self.spending_order():
            if left <= 0:
                break
            take = min(left, self.grants[grant_id]["remaining"])
            allocations.append({"grant_id": grant_id, "amount": take})
            left -= take
        return allocations

    def grant(self, grant_id: str, amount: Decimal, source: str, expires_at: datetime | None, reference: str) -> bool:
        """Grants once per grant id: a repeated id changes nothing and answers False."""
        if grant_id in self.grants:
            return False
        if source not in SOURCES or amount <= 0:
            raise Invalid(f"a grant needs a positive amount and a source in {SOURCES}", "invalid_grant")
        self._granted(grant_id=grant_id, amount=amount, source=source, expires_at=expires_at, reference=reference)
        return True

    def debit(
        self, amount: Decimal, cycle: str, meter_id: str, reason: str, reference: str, overage_allowed: bool = False
    ) -> None:
        """Takes from the balance; beyond it, owes the rest as overage when the entitlement allows it (the
        rating already kept that within `overage_limit`)."""
        if amount <= 0:
            return
        if amount > self.balance and not overage_allowed:
            raise Conflict(f"debit of {amount} exceeds the balance {self.balance}", "insufficient_credits")
        self._debited(
            amount=amount,
            cycle=cycle,
            meter_id=meter_id,
            reason=reason,
            reference=reference,
            allocations=self.allocate(amount),
            overage=max(amount - self.balance, Decimal(0)),
        )

    def expire(
        self, at: datetime, reference: str, cycle_grace: timedelta = timedelta(0), kept: Collection[str] = ()
    ) -> list[str]:
        """Expires what is left of every grant whose expiry is at or before `at`, except the `kept` ones (they
        still pay for a cycle not closed yet); a cycle's grants only `cycle_grace` later. An entitlement's
        cycle and rollover grants are left to the close (`close_period`), which may roll them over, for
        ORPHANED_AFTER more."""

        def due(grant_id: str, grant: dict[str, Any]) -> bool:
            if grant_id in kept:
                return False
            delay = cycle_grace if grant["source"] == "cycle" else timedelta(0)
            if self.entitlement_id is not None and grant["source"] in SETTLED_AT_CLOSE:
                delay = cycle_grace + ORPHANED_AFTER
            return grant["expires_at"] is not None and grant["expires_at"] + delay <= at

        expired = [gid for gid in self.spending_order() if due(gid, self.grants[gid])]
        for grant_id in expired:
            self._expired(grant_id=grant_id, amount=self.grants[grant_id]["remaining"], reference=reference)
        return expired

    def close_period(
        self,
        settles: str,
        rollovers: dict[str, Settlement],
        following: str | None,
        expires_at: datetime | None,
    ) -> None:
        """Settles the grants made for the closing cycle (`settles`) as credit_rules.settlement decided, by
        grant id. The rolled part becomes a new grant (expiring at `expires_at` unless the settlement says
        when) that the close of `following` settles in turn; with no following cycle everything left is
        forfeited."""
        for grant_id, (rolled, forfeited, until, carried) in rollovers.items():
            grant = self.grants[grant_id]
            if following is not None and rolled > 0:
                self._rolled_over(
                    grant_id=carried_id(grant_id) if carried else f"rollover:{grant_id}",
                    parent_grant_id=grant_id,
                    amount=rolled,
                    rollover_count=grant["rollover_count"] + (0 if carried else 1),
                    expires_at=until or expires_at,
                    reference=settles,
                    settles=following,
                )
            else:
                forfeited += rolled
            if forfeited > 0:
                self._forfeited(grant_id=grant_id, amount=forfeited, reference=settles)

    def ending(self, settles: str) -> list[str]:
        """Grants with credits left that the close of cycle `settles` settles, in spending order."""
        return [
            gid
            for gid in self.spending_order()
            if self.grants[gid]["source"] in SETTLED_AT_CLOSE and self.grants[gid]["settles"] == settles
        ]

    def charge_overage(
        self, price_per_unit: Decimal, charge: Decimal, currency: str, invoice_id: str, reference: str
    ) -> None:
        if self.overage > 0:
            self._overage_charged(
                amount=self.overage,
                price_per_unit=price_per_unit,
                charge=charge,
                currency=currency,
                invoice_id=invoice_id,
                reference=reference,
            )

    def reset_overage(self, reference: str) -> None:
        if self.overage > 0:
            self._overage_reset(amount=self.overage, reference=reference)

    def repay_overage(self, amount: Decimal, reference: str) -> None:
        if amount > 0:
            self._overage_repaid(amount=amount, allocations=self.allocate(amount), reference=reference)

    def adjust(
        self,
        idempotency_key: str,
        entry_type: str,
        amount: Decimal,
        expires_at: datetime | None,
        reason: str | None,
        metadata: dict[str, Any],
        overage_room: Decimal | None,
    ) -> bool:
        """A manual ledger entry, once per idempotency key (False when the key already recorded this same
        entry; Conflict when it recorded a different one). A debit beyond the balance is refused unless
        `overage_room` (None: no overage allowed) holds the rest."""
        first = self.entries.get(idempotency_key)
        if first is not None:
            if (first["entry_type"], first["amount"], first["expires_at"]) != (entry_type, amount, expires_at):
                raise Conflict(
                    f"idempotency key {idempotency_key} was used for a different ledger entry", "idempotency_key_reused"
                )
            return False
        overage = Decimal(0)
        if entry_type == "debit" and amount > self.balance:
            overage = amount - self.balance
            if overage_room is None or overage > overage_room:
                raise Refused(
                    f"a debit of {amount} exceeds the balance {self.balance}"
                    + ("" if overage_room is None else f" and the overage allowed ({overage_room})"),
                    "insufficient_credits",
                )
        self._adjusted(
            entry_id=f"api:{idempotency_key}",
            idempotency_key=idempotency_key,
            entry_type=entry_type,
            amount=amount,
            expires_at=expires_at,
            allocations=self.allocate(amount) if entry_type == "debit" else [],
            overage=overage,
            reason=reason,
            metadata=metadata,
        )
        return True

    def _add_grant(
        self,
        grant_id: str,
        amount: Decimal,
        source: str,
        expires_at: datetime | None,
        reference: str,
        parent_grant_id: str | None = None,
        rollover_count: int = 0,
        settles: str | None = None,
    ) -> None:
        self.grants[grant_id] = {
            "amount": amount,
            "remaining": amount,
            "source": source,
            "expires_at": expires_at,
            "reference": reference,
            "order": len(self.grants),
            "parent_grant_id": parent_grant_id,
            "rollover_count": rollover_count,
            "settles": settles if settles is not None else reference,
        }

    def _spend(self, allocations: list[dict[str, Any]]) -> None:
        for allocation in allocations:
            self.grants[allocation["grant_id"]]["remaining"] -= allocation["amount"]

    @event(CreditsGranted)
    def _granted(
        self, grant_id: str, amount: Decimal, source: str, expires_at: datetime | None, reference: str
    ) -> None:
        self._add_grant(grant_id, amount, source, expires_at, reference)

    @event(CreditsDebited)
    def _debited(
        self,
        amount: Decimal,
        cycle: str,
        meter_id: str,
        reason: str,
        reference: str,
        allocations: list[dict[str, Any]],
        overage: Decimal = Decimal(0),
    ) -> None:
        self._spend(allocations)
        self.overage += overage

    @event(CreditsExpired)
    def _expired(self, grant_id: str, amount: Decimal, reference: str) -> None:
        self.grants[grant_id]["remaining"] -= amount

    @event(CreditsRolledOver)
    def _rolled_over(
        self,
        grant_id: str,
        parent_grant_id: str,
        amount: Decimal,
        rollover_count: int,
        expires_at: datetime | None,
        reference: str,
        settles: str,
    ) -> None:
        self.grants[parent_grant_id]["remaining"] -= amount
        self._add_grant(grant_id, amount, "rollover", expires_at, reference, parent_grant_id, rollover_count, settles)

    @event(RolloverForfeited)
    def _forfeited(self, grant_id: str, amount: Decimal, reference: str) -> None:
        self.grants[grant_id]["remaining"] -= amount

    @event(OverageCharged)
    def _overage_charged(
        self, amount: Decimal, price_per_unit: Decimal, charge: Decimal, currency: str, invoice_id: str, reference: str
    ) -> None:
        self.overage -= amount

    @event(OverageReset)
    def _overage_reset(self, amount: Decimal, reference: str) -> None:
        self.overage -= amount

    @event(OverageRepaid)
    def _overage_repaid(self, amount: Decimal, allocations: list[dict[str, Any]], reference: str) -> None:
        self._spend(allocations)
        self.overage -= amount

    @event(ManuallyAdjusted)
    def _adjusted(
        self,
        entry_id: str,
        idempotency_key: str,
        entry_type: str,
        amount: Decimal,
        expires_at: datetime | None,
        allocations: list[dict[str, Any]],
        overage: Decimal,
        reason: str | None,
        metadata: dict[str, Any],
    ) -> None:
        if entry_type == "credit":
            self._add_grant(entry_id, amount, "api", expires_at, f"request:{idempotency_key}")
        self._spend(allocations)
        self.overage += overage
        self.entries[idempotency_key] = {
            "entry_id": entry_id,
            "entry_type": entry_type,
            "amount": amount,
            "expires_at": expires_at,
        }


# The wallet's events that state a ledger line: every one but `Opened`.
LEDGER_EVENTS: tuple[type[LedgerEvent], ...] = tuple(
    cls for cls in vars(CreditWallet).values() if isinstance(cls, type) and hasattr(cls, "effect")
)
