"""Credit entitlement queries (Dodo's `/credit-entitlements` and `/customers/{id}/credit-entitlements`):
every balance read includes each movement of that balance recorded before the request."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from typing import Annotated, Literal

from litestar import get
from litestar.params import Parameter

from application.tally import Tally
from domain.credit_ledger import TransactionType
from domain.errors import NotFound
from domain.time_range import check_times
from interfaces.resources.entitlements import BALANCES, balance_fresh, balances_fresh
from interfaces.resources.freshness import Fresh
from interfaces.resources.paging import PageNumber, PageSize
from projections.balances.entitlement_queries import (
    BalanceView,
    CreditEntitlementView,
    CustomerEntitlements,
    GrantView,
    LedgerEntryView,
)
from projections.reads.pages import PageOf
from projections.reads.queries import Queries

CustomerId = Annotated[str, Parameter(min_length=1, max_length=255)]


class EntitlementQueries:
    """The queries half of a resource's controller (interfaces/http/controllers.py)."""

    @get(operation_id="ListCreditEntitlements", sync_to_thread=True)
    def entitlements(
        self,
        tally: Tally,
        queries: Queries,
        business: uuid.UUID,
        fresh: Fresh,
        deleted: bool = False,
        page_size: PageSize = 10,
        page_number: PageNumber = 0,
    ) -> PageOf[CreditEntitlementView]:
        """Credit entitlements, newest first; `deleted=true` lists the deleted ones. Includes every change
        recorded before the request (Dodo's clients send no `min_position`)."""
        balances_fresh(tally, fresh)
        return queries.entitlements.entitlements(business, deleted, page_number, page_size)

    @get("/{entitlement_id:uuid}", operation_id="GetCreditEntitlement", sync_to_thread=True)
    def entitlement(
        self, entitlement_id: uuid.UUID, tally: Tally, business: uuid.UUID, queries: Queries, fresh: Fresh
    ) -> CreditEntitlementView:
        """One credit entitlement (deleted ones too, with `deleted: true`)."""
        tally.entitlements.get(business, entitlement_id)
        fresh.include(tally.store.position_of(entitlement_id), BALANCES)
        found = queries.entitlements.entitlement(business, entitlement_id)
        if found is None:
            raise NotFound("credit_entitlement", entitlement_id)
        return found

    @get("/{entitlement_id:uuid}/balances", operation_id="ListCreditBalances", sync_to_thread=True)
    def balances(
        self,
        entitlement_id: uuid.UUID,
        tally: Tally,
        queries: Queries,
        business: uuid.UUID,
        fresh: Fresh,
        customer_id: CustomerId | None = None,
        page_size: PageSize = 10,
        page_number: PageNumber = 0,
    ) -> PageOf[BalanceView]:
        """Every customer's balance of the entitlement (or one customer's), newest first."""
        tally.entitlements.get(business, entitlement_id)
        balances_fresh(tally, fresh)
        return queries.entitlements.balances(business, str(entitlement_id), customer_id, page_number, page_size)

    @get("/{entitlement_id:uuid}/balances/{customer_id:str}", operation_id="GetCreditBalance", sync_to_thread=True)
    def balance(
        self,
        entitlement_id: uuid.UUID,
        customer_id: str,
        tally: Tally,
        queries: Queries,
        business: uuid.UUID,
        fresh: Fresh,
    ) -> BalanceView:
        """The customer's `balance` (credits left) and `overage` (credits owed beyond it) of the entitlement."""
        balance_fresh(tally, fresh, business, entitlement_id, customer_id)
        return queries.entitlements.balance(business, str(entitlement_id), customer_id, datetime.now(timezone.utc))

    @get(
        "/{entitlement_id:uuid}/balances/{customer_id:str}/grants", operation_id="ListCreditGrants", sync_to_thread=True
    )
    def grants(
        self,
        entitlement_id: uuid.UUID,
        customer_id: str,
        tally: Tally,
        queries: Queries,
        business: uuid.UUID,
        fresh: Fresh,
        status: Literal["active", "expired", "depleted"] | None = None,
        page_size: PageSize = 10,
        page_number: PageNumber = 0,
    ) -> PageOf[GrantView]:
        """The customer's grants of the entitlement, newest first: `active` (credits left), `expired` (ended:
        expired, rolled over or forfeited) or `depleted` (spent)."""
        balance_fresh(tally, fresh, business, entitlement_id, customer_id)
        return queries.entitlements.grants(business, str(entitlement_id), customer_id, status, page_number, page_size)

    @get(
        "/{entitlement_id:uuid}/balances/{customer_id:str}/ledger", operation_id="ListCreditLedger", sync_to_thread=True
    )
    def ledger(
        self,
        entitlement_id: uuid.UUID,
        customer_id: str,
        tally: Tally,
        queries: Queries,
        business: uuid.UUID,
        fresh: Fresh,
        transaction_type: TransactionType | None = None,
        start_date: datetime | None = None,
        end_date: datetime | None = None,
        page_size: PageSize = 10,
        page_number: PageNumber = 0,
    ) -> PageOf[LedgerEntryView]:
        """The ledger of the customer's balance, newest first, with Dodo's transaction types; filtered by
        type and by time (`start_date` inclusive, `end_date` exclusive)."""
        check_times(start_date=start_date, end_date=end_date)
        balance_fresh(tally, fresh, business, entitlement_id, customer_id)
        return queries.entitlements.ledger(
            business, str(entitlement_id), customer_id, transaction_type, start_date, end_date, page_number, page_size
        )


class CustomerEntitlementQueries:
    """Joined into the customers controller (its path)."""

    @get("/{customer_id:str}/credit-entitlements", operation_id="ListCustomerCreditEntitlements", sync_to_thread=True)
    def customer_entitlements(
        self, customer_id: str, tally: Tally, queries: Queries, business: uuid.UUID, fresh: Fresh
    ) -> CustomerEntitlements:
        """Every credit entitlement the customer holds a balance of, with its `balance` and `overage`."""
        balance_fresh(tally, fresh, business, None, customer_id)
        return queries.entitlements.of_customer(business, customer_id)
