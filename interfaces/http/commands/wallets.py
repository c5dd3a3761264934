"""Money wallet ledger entries (Dodo's `POST /customers/{id}/wallets/ledger-entries`) and top-up settings."""

from __future__ import annotations

import uuid

from litestar import patch, post

from application.tally import Tally
from application.wallets import from_minor_units
from interfaces.resources.credits import WalletEntryCreate, WalletSettings, WalletView, wallet_view


class WalletCommands:
    """The commands half of a resource's controller (interfaces/http/controllers.py)."""

    @post(
        "/ledger-entries",
        operation_id="CreateWalletLedgerEntry",
        sync_to_thread=True,
        status_code=200,
        opt={"problems": (409,)},
    )
    def create_ledger_entry(
        self, customer_id: str, data: WalletEntryCreate, tally: Tally, business: uuid.UUID
    ) -> WalletView:
        """Credit or debit the customer's wallet in `currency` by `amount` in its minor units (2500 is 25.00
        USD); answers the wallet after it. A resent `idempotency_key` applies once (with another entry it is a
        409 `idempotency_key_reused`); a debit past the balance is a 409 `insufficient_funds`, nothing stored."""
        wallet = tally.wallets.add_entry(
            business,
            customer_id,
            data.currency,
            data.entry_type,
            from_minor_units(data.amount, data.currency),
            data.reason,
            data.idempotency_key,
        )
        return wallet_view(wallet)

    @patch(
        "/{currency:str}",
        operation_id="UpdateWallet",
        sync_to_thread=True,
    )
    def update_wallet(
        self, customer_id: str, currency: str, data: WalletSettings, tally: Tally, business: uuid.UUID
    ) -> WalletView:
        """Set when tally asks for a top-up (tally's own): `auto_top_up {below, amount}` in the currency's units
        ("5.00"), or null to stop. When the balance falls below `below`, webhook `wallet.top_up_requested
        {amount}` fires once, until a credit brings the balance to `below` or above again. tally collects no
        money: charge your processor and post the credit (a ledger entry)."""
        top_up = data.auto_top_up
        wallet = tally.wallets.set_auto_top_up(
            business, customer_id, currency, top_up.below if top_up else None, top_up.amount if top_up else None
        )
        return wallet_view(wallet)
