"""Credit entitlements: the list, and a customer's balance of one with its grants and ledger."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Any
from urllib.parse import quote

from litestar import get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body
from litestar.response import Redirect, Template

from application.tally import Tally
from domain.credit_rules import EntitlementTerms
from domain.errors import Invalid, TallyError
from interfaces.dashboard.forms import parse_time, problems, struct_from, with_checkboxes
from interfaces.resources.entitlements import EntitlementCreate, LedgerEntryCreate, balance_fresh, balances_fresh
from interfaces.resources.freshness import Fresh
from interfaces.resources.paging import PageNumber
from projections.reads.queries import Queries

Form = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.URL_ENCODED)]
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
    """Credit entitlements newest first (deleted ones on request), and the form that defines one."""
    balances_fresh(tally, fresh)
    return _list(queries, business, deleted, page_number, {"precision": "0"}, [])


def _list(
    queries: Queries,
    business: uuid.UUID,
    deleted: bool,
    page_number: int,
    form: dict[str, Any],
    errors: list[str],
    status_code: int = 200,
) -> Template:
    page = queries.entitlements.entitlements(business, deleted, page_number, PAGE_SIZE)
    return Template(
        "entitlements.html",
        status_code=status_code,
        context={"page": page, "deleted": deleted, "form": form, "errors": errors},
    )


@post("/credit-entitlements", sync_to_thread=True, status_code=303)
def define(tally: Tally, queries: Queries, business: uuid.UUID, data: Form) -> Template | Redirect:
    """Defines an entitlement with `POST /credit-entitlements`' body and rules."""
    try:
        body = struct_from(with_checkboxes(data, "overage_enabled", "rollover_enabled"), EntitlementCreate)
        done = tally.entitlements.define(business, EntitlementTerms.from_terms(body.given()))
    except Invalid as exc:
        return _list(queries, business, False, 0, data, problems(exc), 422)
    return Redirect(f"/dashboard/credit-entitlements?min_position={done.position}", status_code=303)


@get("/customers/{customer_id:str}/credit-entitlements/{entitlement_id:uuid}", sync_to_thread=True)
def balance_page(
    customer_id: str, entitlement_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID, fresh: Fresh
) -> Template:
    """One customer's balance of one entitlement: balance and overage, every grant, the newest ledger lines, and
    the form that credits or debits it by hand."""
    balance_fresh(tally, fresh, business, entitlement_id, customer_id)
    return _balance(customer_id, entitlement_id, queries, business, {"entry_type": "credit"}, [])


def _balance(
    customer_id: str,
    entitlement_id: uuid.UUID,
    queries: Queries,
    business: uuid.UUID,
    form: dict[str, Any],
    errors: list[str],
    status_code: int = 200,
) -> Template:
    reads, key = queries.entitlements, str(entitlement_id)
    ledger = reads.ledger(business, key, customer_id, None, None, None, 0, LEDGER)
    invoiced = [line.reference_id for line in ledger.items if line.reference_type == "invoice" and line.reference_id]
    return Template(
        "entitlement_balance.html",
        status_code=status_code,
        context={
            "form": form,
            "errors": errors,
            "customer_id": customer_id,
            "entitlement": reads.entitlement(business, entitlement_id),
            "balance": reads.balance(business, key, customer_id, datetime.now(UTC)),
            "grants": reads.grants(business, key, customer_id, None, 0, LEDGER).items,
            "ledger": ledger,
            "invoice_numbers": queries.invoice_numbers(business, invoiced),
        },
    )


@post(
    "/customers/{customer_id:str}/credit-entitlements/{entitlement_id:uuid}/ledger-entries",
    sync_to_thread=True,
    status_code=303,
)
def add_ledger_entry(
    customer_id: str, entitlement_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID, data: Form
) -> Template | Redirect:
    """A manual credit or debit, as `POST .../ledger-entries` makes it (a debit beyond the balance is refused
    unless the entitlement allows overage)."""
    try:
        expires = parse_time(data.get("expires_at"), "expires_at")
        body = struct_from({**data, "expires_at": expires.isoformat() if expires else None}, LedgerEntryCreate)
        done = tally.entitlements.add_ledger_entry(
            business,
            entitlement_id,
            customer_id,
            body.entry_type,
            body.amount,
            body.idempotency_key,
            body.expires_at,
            body.reason,
            {},
            datetime.now(UTC),
        )
    except TallyError as exc:
        return _balance(customer_id, entitlement_id, queries, business, data, problems(exc), 422)
    path = f"/dashboard/customers/{quote(customer_id, safe='')}/credit-entitlements/{entitlement_id}"
    return Redirect(f"{path}?min_position={done.position}", status_code=303)


HANDLERS = [entitlements_page, define, balance_page, add_ledger_entry]
