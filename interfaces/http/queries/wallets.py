"""Money wallets and their ledger (Dodo's `GET /customers/{id}/wallets` and `.../wallets/ledger-entries`)."""

from __future__ import annotations

import uuid

from litestar import get

from application.tally import Tally
from interfaces.resources.credits import WalletEntryView, WalletsView, wallet_entries_for, wallets_for
from interfaces.resources.freshness import Fresh
from interfaces.resources.paging import PageNumber, PageSize
from projections.reads.pages import PageOf
from projections.reads.queries import Queries


class WalletQueries:
    """The queries half of a resource's controller (interfaces/http/controllers.py)."""

    @get(operation_id="ListWallets", sync_to_thread=True)
    def wallets(
        self, customer_id: str, tally: Tally, queries: Queries, business: uuid.UUID, fresh: Fresh
    ) -> WalletsView:
        """The customer's wallets, one per currency, balances in minor units."""
        return wallets_for(queries, tally, business, customer_id)

    @get("/ledger-entries", operation_id="ListWalletLedgerEntries", sync_to_thread=True)
    def ledger_entries(
        self,
        customer_id: str,
        tally: Tally,
        queries: Queries,
        business: uuid.UUID,
        fresh: Fresh,
        currency: str | None = None,
        page_size: PageSize = 10,
        page_number: PageNumber = 0,
    ) -> PageOf[WalletEntryView]:
        """The entries of the customer's wallets (of one `currency`'s when given), newest first, with the
        balance before and after each; a payment's `reference_object_id` is the invoice it paid."""
        return wallet_entries_for(queries, tally, business, customer_id, currency, page_number, page_size)
