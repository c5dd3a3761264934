"""Audit reads: an aggregate's history and its state at a version or a time,
replayed from the event store, never from a read model."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from eventsourcing.utils import get_topic

from domain.addon import Addon
from domain.credit_entitlement import CreditEntitlement
from domain.credit_wallet import CreditWallet, wallet_id
from domain.customer import Customer, customer_id
from domain.discount import Discount
from domain.errors import Invalid, NotFound
from domain.invoice import Invoice
from domain.invoice_numbering import InvoiceNumbering
from domain.meter import Meter
from domain.money_wallet import MoneyWallet
from domain.product import Product
from domain.simulation import Simulation
from domain.subscription import Subscription
from domain.time_range import check_times
from domain.usage_event import UsageEvent, usage_event_id
from store.event_store import EventStore

# kind -> the aggregate's topic. Kinds addressed by an external key derive their id from it.
KINDS: dict[str, str] = {
    kind: get_topic(aggregate)
    for kind, aggregate in (
        ("customer", Customer),
        ("usage_event", UsageEvent),
        ("meter", Meter),
        ("product", Product),
        ("subscription", Subscription),
        ("invoice", Invoice),
        ("invoice_numbering", InvoiceNumbering),
        ("wallet", CreditWallet),
        ("simulation", Simulation),
        ("credit_entitlement", CreditEntitlement),
        ("addon", Addon),
        ("money_wallet", MoneyWallet),
        ("discount", Discount),
    )
}
ALIASES = {
    "event": "usage_event",
    "usage-event": "usage_event",
    "credit_wallet": "wallet",
    "credit-entitlement": "credit_entitlement",
    "entitlement": "credit_entitlement",
    "add-on": "addon",
    "money-wallet": "money_wallet",
}
_PRIVATE = {"originator_id", "originator_version", "timestamp", "originator_topic"}


@dataclass(frozen=True)
class Entry:
    version: int
    type: str
    recorded_at: datetime
    payload: dict[str, Any]


@dataclass(frozen=True)
class History:
    kind: str
    id: uuid.UUID
    events: list[Entry]
    version: int
    state: dict[str, Any]


class Audit:
    def __init__(self, store: EventStore) -> None:
        self.repository = store.repository
        self.store = store

    def resolve(self, business: uuid.UUID | None, kind: str, key: str) -> tuple[str, uuid.UUID]:
        kind = ALIASES.get(kind, kind)
        if kind not in KINDS:
            raise Invalid(f"unknown kind {kind}; one of {', '.join(KINDS)}", "unknown_kind")
        derive = {
            "customer": customer_id,
            "usage_event": usage_event_id,
            "wallet": lambda b, key: wallet_id(customer_id(b, key)),
        }.get(kind)
        try:
            return kind, uuid.UUID(key)
        except ValueError:
            if derive is None or business is None:
                raise NotFound(kind, key) from None
            return kind, derive(business, key)

    def history(
        self, business: uuid.UUID | None, kind: str, key: str, version: int | None = None, at: datetime | None = None
    ) -> History:
        """Every event of the aggregate and its state at `version`, at time `at`, or now.
        `business` None is the operator's view (CLI): any business's aggregate."""
        check_times(at=at)
        kind, aggregate_id = self.resolve(business, kind, key)
        events: list[Any] = list(self.repository.event_store.get(aggregate_id))
        if not events and kind == "usage_event" and business is not None:
            events = self._logged(business, key)
        owner = getattr(events[0], "business_id", None) if events else None
        if not events or events[0].originator_topic != KINDS[kind] or business not in (None, owner):
            raise NotFound(kind, key)
        if at is not None:
            version = max((e.originator_version for e in events if e.timestamp <= at), default=0)
            if version == 0:
                raise NotFound(kind, f"{key} at {at.isoformat()}")
        version = version or events[-1].originator_version
        if not 1 <= version <= events[-1].originator_version:
            raise Invalid(f"version must be 1 to {events[-1].originator_version}", "invalid_version")
        state = vars(events[0].mutate(None) if version == 1 else self.repository.get(aggregate_id, version=version))
        return History(
            kind=kind,
            id=aggregate_id,
            events=[Entry(e.originator_version, type(e).__qualname__, e.timestamp, _payload(vars(e))) for e in events],
            version=version,
            state={k.lstrip("_"): v for k, v in state.items() if k not in ("_pending_events",)},
        )

    def _logged(self, business: uuid.UUID, event_id: str) -> list[Any]:
        """A usage event's one event, from the usage log (store/usage_log.py)."""
        found = self.store.usage_events(business, [event_id]).get(event_id)
        return [found[1]] if found else []


def _payload(attributes: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in attributes.items() if k not in _PRIVATE}
