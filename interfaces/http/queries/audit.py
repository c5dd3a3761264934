"""Audit: any aggregate's events and its state at a version or time, from the event store."""
from __future__ import annotations

import uuid
from datetime import datetime

from litestar import get
from litestar.params import Parameter

from application.audit import History
from application.tally import Tally


@get("/audit/{kind:str}/{key:str}", sync_to_thread=True, tags=["audit"])
def audit_history(kind: str, key: str, tally: Tally, business: uuid.UUID,
                  version: int | None = Parameter(default=None, ge=1),
                  at: datetime | None = None) -> History:
    """The aggregate's events in order (version, type, recorded time, payload) and its state at `version`, at time
    `at` (RFC 3339), or now. Kinds: customer, usage_event, meter, product, subscription, invoice, wallet. Customers
    and usage events may be addressed by their external ids, wallets by their customer's external id."""
    return tally.history(business, kind, key, version=version, at=at)


HANDLERS = [audit_history]
