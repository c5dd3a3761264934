"""Credit entitlements as the API shows them (Dodo's shapes, projections/balances/entitlement_queries.py), built
from the aggregate for answers that cannot wait for the read model."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import msgspec

from domain.credit_entitlement import CreditEntitlement
from projections.balances.entitlement_queries import CreditEntitlementView, entitlement_view


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
