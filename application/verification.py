"""`audit verify`: every issued invoice re-derived from the log (overage lines
and the entitlement balances they were rated on included), every wallet
balance and overage replayed (so every rollover, forfeit and overage settlement
with it), every wallet's expiries in order with the closes they wait for
(application/expiry_order.py), every credit entitlement's terms replayed, and
the read models people look at checked against them.

The usage evidence is read in one pass over the log and grouped by customer,
so verifying N invoices costs one scan, not N.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from eventsourcing.utils import get_topic

from application.expiry_order import expiries_before_close
from application.explain import InvoiceExplainer
from application.ports import AuditLog, ShownReadModels
from domain.credit_entitlement import CreditEntitlement
from domain.credit_rules import EntitlementTerms
from domain.credit_wallet import CreditWallet
from domain.invoice import Invoice
from domain.money_wallet import MoneyWallet
from store.event_store import EventStore

ISSUED_TOPIC = get_topic(Invoice.Issued)
OPENED_TOPIC = get_topic(CreditWallet.Opened)
ENTITLEMENT_TOPIC = get_topic(CreditEntitlement.Created)
MONEY_WALLET_TOPIC = get_topic(MoneyWallet.Opened)


@dataclass(frozen=True)
class Finding:
    kind: str
    id: str
    detail: str


@dataclass(frozen=True)
class Verdict:
    invoices: int
    wallets: int
    findings: list[Finding]
    entitlements: int = 0


class UsageIndex:
    """Every usage event of the business(es), grouped by (business, customer), in log order."""

    def __init__(self, events: Iterable[tuple[int, Any]]) -> None:
        self.by_customer: dict[tuple[uuid.UUID, str], list[tuple[int, Any]]] = defaultdict(list)
        for position, e in events:
            self.by_customer[(e.business_id, e.customer_id)].append((position, e))

    def __call__(
        self,
        business: uuid.UUID,
        customer: str,
        after: int,
        upto: int,
        occurred: tuple[datetime, datetime] | None = None,
    ) -> list[tuple[int, Any]]:
        return [
            (p, e)
            for p, e in self.by_customer.get((business, customer), [])
            if after < p <= upto and (occurred is None or occurred[0] <= e.occurred_at < occurred[1])
        ]


class Verification:
    def __init__(self, store: EventStore, log: AuditLog, shown: ShownReadModels, explainer: InvoiceExplainer) -> None:
        self.repository = store.repository
        self.log = log
        self.shown = shown
        self.explain_invoice = explainer.explain_invoice

    def verify(self, business: uuid.UUID | None = None, progress: Callable[[int, int], None] | None = None) -> Verdict:
        invoices = self.log.originators(ISSUED_TOPIC, business)
        wallets = self.log.originators(OPENED_TOPIC, business)
        entitlements = self.log.originators(ENTITLEMENT_TOPIC, business)
        index = UsageIndex(self.log.recorded_usage(business, None))
        shown_invoices = self.shown.invoices()
        shown_balances = self.shown.balances()
        shown_entitlements = self.shown.entitlements()
        findings: list[Finding] = []
        done, total = 0, len(invoices) + len(wallets)
        for invoice_id in invoices:
            findings += self._check_invoice(invoice_id, index, shown_invoices.get(invoice_id))
            done += 1
            if progress:
                progress(done, total)
        for wallet_id in wallets:
            wallet: CreditWallet = self.repository.get(wallet_id)
            shown = shown_balances.get(wallet_id)
            if shown != (wallet.balance, wallet.overage):
                balance, overage = shown or (None, None)
                findings.append(
                    Finding(
                        "balances",
                        str(wallet_id),
                        f"read model shows balance {balance} overage {overage}, the "
                        f"wallet's history gives {wallet.balance} and {wallet.overage}",
                    )
                )
            findings += [
                Finding("expiry", str(wallet_id), d) for d in expiries_before_close(self.log.history, wallet_id)
            ]
            done += 1
            if progress:
                progress(done, total)
        for entitlement_id in entitlements:
            findings += self._check_entitlement(entitlement_id, shown_entitlements.get(entitlement_id))
        findings += self._check_money_wallets(business)
        return Verdict(len(invoices), len(wallets), findings, len(entitlements))

    def _check_money_wallets(self, business: uuid.UUID | None) -> list[Finding]:
        shown = self.shown.money_balances()
        findings = []
        for wallet_id in self.log.originators(MONEY_WALLET_TOPIC, business):
            wallet: MoneyWallet = self.repository.get(wallet_id)
            if shown.get(wallet_id) != wallet.balance:
                findings.append(
                    Finding(
                        "balances",
                        str(wallet_id),
                        f"read model shows money balance {shown.get(wallet_id)}, the wallet's history gives "
                        f"{wallet.balance}",
                    )
                )
        return findings

    def _check_entitlement(self, entitlement_id: uuid.UUID, shown: tuple[dict[str, Any], bool] | None) -> list[Finding]:
        entitlement: CreditEntitlement = self.repository.get(entitlement_id)
        if shown is None or (EntitlementTerms.from_terms(shown[0]), shown[1]) != (
            entitlement.terms,
            entitlement.deleted,
        ):
            return [
                Finding("entitlements", str(entitlement_id), "the read model differs from the entitlement's history")
            ]
        return []

    def _check_invoice(
        self, invoice_id: uuid.UUID, index: UsageIndex, shown: tuple[Decimal, list[Decimal], Decimal] | None
    ) -> list[Finding]:
        findings = []
        explained = self.explain_invoice(None, invoice_id, evidence=index)
        if not explained.matches:
            findings.append(
                Finding(
                    "invoice",
                    str(invoice_id),
                    f"issued total {explained.issued_total}, the log gives {explained.total}; wallet applied "
                    f"{explained.wallet_applied}, the wallet paid {explained.wallet_paid}",
                )
            )
        issued: Invoice = self.repository.get(invoice_id)
        if shown is None:
            findings.append(Finding("invoices", str(invoice_id), "missing from the read model"))
        elif shown != (issued.total, [line.amount for line in issued.lines], issued.wallet_applied):
            findings.append(
                Finding(
                    "invoices",
                    str(invoice_id),
                    f"read model shows total {shown[0]} wallet applied {shown[2]}, issued {issued.total} "
                    f"applied {issued.wallet_applied}",
                )
            )
        return findings
