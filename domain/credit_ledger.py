"""What a credit wallet's event does to its ledger, stated once, by the event itself (`event.effect()`):
Dodo's `transaction_type`, the transaction's own amount and direction, and how far the balance and the
overage move. The `balances` read model writes it as a ledger line and the `webhooks` outbox sends it as
Dodo's `CreditLedgerEntry`; neither derives it again (docs/credit-entitlements.md, docs/webhooks.md).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Literal, Protocol, get_args

# Dodo's ledger types (`CreditLedgerEntry.transaction_type`). tally records all but `auto_top_up` and
# `refund`; a client may still filter a ledger by them (and finds nothing).
TransactionType = Literal[
    "credit_added",
    "credit_deducted",
    "credit_expired",
    "credit_rolled_over",
    "rollover_forfeited",
    "overage_charged",
    "overage_reset",
    "auto_top_up",
    "manual_adjustment",
    "refund",
]
TRANSACTION_TYPES: tuple[TransactionType, ...] = get_args(TransactionType)

# A grant by its source. A grant someone made by hand (`POST /customers/{id}/credits`, or a ledger entry
# of an entitlement) is Dodo's manual adjustment, in the ledger and in its webhook alike; a cycle's grant
# is Dodo's `credit_added`. The `rollover` source is reserved (docs/credits.md).
GRANT_TYPES: Mapping[str, TransactionType] = MappingProxyType(
    {
        "cycle": "credit_added",
        "manual": "manual_adjustment",
        "api": "manual_adjustment",
        "rollover": "credit_rolled_over",
    }
)

# The description of a repayment of the deficit, which Dodo's ledger shows as the deduction it is, with
# its own `reference_type`.
OVERAGE_REPAYMENT = "overage repayment"

ZERO = Decimal(0)


@dataclass(frozen=True)
class LedgerEffect:
    """One ledger line of a wallet event. `amount` is Dodo's (the transaction's own size, never negative);
    `balance_change` and `overage_change` are signed; `reference` names what caused it as
    `<kind>:<id>` (request, invoice, subscription, expiry)."""

    transaction_type: TransactionType
    amount: Decimal
    is_credit: bool
    balance_change: Decimal
    reference: str
    overage_change: Decimal = ZERO
    grant_id: str | None = None
    description: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)

    @property
    def reference_parts(self) -> tuple[str | None, str | None]:
        return reference_parts(self.reference, self.description)


def reference_parts(reference: str, description: str | None) -> tuple[str | None, str | None]:
    """Dodo's (`reference_type`, `reference_id`) of a ledger line's reference."""
    kind, _, identifier = reference.partition(":")
    if description == OVERAGE_REPAYMENT:
        kind = "overage_repayment"
    return kind or None, identifier or None


class LedgerEvent(Protocol):
    """A wallet event that writes a ledger line (CreditWallet's LEDGER_EVENTS)."""

    @property
    def originator_id(self) -> uuid.UUID: ...

    @property
    def originator_version(self) -> int: ...

    @property
    def timestamp(self) -> datetime: ...

    def effect(self) -> LedgerEffect: ...
