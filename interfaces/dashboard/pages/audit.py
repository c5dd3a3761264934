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
    """Every event in order and the state they add up to, at `version` or now."""
    history = tally.audit.history(business, kind, key, version=version)
    return Template("audit.html", context={"history": history, "key": key})


HANDLERS = [audit_page]
