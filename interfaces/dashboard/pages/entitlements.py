"""Credit entitlements: the list, and a customer's balance of one with its grants and ledger."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from litestar import get
from litestar.response import Template

from application.tally import Tally
from interfaces.resources.entitlements import balance_fresh, balances_fresh
from interfaces.resources.freshness import Fresh
from interfaces.resources.paging import PageNumber
from projections.reads.queries import Queries

PAGE_SIZE = 50
LEDGER = 100


@get("/credit-entitlements", sync_to_thread=True)
def entitlements_page(
    tally: Tally,
    queries: Queries,
    business: uuid.UUID,
    fresh: Fresh,
    page_number: PageNumber = 0,
    deleted: bool = False,
) -> Template:
    """Credit entitlements newest first (deleted ones on request); they are defined through the API."""
    balances_fresh(tally, fresh)
    page = queries.entitlements.entitlements(business, deleted, page_number, PAGE_SIZE)
    return Template("entitlements.html", context={"page": page, "deleted": deleted})


@get("/customers/{customer_id:str}/credit-entitlements/{entitlement_id:uuid}", sync_to_thread=True)
def balance_page(
    customer_id: str, entitlement_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID, fresh: Fresh
) -> Template:
    """One customer's balance of one entitlement: balance and overage, every grant, the newest ledger lines."""
    balance_fresh(tally, fresh, business, entitlement_id, customer_id)
    reads, key = queries.entitlements, str(entitlement_id)
    ledger = reads.ledger(business, key, customer_id, None, None, None, 0, LEDGER)
    invoiced = [line.reference_id for line in ledger.items if line.reference_type == "invoice" and line.reference_id]
    return Template(
        "entitlement_balance.html",
        context={
            "customer_id": customer_id,
            "entitlement": reads.entitlement(business, entitlement_id),
            "balance": reads.balance(business, key, customer_id, datetime.now(UTC)),
            "grants": reads.grants(business, key, customer_id, None, 0, LEDGER).items,
            "ledger": ledger,
            "invoice_numbers": queries.invoice_numbers(business, invoiced),
        },
    )


HANDLERS = [entitlements_page, balance_page]
