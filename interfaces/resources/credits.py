"""Credit wallets: a manual grant's body and answer, and the wallet as both interfaces read it; money wallets
in Dodo's shapes."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Literal

import msgspec

from application.tally import Tally
from domain.credit_wallet import wallet_id
from domain.customer import Customer
from domain.customer import customer_id as customer_uuid
from domain.money import MINOR_UNITS, money
from domain.money_wallet import MoneyWallet
from interfaces.resources.entitlements import BALANCES
from interfaces.resources.freshness import Fresh
from projections.balances.credit_queries import CreditsView
from projections.balances.wallet_queries import WalletRow
from projections.reads.pages import PageOf, paged
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


# Money wallets (Dodo's customer wallets, docs/wallets.md): amounts in the currency's minor units, as Dodo's
# types say.


class WalletEntryCreate(msgspec.Struct, forbid_unknown_fields=True):
    amount: int  # minor units: 2500 is 25.00 USD
    currency: Annotated[str, msgspec.Meta(min_length=1, max_length=10)]
    entry_type: Literal["credit", "debit"]
    idempotency_key: Text | None = None
    reason: Text | None = None


class TopUp(msgspec.Struct, forbid_unknown_fields=True):
    """tally's own: decimal strings in the currency's units ("5.00")."""

    below: Decimal
    amount: Decimal


class WalletSettings(msgspec.Struct, forbid_unknown_fields=True):
    auto_top_up: TopUp | None


class TopUpView(msgspec.Struct):
    below: str
    amount: str


class WalletView(msgspec.Struct):
    """Dodo's `CustomerWallet`, with tally's id of the wallet (its audit history: /audit/money_wallet/{id}) and
    its top-up setting."""

    balance: int
    created_at: datetime
    currency: str
    customer_id: str
    updated_at: datetime
    id: str
    auto_top_up: TopUpView | None = None


class WalletsView(msgspec.Struct):
    """Dodo's `WalletListResponse`. tally converts no currencies: `total_balance_usd` is the USD wallet's."""

    items: list[WalletView]
    total_balance_usd: int


class WalletEntryView(msgspec.Struct):
    """Dodo's `CustomerWalletTransaction`; `reference_object_id` is the invoice a payment or its reversal
    concerns."""

    id: str
    after_balance: int
    amount: int
    before_balance: int
    business_id: str
    created_at: datetime
    currency: str
    customer_id: str
    event_type: str
    is_credit: bool
    reason: str | None
    reference_object_id: str | None


def minor_units(amount: Decimal, currency: str) -> int:
    return int(amount.scaleb(MINOR_UNITS[currency]))


def wallet_view(wallet: MoneyWallet | WalletRow) -> WalletView:
    if isinstance(wallet, MoneyWallet):
        created, updated = wallet.created_on, wallet.modified_on
    else:
        created, updated = wallet.created_at, wallet.updated_at
    below, amount = wallet.top_up_below, wallet.top_up_amount
    return WalletView(
        minor_units(wallet.balance, wallet.currency),
        created,
        wallet.currency,
        wallet.customer_id,
        updated,
        str(wallet.id),
        TopUpView(str(money(below, wallet.currency)), str(money(amount, wallet.currency)))
        if below is not None and amount is not None
        else None,
    )


def wallets_for(queries: Queries, tally: Tally, business: uuid.UUID, customer_id: str) -> WalletsView:
    tally.store.owned(business, Customer, "customer", customer_uuid(business, customer_id))
    items = [wallet_view(w) for w in queries.money_wallets(business, customer_id)]
    return WalletsView(items, sum(w.balance for w in items if w.currency == "USD"))


def wallet_entries_for(
    queries: Queries,
    tally: Tally,
    business: uuid.UUID,
    customer_id: str,
    currency: str | None,
    page_number: int,
    page_size: int,
) -> PageOf[WalletEntryView]:
    tally.store.owned(business, Customer, "customer", customer_uuid(business, customer_id))
    rows = queries.wallet_entries(business, customer_id, currency, page_number * page_size, page_size + 1)
    views = [
        WalletEntryView(
            f"{r.wallet_id}:{r.position}",
            minor_units(r.balance_after, r.currency),
            minor_units(r.amount, r.currency),
            minor_units(r.balance_before, r.currency),
            str(r.business_id),
            r.at,
            r.currency,
            r.customer_id,
            r.event_type,
            r.is_credit,
            r.reason,
            r.reference,
        )
        for r in rows
    ]
    return paged(views, page_number, page_size)
