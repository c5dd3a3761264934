"""Credit wallet commands: manual grants (idempotent by key) and expiry.

A subscription's grant expires only once every cycle of that subscription that
began before the grant expires is closed (domain/entitlements.awaiting_close):
the expiry job asks the subscriptions as stored, so a close that has not come
yet, however late under load, still finds its cycle's credits."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError

from domain.credit_wallet import CreditWallet, grant_faults, wallet_id
from domain.customer import Customer, customer_id
from domain.cycles import Cycle
from domain.entitlements import awaiting_close
from domain.errors import Conflict, Invalid
from domain.subscription import Subscription
from store.event_store import EventStore

RACE_RETRIES = 5


@dataclass(frozen=True)
class GrantResult:
    """What a grant answers: plain values, never the wallet itself."""

    wallet_id: uuid.UUID
    balance: Decimal
    grant_id: str
    position: int
    granted: bool  # False when the idempotency key had already granted


class Credits:
    def __init__(self, store: EventStore) -> None:
        self.repository = store.repository
        self.save = store.save
        self.owned = store.owned

    def wallet_of(self, business: uuid.UUID, external_id: str) -> CreditWallet:
        """The customer's wallet, opened (not yet saved) if it has none."""
        customer = customer_id(business, external_id)
        try:
            wallet: CreditWallet = self.repository.get(wallet_id(customer))
        except AggregateNotFoundError:
            return CreditWallet(business_id=business, customer=customer, customer_id=external_id)
        return wallet

    def grant_credits(
        self,
        business: uuid.UUID,
        external_id: str,
        amount: Decimal,
        expires_at: datetime | None,
        reason: str | None,
        idempotency_key: str | None,
        now: datetime,
    ) -> GrantResult:
        """A reused idempotency key grants nothing and answers the wallet as it is."""
        self.owned(business, Customer, "customer", customer_id(business, external_id))
        faults = grant_faults(amount, expires_at, now, reason, idempotency_key)
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the grant", "invalid_grant", faults)
        key = idempotency_key or uuid.uuid4().hex
        grant_id = f"manual:{key}"
        reference = f"request:{key}" + (f" ({reason})" if reason else "")
        for _ in range(RACE_RETRIES):
            wallet = self.wallet_of(business, external_id)
            if not wallet.grant(grant_id, amount, "manual", expires_at, reference):
                first = wallet.grants[grant_id]
                if (first["amount"], first["expires_at"]) != (amount, expires_at):
                    raise Conflict(f"idempotency key {key} was used for a different grant", "idempotency_key_reused")
                return GrantResult(wallet.id, wallet.balance, grant_id, 0, False)
            try:
                position = self.save(wallet)[-1].notification.id
                return GrantResult(wallet.id, wallet.balance, grant_id, position, True)
            except IntegrityError:
                continue  # a cycle close or another grant moved the wallet on: decide again on the new state
        raise Conflict("the wallet kept changing; retry", "wallet_busy")

    def open_cycles(self, *known: Subscription) -> Callable[[uuid.UUID], Cycle | None]:
        """Each subscription's open cycle: the `known` ones as they are in memory (a close in progress), the
        others as stored, each read once."""
        subscriptions = {s.id: s for s in known}

        def open_cycle(subscription_id: uuid.UUID) -> Cycle | None:
            if subscription_id not in subscriptions:
                subscriptions[subscription_id] = self.repository.get(subscription_id)
            return subscriptions[subscription_id].open_cycle

        return open_cycle

    def expire_credits(self, wallet_ids: list[uuid.UUID], at: datetime, cycle_grace: timedelta) -> int:
        """Expires what is left of grants due by `at` (a cycle's grants `cycle_grace` later) in these
        wallets, but none that still pays for a cycle not closed yet; answers how many grants expired.
        A close that commits meanwhile also moves the wallet on, so this save then fails and decides again."""
        expired = 0
        for wid in wallet_ids:
            for _ in range(RACE_RETRIES):
                wallet: CreditWallet = self.repository.get(wid)
                kept = awaiting_close(wallet.grants, self.open_cycles())
                due = wallet.expire(at, f"expiry:{at.isoformat()}", cycle_grace, kept)
                try:
                    self.save(wallet)
                except IntegrityError:
                    continue
                expired += len(due)
                break
        return expired
