"""The audit explanation of any of the business's aggregates: its events and its state at a version."""

from __future__ import annotations

import uuid

from litestar import get
from litestar.params import Parameter
from litestar.response import Template

from application.tally import Tally


@get("/audit/{kind:str}/{key:str}", sync_to_thread=True)
def audit_page(
    kind: str, key: str, tally: Tally, business: uuid.UUID, version: int | None = Parameter(default=None, ge=1)
) -> Template:
    """Every event in order and the state they add up to, at `version` or now, titled with the aggregate's
    human name (an invoice's number, a name, a customer's id) where it has one."""
    history = tally.audit.history(business, kind, key, version=version)
    state = history.state
    named = state.get("number") or state.get("name") or state.get("customer_id") or key
    return Template("audit.html", context={"history": history, "key": key, "named": str(named)})


HANDLERS = [audit_page]
