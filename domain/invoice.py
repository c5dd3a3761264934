"""An invoice: one closed cycle of one subscription, issued with a number.

Its lines and total never change once issued (a correction would be a new
document); what follows is its payment state (docs/invoices.md):

    (draft) --finalize/close--> issued --mark_paid--> paid
                                  |  \\--mark_uncollectible--> uncollectible --mark_paid--> paid
                                  \\--void--> void  <--void-- uncollectible

A draft is not stored: it is the cycle that has ended and is not closed yet,
priced live (application/upcoming.py), under the id its invoice will have.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal, get_args

from eventsourcing.domain import Aggregate, event

from domain.billing_details import BillingDetails
from domain.errors import Fault, Invalid, InvalidTransition
from domain.rating import Line
from domain.text import text_fault
from domain.time_range import time_fault

Status = Literal["draft", "issued", "paid", "void", "uncollectible"]
DRAFT: Status = "draft"
ISSUED: Status = "issued"
PAID: Status = "paid"
VOID: Status = "void"
UNCOLLECTIBLE: Status = "uncollectible"
STATUSES: tuple[Status, ...] = get_args(Status)

MAX_REFERENCE = 255
MAX_REASON = 500


def invoice_id(subscription_id: uuid.UUID, cycle_start: datetime) -> uuid.UUID:
    """Derived from the cycle, so two closes of one cycle cannot both be stored."""
    return uuid.uuid5(subscription_id, f"invoice:{cycle_start.isoformat()}")


def difference_invoice_id(subscription_id: uuid.UUID, at: datetime) -> uuid.UUID:
    """A difference_immediately change's invoice, derived from its instant: apart from the bills of cycles
    and parts, which may start at the same instant."""
    return uuid.uuid5(subscription_id, f"difference:{at.isoformat()}")


def threshold_invoice_id(subscription_id: uuid.UUID, bill_start: datetime, sequence: int) -> uuid.UUID:
    """The `sequence`th threshold invoice of the bill from `bill_start` (domain/usage_threshold.py)."""
    return uuid.uuid5(subscription_id, f"threshold:{bill_start.isoformat()}:{sequence}")


BillingReason = Literal["cycle", "threshold"]


def charges_a_difference(segments: list[dict[str, Any]] | None) -> bool:
    """Whether an invoice's segments are a difference_immediately change's (domain/proration.py)."""
    return segments is not None and bool(segments) and segments[-1]["fixed"] == "difference"


def _text(field: str, value: str | None, limit: int, prose: bool = False) -> list[Fault]:
    if value is None:
        return []
    faults = text_fault(field, value, prose)
    if len(value) > limit:
        faults.append(Fault(field, f"must be at most {limit} characters"))
    return faults


class Invoice(Aggregate):
    class Issued(Aggregate.Created):
        business_id: uuid.UUID
        customer_id: str
        subscription_id: uuid.UUID
        product_id: uuid.UUID
        cycle_start: datetime
        cycle_end: datetime
        currency: str
        price: Decimal
        lines: list[dict[str, Any]]
        total: Decimal
        issued_at: datetime
        # Invoices issued before numbering carry neither (they replay with the defaults).
        number: str = ""
        bill_to: dict[str, Any] | None = None
        # The plan segments the invoice bills (proration.billed_terms); absent from invoices issued before them.
        segments: list[dict[str, Any]] | None = None
        # "threshold": the part of an open cycle a usage threshold billed early, [cycle_start, cycle_end) so far,
        # the bill's `sequence`th.
        billing_reason: BillingReason = "cycle"
        sequence: int | None = None

    class Paid(Aggregate.Event):
        paid_at: datetime
        reference: str | None

    class Voided(Aggregate.Event):
        voided_at: datetime
        reason: str

    class MarkedUncollectible(Aggregate.Event):
        marked_at: datetime

    class WalletApplied(Aggregate.Event):
        """The customer's wallet in the invoice's currency paid this much of it at issue (domain/money_wallet.py)."""

        amount: Decimal

    @staticmethod
    def create_id(
        subscription_id: uuid.UUID,
        cycle_start: datetime,
        cycle_end: datetime,
        segments: list[dict[str, Any]] | None = None,
        billing_reason: BillingReason = "cycle",
        sequence: int | None = None,
        **_: object,
    ) -> uuid.UUID:
        if billing_reason == "threshold":
            return threshold_invoice_id(subscription_id, cycle_start, sequence or 0)
        if charges_a_difference(segments):
            return difference_invoice_id(subscription_id, cycle_start)
        return invoice_id(subscription_id, cycle_start)

    @event(Issued)
    def __init__(
        self,
        business_id: uuid.UUID,
        customer_id: str,
        subscription_id: uuid.UUID,
        product_id: uuid.UUID,
        cycle_start: datetime,
        cycle_end: datetime,
        currency: str,
        price: Decimal,
        lines: list[dict[str, Any]],
        total: Decimal,
        issued_at: datetime,
        number: str = "",
        bill_to: dict[str, Any] | None = None,
        segments: list[dict[str, Any]] | None = None,
        billing_reason: BillingReason = "cycle",
        sequence: int | None = None,
    ) -> None:
        self.business_id = business_id
        self.billing_reason = billing_reason
        self.customer_id = customer_id
        self.subscription_id = subscription_id
        self.product_id = product_id
        self.cycle_start = cycle_start
        self.cycle_end = cycle_end
        self.currency = currency
        self.price = price
        self.lines = [Line.from_terms(terms) for terms in lines]
        self.total = total
        self.issued_at = issued_at
        self.number = number
        self.bill_to = BillingDetails.from_terms(bill_to)
        self.segments = segments
        self.status = ISSUED
        self.paid_at: datetime | None = None
        self.payment_reference: str | None = None
        self.voided_at: datetime | None = None
        self.void_reason: str | None = None
        self.uncollectible_at: datetime | None = None
        self.wallet_applied = Decimal(0)

    @property
    def amount_due(self) -> Decimal:
        return self.total - self.wallet_applied

    def _require(self, action: str, *allowed: str) -> None:
        if self.status not in allowed:
            raise InvalidTransition(f"cannot {action} an invoice that is {self.status}", self.status)

    def mark_paid(self, paid_at: datetime, reference: str | None) -> None:
        self._require("mark paid", ISSUED, UNCOLLECTIBLE)
        faults = time_fault("paid_at", paid_at) + _text("reference", reference, MAX_REFERENCE)
        if faults:
            raise Invalid("cannot mark the invoice paid", "invalid_payment", faults)
        self._paid(paid_at=paid_at, reference=reference)

    def void(self, reason: str, now: datetime) -> None:
        self._require("void", ISSUED, UNCOLLECTIBLE)
        faults = _text("reason", reason, MAX_REASON, prose=True)
        if not reason.strip():
            faults.append(Fault("reason", "must not be blank"))
        if faults:
            raise Invalid("cannot void the invoice", "invalid_void", faults)
        self._voided(voided_at=now, reason=reason)

    def mark_uncollectible(self, now: datetime) -> None:
        self._require("mark uncollectible", ISSUED)
        self._marked_uncollectible(marked_at=now)

    def apply_wallet(self, amount: Decimal, now: datetime) -> None:
        """What the wallet paid at issue; an invoice it pays in full is paid at once."""
        if amount <= 0:
            return
        self._wallet_applied(amount=amount)
        if self.amount_due <= 0:
            self._paid(paid_at=now, reference="wallet")

    @event(WalletApplied)
    def _wallet_applied(self, amount: Decimal) -> None:
        self.wallet_applied += amount

    @event(Paid)
    def _paid(self, paid_at: datetime, reference: str | None) -> None:
        self.status = PAID
        self.paid_at = paid_at
        self.payment_reference = reference

    @event(Voided)
    def _voided(self, voided_at: datetime, reason: str) -> None:
        self.status = VOID
        self.voided_at = voided_at
        self.void_reason = reason

    @event(MarkedUncollectible)
    def _marked_uncollectible(self, marked_at: datetime) -> None:
        self.status = UNCOLLECTIBLE
        self.uncollectible_at = marked_at
