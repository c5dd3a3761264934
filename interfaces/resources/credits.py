"""Credit wallets: a manual grant's body and answer, and the wallet as both interfaces read it."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated

import msgspec

from application.tally import Tally
from domain.credit_wallet import wallet_id
from domain.customer import Customer
from domain.customer import customer_id as customer_uuid
from interfaces.resources.entitlements import BALANCES
from interfaces.resources.freshness import Fresh
from projections.balances.credit_queries import CreditsView
from projections.reads.queries import Queries

Text = Annotated[str, msgspec.Meta(min_length=1, max_length=255)]


class CreditGrant(msgspec.Struct, forbid_unknown_fields=True):
    amount: Decimal
    expires_at: Annotated[datetime, msgspec.Meta(tz=True)] | None = None
    reason: Text | None = None
    idempotency_key: Text | None = None


class Granted(msgspec.Struct):
    customer_id: str
    wallet_id: str
    grant_id: str
    balance: str
    granted: bool
    position: int


def credits_for(
    tally: Tally,
    queries: Queries,
    fresh: Fresh,
    business: uuid.UUID,
    customer_id: str,
    page_number: int = 0,
    page_size: int = 100,
) -> CreditsView:
    """The wallet with every movement recorded so far (503 while the read model is behind)."""
    customer = customer_uuid(business, customer_id)
    tally.store.owned(business, Customer, "customer", customer)
    fresh.include(tally.store.position_of(wallet_id(customer)), BALANCES)
    return queries.credits(business, customer_id, page_number, page_size)
