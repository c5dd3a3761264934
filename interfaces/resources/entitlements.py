"""Credit entitlements (Dodo's `/credit-entitlements`): the bodies of its commands, what they answer (Dodo's
shapes, projections/balances/entitlement_queries.py; built from the aggregate for answers that cannot wait for
the read model), and the wait every balance read makes first."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

import msgspec

from application.tally import Tally
from domain.credit_entitlement import CreditEntitlement
from domain.credit_wallet import wallet_id
from domain.customer import Customer
from domain.customer import customer_id as customer_uuid
from interfaces.resources.freshness import Fresh
from projections.balances.entitlement_queries import CreditEntitlementView, entitlement_view

BALANCES = ["balances"]
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
    """Dodo requires `rollover_enabled`; tally takes its absence as false (no rollover), what it means anyway."""

    name: Name
    unit: Unit
    precision: Count
    overage_enabled: bool
    rollover_enabled: bool = False


class LedgerEntryCreate(msgspec.Struct, forbid_unknown_fields=True):
    amount: Decimal
    entry_type: Literal["credit", "debit"]
    expires_at: Annotated[datetime, msgspec.Meta(tz=True)] | None = None
    idempotency_key: Key | None = None
    metadata: dict[Annotated[str, msgspec.Meta(max_length=40)], MetadataValue] | None = None
    reason: Prose | None = None


class LedgerEntryWritten(msgspec.Struct):
    """Dodo's BalanceCreateLedgerEntryResponse, with the log position it was written at."""

    id: str
    amount: str
    balance_after: str
    balance_before: str
    created_at: datetime
    credit_entitlement_id: str
    customer_id: str
    entry_type: str
    is_credit: bool
    metadata: dict[str, Any]
    overage_after: str
    overage_before: str
    grant_id: str | None
    reason: str | None
    transaction_type: str
    position: int


def entitlement_view_of(e: CreditEntitlement) -> CreditEntitlementView:
    return entitlement_view(
        {
            "id": e.id,
            "business_id": e.business_id,
            "terms": e.terms.terms(),
            "deleted": e.deleted,
            "created_at": e.created_on,
            "updated_at": e.modified_on,
        }
    )


def balances_fresh(tally: Tally, fresh: Fresh) -> None:
    """Waits until the balances read model includes every write recorded before the request."""
    fresh.include(tally.store.head(), BALANCES)


def balance_fresh(
    tally: Tally, fresh: Fresh, business: uuid.UUID, entitlement: uuid.UUID | None, customer_id: str
) -> None:
    """404 for a foreign or unknown entitlement or customer; then waits until the balance's history (every
    balance of the customer's, without an entitlement) is read."""
    customer = customer_uuid(business, customer_id)
    tally.store.owned(business, Customer, "customer", customer)
    if entitlement is None:
        balances_fresh(tally, fresh)
        return
    tally.entitlements.get(business, entitlement)
    fresh.include(tally.store.position_of(wallet_id(customer, str(entitlement))), BALANCES)
