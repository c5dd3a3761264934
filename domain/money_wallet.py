"""A customer's prepaid money in one currency (Dodo's customer wallet): one wallet per (customer, currency),
credited and debited by hand or by the invoices it pays (docs/wallets.md).

Every entry carries a key: a client's `idempotency_key`, or the invoice it pays (`invoice:<id>`) or gives
back (`void:<id>`). A key already recorded records nothing again, so a resent request, a retried close or a
retried void applies once. The balance never goes below zero: a debit past it is refused, and an invoice
takes what there is.

A wallet may ask to be topped up (`auto_top_up {below, amount}`): the entry or payment that takes the balance
below `below` also records `TopUpRequested {amount}`, once, until a credit brings the balance to `below` or above
again. tally collects no money: the business charges its processor and posts the credit.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Literal, get_args

from eventsourcing.domain import Aggregate, event

from domain.errors import Conflict, Fault, Invalid
from domain.ids import scoped_id
from domain.money import MINOR_UNITS, is_currency
from domain.numbers import bound_faults
from domain.text import line_faults, text_fault

EntryType = Literal["credit", "debit"]
ENTRY_TYPES: tuple[EntryType, ...] = get_args(EntryType)
# Dodo's `CustomerWalletTransaction.event_type` of tally's entries: a hand-made one is the merchant's
# adjustment; an invoice paid from the wallet is a payment, its void gives the payment back.
EventType = Literal["merchant_adjustment", "payment", "payment_reversal"]
ZERO = Decimal(0)
MAX_REASON = 500


def money_wallet_id(customer: uuid.UUID, currency: str) -> uuid.UUID:
    return scoped_id(customer, "money-wallet", currency)


def entry_faults(
    amount: Decimal, currency: str, entry_type: str, reason: str | None, idempotency_key: str | None
) -> list[Fault]:
    """What a hand-made entry may carry: a positive amount in the currency's minor unit."""
    faults = text_fault("reason", reason, prose=True) + line_faults({"idempotency_key": idempotency_key})
    if reason is not None and len(reason) > MAX_REASON:
        faults.append(Fault("reason", f"must be at most {MAX_REASON} characters"))
    if entry_type not in ENTRY_TYPES:
        faults.append(Fault("entry_type", "must be credit or debit"))
    if not is_currency(currency):
        return [*faults, Fault("currency", "is not a known currency")]
    return faults + bound_faults("amount", amount, positive=True, max_places=MINOR_UNITS[currency])


class MoneyWallet(Aggregate):
    class Opened(Aggregate.Created):
        business_id: uuid.UUID
        customer: uuid.UUID
        customer_id: str
        currency: str

    class Credited(Aggregate.Event):
        key: str
        amount: Decimal
        event_type: str
        reason: str | None
        reference: str | None  # the invoice a payment's reversal gives back

    class Debited(Aggregate.Event):
        key: str
        amount: Decimal
        event_type: str
        reason: str | None
        reference: str | None  # the invoice a payment pays

    class AutoTopUpSet(Aggregate.Event):
        below: Decimal | None  # None: no top-up requests
        amount: Decimal | None

    class TopUpRequested(Aggregate.Event):
        amount: Decimal
        balance: Decimal  # the balance that fell below

    @staticmethod
    def create_id(customer: uuid.UUID, currency: str, **_: object) -> uuid.UUID:
        return money_wallet_id(customer, currency)

    @event(Opened)
    def __init__(self, business_id: uuid.UUID, customer: uuid.UUID, customer_id: str, currency: str) -> None:
        self.business_id = business_id
        self.customer = customer
        self.customer_id = customer_id
        self.currency = currency
        self.balance = ZERO
        # key -> (entry type, amount) of the entry it recorded
        self.entries: dict[str, tuple[str, Decimal]] = {}
        self.top_up_below: Decimal | None = None
        self.top_up_amount: Decimal | None = None
        self.top_up_requested = False  # since the balance last stood at `below` or above

    def set_auto_top_up(self, below: Decimal | None, amount: Decimal | None) -> None:
        """Both or neither (None stops the requests); amounts positive in the currency's minor unit. A balance
        already below asks at once."""
        faults = []
        if (below is None) != (amount is None):
            faults.append(Fault("auto_top_up", "below and amount go together"))
        for field, value in (("auto_top_up.below", below), ("auto_top_up.amount", amount)):
            if value is not None:
                faults += bound_faults(field, value, positive=True, max_places=MINOR_UNITS[self.currency])
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the top-up", "invalid_auto_top_up", faults)
        if (below, amount) != (self.top_up_below, self.top_up_amount):
            self._auto_top_up_set(below=below, amount=amount)
            self._ask_for_top_up()

    def _ask_for_top_up(self) -> None:
        """Called after every change of the balance or of the setting."""
        below, amount = self.top_up_below, self.top_up_amount
        if below is not None and amount is not None and self.balance < below and not self.top_up_requested:
            self._top_up_requested(amount=amount, balance=self.balance)

    def adjust(self, key: str, entry_type: EntryType, amount: Decimal, reason: str | None) -> bool:
        """A hand-made entry; False when the key had recorded it already. The same key with another entry is
        a Conflict, and so is a debit past the balance (nothing recorded)."""
        if key in self.entries:
            if self.entries[key] != (entry_type, amount):
                raise Conflict(f"idempotency key {key} was used for a different entry", "idempotency_key_reused")
            return False
        if entry_type == "debit":
            if amount > self.balance:
                raise Conflict(
                    f"the wallet holds {self.balance} {self.currency}, less than the debit", "insufficient_funds"
                )
            self._debited(key=key, amount=amount, event_type="merchant_adjustment", reason=reason, reference=None)
            self._ask_for_top_up()
        else:
            self._credited(key=key, amount=amount, event_type="merchant_adjustment", reason=reason, reference=None)
        return True

    def pay(self, invoice: str, due: Decimal) -> Decimal:
        """Pays what it can of an invoice's `due` once (a retried close pays nothing more); answers the
        amount applied."""
        key = f"invoice:{invoice}"
        if key in self.entries:
            return self.entries[key][1]
        applied = min(self.balance, max(due, ZERO))
        if applied > ZERO:
            self._debited(key=key, amount=applied, event_type="payment", reason="invoice", reference=invoice)
            self._ask_for_top_up()
        return applied

    def refund_excess(self, invoice: str, amount: Decimal) -> None:
        """Credits what a cycle's threshold invoices billed past its final amount, once (domain/usage_threshold.py)."""
        key = f"excess:{invoice}"
        if amount > ZERO and key not in self.entries:
            self._credited(
                key=key,
                amount=amount,
                event_type="refund",
                reason="threshold invoices billed more than the cycle",
                reference=invoice,
            )

    def give_back(self, invoice: str) -> Decimal:
        """Returns what an invoice took, once (its void); answers the amount returned."""
        paid, key = self.entries.get(f"invoice:{invoice}"), f"void:{invoice}"
        if paid is None or key in self.entries:
            return ZERO
        self._credited(
            key=key, amount=paid[1], event_type="payment_reversal", reason="invoice voided", reference=invoice
        )
        return paid[1]

    @event(Credited)
    def _credited(self, key: str, amount: Decimal, event_type: str, reason: str | None, reference: str | None) -> None:
        self.balance += amount
        self.entries[key] = ("credit", amount)
        if self.top_up_below is not None and self.balance >= self.top_up_below:
            self.top_up_requested = False

    @event(Debited)
    def _debited(self, key: str, amount: Decimal, event_type: str, reason: str | None, reference: str | None) -> None:
        self.balance -= amount
        self.entries[key] = ("debit", amount)

    @event(AutoTopUpSet)
    def _auto_top_up_set(self, below: Decimal | None, amount: Decimal | None) -> None:
        self.top_up_below = below
        self.top_up_amount = amount
        self.top_up_requested = False

    @event(TopUpRequested)
    def _top_up_requested(self, amount: Decimal, balance: Decimal) -> None:
        self.top_up_requested = True
