"""Audit: any aggregate's events and its state at a version or time, from the event store."""

from __future__ import annotations

import uuid
from datetime import datetime

from litestar import get
from litestar.params import Parameter

from application.audit import History
from application.explain import Explanation
from application.tally import Tally


class AuditQueries:
    """The queries half of a resource's controller (interfaces/http/controllers.py)."""

    @get("/invoice/{invoice_id:uuid}/explain", operation_id="ExplainInvoice", sync_to_thread=True)
    def explain_invoice(self, invoice_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> Explanation:
        """Re-derives every line of an issued invoice from the event store alone (usage events up to the position
        the cycle was priced at, the meter definitions, the product version in force at close, the wallet before
        the close), shows the work, and says whether it `matches` the issued invoice. Ignores every read model."""
        return tally.explainer.explain_invoice(business, invoice_id)

    @get("/invoice/{invoice_id:uuid}", operation_id="GetInvoiceHistory", sync_to_thread=True)
    def invoice_history(
        self,
        invoice_id: uuid.UUID,
        tally: Tally,
        business: uuid.UUID,
        version: int | None = Parameter(default=None, ge=1),
        at: datetime | None = None,
    ) -> History:
        """An invoice's timeline: issued, then paid, voided or marked uncollectible. (Litestar routes
        `/audit/invoice/{id}` by the static `invoice` segment it shares with the explanation, so it is spelled
        out rather than left to `/audit/{kind}/{key}`.)"""
        return tally.audit.history(business, "invoice", str(invoice_id), version=version, at=at)

    @get("/{kind:str}/{key:str}", operation_id="GetAuditHistory", sync_to_thread=True)
    def audit_history(
        self,
        kind: str,
        key: str,
        tally: Tally,
        business: uuid.UUID,
        version: int | None = Parameter(default=None, ge=1),
        at: datetime | None = None,
    ) -> History:
        """The aggregate's events in order (version, type, recorded time, payload) and its state at `version`, at
        time `at` (RFC 3339), or now. Kinds: customer, usage_event, meter, product, subscription, invoice, wallet.
        Customers and usage events may be addressed by their external ids, wallets by their customer's external
        id."""
        return tally.audit.history(business, kind, key, version=version, at=at)
