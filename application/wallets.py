"""Money wallets (Dodo's customer wallets, domain/money_wallet.py): ledger entries by hand, idempotent by key;
invoices paid from them at issue and given back at a void (docs/wallets.md)."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError

from application.credits import RACE_RETRIES
from domain.customer import Customer, customer_id
from domain.errors import Conflict, Fault, Invalid
from domain.invoice import Invoice
from domain.money import MINOR_UNITS, is_currency
from domain.money_wallet import EntryType, MoneyWallet, entry_faults, money_wallet_id
from store.event_store import EventStore


def from_minor_units(amount: int, currency: str) -> Decimal:
    """Dodo's integer amount (2500) in the currency's units (25.00); an unknown currency keeps it as it is
    (the entry's faults refuse it)."""
    return Decimal(amount).scaleb(-MINOR_UNITS[currency]) if is_currency(currency) else Decimal(amount)


class Wallets:
    def __init__(self, store: EventStore) -> None:
        self.repository = store.repository
        self.save = store.save
        self.owned = store.owned

    def find(self, business: uuid.UUID, external_id: str, currency: str) -> MoneyWallet | None:
        try:
            wallet: MoneyWallet = self.repository.get(money_wallet_id(customer_id(business, external_id), currency))
        except AggregateNotFoundError:
            return None
        return wallet

    def wallet_of(self, business: uuid.UUID, external_id: str, currency: str) -> MoneyWallet:
        """The customer's wallet in the currency, opened (not yet saved) if it has none."""
        found = self.find(business, external_id, currency)
        if found is not None:
            return found
        customer = customer_id(business, external_id)
        return MoneyWallet(business_id=business, customer=customer, customer_id=external_id, currency=currency)

    def add_entry(
        self,
        business: uuid.UUID,
        external_id: str,
        currency: str,
        entry_type: EntryType,
        amount: Decimal,
        reason: str | None,
        idempotency_key: str | None,
    ) -> MoneyWallet:
        """A credit or a debit by hand; answers the wallet after it. A resent key records nothing more; a debit
        past the balance is a Conflict (`insufficient_funds`), nothing stored."""
        self.owned(business, Customer, "customer", customer_id(business, external_id))
        faults = entry_faults(amount, currency, entry_type, reason, idempotency_key)
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the ledger entry", "invalid_wallet_entry", faults)
        key = f"request:{idempotency_key or uuid.uuid4().hex}"
        for _ in range(RACE_RETRIES):
            wallet = self.wallet_of(business, external_id, currency)
            if not wallet.adjust(key, entry_type, amount, reason):
                return wallet
            try:
                self.save(wallet)
                return wallet
            except IntegrityError:
                continue  # an invoice or another entry moved the wallet on: decide again on its new state
        raise Conflict("the wallet kept changing; retry", "wallet_busy")

    def set_auto_top_up(
        self, business: uuid.UUID, external_id: str, currency: str, below: Decimal | None, amount: Decimal | None
    ) -> MoneyWallet:
        """Top-up requests below `below` (None stops them); answers the wallet after it, opened if it had none."""
        self.owned(business, Customer, "customer", customer_id(business, external_id))
        if not is_currency(currency):
            raise Invalid("unknown currency", "invalid_auto_top_up", [Fault("currency", "is not a known currency")])
        for _ in range(RACE_RETRIES):
            wallet = self.wallet_of(business, external_id, currency)
            wallet.set_auto_top_up(below, amount)
            try:
                self.save(wallet)
                return wallet
            except IntegrityError:
                continue  # an invoice or an entry moved the wallet on: decide again on its new state
        raise Conflict("the wallet kept changing; retry", "wallet_busy")

    def pay(
        self, invoices: list[Invoice], now: datetime, excess: dict[uuid.UUID, Decimal] | None = None
    ) -> list[MoneyWallet]:
        """Each invoice paid from its customer's wallet in its currency as far as it goes, after the wallet is
        credited what the invoice's threshold invoices billed past it (`excess`); answers the wallets that moved,
        to be saved with the invoices."""
        paying: dict[uuid.UUID, MoneyWallet] = {}
        for invoice in invoices:
            wid = money_wallet_id(customer_id(invoice.business_id, invoice.customer_id), invoice.currency)
            over = (excess or {}).get(invoice.id, Decimal(0))
            if over > 0:
                paying[wid] = paying.get(wid) or self.wallet_of(
                    invoice.business_id, invoice.customer_id, invoice.currency
                )
                paying[wid].refund_excess(str(invoice.id), over)
            wallet = paying.get(wid) or self.find(invoice.business_id, invoice.customer_id, invoice.currency)
            if wallet is None:
                continue
            applied = wallet.pay(str(invoice.id), invoice.amount_due)
            if applied > 0:
                invoice.apply_wallet(applied, now)
                paying[wid] = wallet
        return list(paying.values())

    def give_back(self, invoice: Invoice) -> list[MoneyWallet]:
        """A voided invoice's wallet payment credited back; the wallet to save with the invoice."""
        if invoice.wallet_applied <= 0:
            return []
        wallet = self.find(invoice.business_id, invoice.customer_id, invoice.currency)
        if wallet is None or wallet.give_back(str(invoice.id)) <= 0:
            return []
        return [wallet]
