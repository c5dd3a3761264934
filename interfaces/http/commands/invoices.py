"""Invoice commands: finalize a draft, then mark it paid, void it or mark it uncollectible; set the number
prefix. Each answers the invoice as it now stands, with the log position written."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timezone

import msgspec
from anyio import to_thread
from litestar import post, put
from litestar.datastructures import State

from application.tally import Tally
from application.written import Written
from interfaces.http.dependencies import visible
from interfaces.resources.invoices import (
    InvoiceWritten,
    MarkPaid,
    NoBody,
    NumberingUpdate,
    NumberingView,
    Void,
    numbering_view,
)
from projections.invoices.queries import invoice_view


async def _answer(
    state: State, tally: Tally, business: uuid.UUID, command: Callable[[], Written[uuid.UUID]]
) -> InvoiceWritten:
    """Runs the command on a thread, answers the invoice as it now stands once the lists show it too."""

    def run() -> InvoiceWritten:
        done = command()
        view = invoice_view(tally.invoices.get(business, done.id))
        return InvoiceWritten(**msgspec.structs.asdict(view), position=done.position)

    written = await to_thread.run_sync(run)
    await visible(state, written.position)
    return written


def _now() -> datetime:
    return datetime.now(timezone.utc)


class InvoiceCommands:
    """The commands half of a resource's controller (interfaces/http/controllers.py)."""

    @post("/{invoice_id:uuid}/finalize", operation_id="FinalizeInvoice", status_code=200)
    async def finalize(
        self, invoice_id: uuid.UUID, tally: Tally, business: uuid.UUID, state: State, data: NoBody | None = None
    ) -> InvoiceWritten:
        """Issue a draft now instead of at cycle end + grace: same rating as the automatic close, and the
        business's next number. Usage arriving later for that cycle is billed late in the next one.
        409 `invalid_transition` (with `current_status`) if it is not a draft."""
        return await _answer(state, tally, business, lambda: tally.invoices.finalize(business, invoice_id, _now()))

    @post("/{invoice_id:uuid}/mark-paid", operation_id="MarkInvoicePaid", status_code=200)
    async def mark_paid(
        self, invoice_id: uuid.UUID, tally: Tally, business: uuid.UUID, state: State, data: MarkPaid | None = None
    ) -> InvoiceWritten:
        """Record that an issued (or uncollectible) invoice was paid, at `paid_at` (default now), with an
        optional `reference` (a bank or payment id). 409 `invalid_transition` (with `current_status`) otherwise."""
        body = data or MarkPaid()
        return await _answer(
            state,
            tally,
            business,
            lambda: tally.invoices.mark_paid(business, invoice_id, body.paid_at or _now(), body.reference),
        )

    @post("/{invoice_id:uuid}/void", operation_id="VoidInvoice", status_code=200)
    async def void(
        self, invoice_id: uuid.UUID, data: Void, tally: Tally, business: uuid.UUID, state: State
    ) -> InvoiceWritten:
        """Void an issued (or uncollectible), unpaid invoice: it is no longer owed. Credits it used stay used.
        409 `invalid_transition` (with `current_status`) otherwise."""
        return await _answer(
            state, tally, business, lambda: tally.invoices.void(business, invoice_id, data.reason, _now())
        )

    @post("/{invoice_id:uuid}/mark-uncollectible", operation_id="MarkInvoiceUncollectible", status_code=200)
    async def mark_uncollectible(
        self, invoice_id: uuid.UUID, tally: Tally, business: uuid.UUID, state: State, data: NoBody | None = None
    ) -> InvoiceWritten:
        """Record that an issued invoice is not expected to be paid; it can still be marked paid or voided.
        409 `invalid_transition` (with `current_status`) otherwise."""
        return await _answer(
            state, tally, business, lambda: tally.invoices.mark_uncollectible(business, invoice_id, _now())
        )

    @put("/numbering", operation_id="SetInvoiceNumbering", sync_to_thread=True)
    def set_numbering(self, data: NumberingUpdate, tally: Tally, business: uuid.UUID) -> NumberingView:
        """Set the prefix of the business's invoice numbers (`{prefix}-{sequence:06d}`, default `INV`).
        The sequence goes on: numbers stay gapless across a change of prefix."""
        done = tally.invoices.set_number_prefix(business, data.prefix)
        return numbering_view(tally, business, done.position)
