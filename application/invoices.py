"""An invoice's life after its cycle ended (docs/invoices.md): a draft is
finalized (its cycle closed now rather than at end + grace), then paid, voided
or marked uncollectible. Each transition is one event on the Invoice; a
transition its status does not allow is InvalidTransition (409)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from eventsourcing.persistence import IntegrityError

from application.billing import RACE_RETRIES, Billing
from application.ports import ReadSide
from application.wallets import Wallets
from application.written import Written
from domain.errors import Conflict, InvalidTransition, NotFound
from domain.invoice import Invoice, invoice_id
from store.event_store import EventStore


class Invoices:
    def __init__(self, store: EventStore, read_side: ReadSide, billing: Billing, wallets: Wallets) -> None:
        self.repository = store.repository
        self.save = store.save
        self.owned = store.owned
        self.position_of = store.position_of
        self.read_side = read_side
        self.billing = billing
        self.wallets = wallets

    def finalize(self, business: uuid.UUID, invoice: uuid.UUID, now: datetime) -> Written[uuid.UUID]:
        """Issues a draft now: its cycle is closed exactly as the worker would at end + grace (same rating,
        same numbering), so events after this are billed late in the next cycle."""
        if invoice in self.repository:
            issued = self.get(business, invoice)
            raise InvalidTransition(f"cannot finalize an invoice that is {issued.status}", issued.status)
        draft = next(
            (
                e
                for e in self.read_side.ended_cycles(business, now)
                if invoice_id(e.subscription_id, e.cycle.start) == invoice
            ),
            None,
        )
        if draft is None:
            raise NotFound("invoice", invoice)
        # Up to the draft's cycle only, so that is the invoice issued (or, if a close got there first, found).
        self.billing.close_cycles(business, draft.subscription_id, now, until=draft.cycle.end)
        return Written(invoice, self.position_of(invoice))

    def get(self, business: uuid.UUID, invoice: uuid.UUID) -> Invoice:
        found: Invoice = self.owned(business, Invoice, "invoice", invoice)
        return found

    def mark_paid(
        self, business: uuid.UUID, invoice: uuid.UUID, paid_at: datetime, reference: str | None
    ) -> Written[uuid.UUID]:
        return self._transition(business, invoice, lambda i: i.mark_paid(paid_at, reference))

    def void(self, business: uuid.UUID, invoice: uuid.UUID, reason: str, now: datetime) -> Written[uuid.UUID]:
        """Credits the invoice used stay used: they belonged to a cycle that has ended (docs/invoices.md); what
        the money wallet paid goes back to it, in the same save."""
        return self._transition(business, invoice, lambda i: i.void(reason, now), self.wallets.give_back)

    def mark_uncollectible(self, business: uuid.UUID, invoice: uuid.UUID, now: datetime) -> Written[uuid.UUID]:
        return self._transition(business, invoice, lambda i: i.mark_uncollectible(now))

    def _transition(
        self,
        business: uuid.UUID,
        invoice: uuid.UUID,
        change: Callable[[Invoice], None],
        also: Callable[[Invoice], list[Any]] = lambda _: [],
    ) -> Written[uuid.UUID]:
        """`also` answers the other aggregates the transition changes, saved with the invoice."""
        for _ in range(RACE_RETRIES):
            found = self.get(business, invoice)
            change(found)
            try:
                return Written.by(invoice, self.save(found, *also(found)))
            except IntegrityError:
                continue  # a concurrent transition won: decide again on the status it left
        raise Conflict("the invoice kept changing; retry", "invoice_busy")

    def set_number_prefix(self, business: uuid.UUID, prefix: str) -> Written[uuid.UUID]:
        """Numbers issued from now on carry the prefix; the sequence goes on where it is."""
        for _ in range(RACE_RETRIES):
            numbering = self.billing.numbering(business)
            numbering.set_prefix(prefix)
            try:
                return Written.by(numbering.id, self.save(numbering))
            except IntegrityError:
                continue  # an issue took numbers meanwhile
        raise Conflict("invoice numbers kept being taken; retry", "numbering_busy")
