"""The one table from a fact in the log to the webhook that tells the outside world about it: each entry
names the event class, the webhook types it may become, and the builder of its `data` (Dodo's payload
shape where Dodo has the fact; tally's own otherwise, docs/webhooks.md). A new fact is one entry.

A builder sees the event and the `subject`: a small state the `webhooks` projection keeps per aggregate
(a wallet's balance, a subscription's customer), since later events carry only what changed. It may
change the subject and answers the Fact to deliver, or None."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from domain.alert_trigger import AlertTrigger
from domain.credit_wallet import CreditWallet
from domain.cycles import cycle_until
from domain.invoice import Invoice
from domain.meter import Meter
from domain.subscription import Subscription

Subject = dict[str, Any]


@dataclass(frozen=True)
class Fact:
    type: str
    business_id: uuid.UUID
    data: dict[str, Any]


@dataclass(frozen=True)
class Mapping:
    types: tuple[str, ...]
    build: Callable[[Any, Subject], Fact | None]


def _iso(at: datetime | None) -> str | None:
    return None if at is None else at.isoformat().replace("+00:00", "Z")


def _text(value: Decimal) -> str:
    return format(value, "f")


# --- credit wallets: Dodo's CreditLedgerEntry --------------------------------------------------------------

GRANT_TYPES = {
    "cycle": ("credit.added", "credit_added"),
    "rollover": ("credit.rolled_over", "credit_rolled_over"),
    "manual": ("credit.manual_adjustment", "manual_adjustment"),
}


def wallet_opened(e: CreditWallet.Opened, subject: Subject) -> None:
    subject.update(
        business_id=str(e.business_id),
        customer_id=e.customer_id,
        balance="0",
        overage="0",
        entitlement_id=e.entitlement_id,
    )
    return None


def _ledger_entry(
    e: Any,
    subject: Subject,
    webhook: str,
    transaction: str,
    amount: Decimal,
    credit: bool,
    grant_id: str | None,
    description: str,
    balance_change: Decimal | None = None,
    overage_change: Decimal = Decimal(0),
) -> Fact:
    """`balance_change` defaults to the amount, added for a credit and taken for a debit; overage moves
    by `overage_change` (entitlements that let a balance run past zero, docs/credit-entitlements.md)."""
    before = Decimal(subject["balance"])
    change = amount if balance_change is None else balance_change
    after = before + change if credit else before - change
    subject["balance"] = _text(after)
    overage_before = Decimal(subject.get("overage", "0"))
    overage_after = overage_before + overage_change
    subject["overage"] = _text(overage_after)
    return Fact(
        webhook,
        uuid.UUID(subject["business_id"]),
        {
            "id": f"{e.originator_id}:{e.originator_version}",
            "amount": _text(amount),
            "balance_before": _text(before),
            "balance_after": _text(after),
            "brand_id": subject["business_id"],
            "business_id": subject["business_id"],
            "created_at": _iso(e.timestamp),
            # The default wallet (the old `credits` form, docs/credits.md) stands for its own entitlement.
            "credit_entitlement_id": subject.get("entitlement_id") or str(e.originator_id),
            "customer_id": subject["customer_id"],
            "is_credit": credit,
            "metadata": {},
            "overage_after": _text(overage_after),
            "overage_before": _text(overage_before),
            "transaction_type": transaction,
            "description": description,
            "grant_id": grant_id,
            "reference_id": e.reference,
            "reference_type": None,
        },
    )


def credits_granted(e: CreditWallet.CreditsGranted, subject: Subject) -> Fact:
    webhook, transaction = GRANT_TYPES[e.source]
    return _ledger_entry(e, subject, webhook, transaction, e.amount, True, e.grant_id, f"{e.source} grant")


def credits_debited(e: CreditWallet.CreditsDebited, subject: Subject) -> Fact:
    return _ledger_entry(
        e,
        subject,
        "credit.deducted",
        "credit_deducted",
        e.amount,
        False,
        None,
        f"{e.reason} ({e.meter_id}, {e.cycle})",
        e.amount - e.overage,
        e.overage,
    )


def credits_expired(e: CreditWallet.CreditsExpired, subject: Subject) -> Fact:
    return _ledger_entry(e, subject, "credit.expired", "credit_expired", e.amount, False, e.grant_id, "expired")


def rolled_over(e: CreditWallet.CreditsRolledOver, subject: Subject) -> Fact:
    # The rolled credits were already in the balance: a new grant, the balance unchanged.
    return _ledger_entry(
        e,
        subject,
        "credit.rolled_over",
        "credit_rolled_over",
        e.amount,
        True,
        e.grant_id,
        f"rollover {e.rollover_count} of {e.parent_grant_id}",
        Decimal(0),
    )


def rollover_forfeited(e: CreditWallet.RolloverForfeited, subject: Subject) -> Fact:
    return _ledger_entry(
        e, subject, "credit.rollover_forfeited", "rollover_forfeited", e.amount, False, e.grant_id, "rollover forfeited"
    )


def overage_charged(e: CreditWallet.OverageCharged, subject: Subject) -> Fact:
    fact = _ledger_entry(
        e,
        subject,
        "credit.overage_charged",
        "overage_charged",
        e.amount,
        False,
        None,
        f"overage charged on invoice {e.invoice_id}",
        Decimal(0),
        -e.amount,
    )
    fact.data.update(
        charge=_text(e.charge), currency=e.currency, price_per_unit=_text(e.price_per_unit), invoice_id=e.invoice_id
    )
    return fact


def overage_reset(e: CreditWallet.OverageReset, subject: Subject) -> Fact:
    return _ledger_entry(
        e,
        subject,
        "credit.overage_reset",
        "overage_reset",
        e.amount,
        True,
        None,
        "overage forgiven at reset",
        Decimal(0),
        -e.amount,
    )


def overage_repaid(e: CreditWallet.OverageRepaid, subject: Subject) -> Fact:
    return _ledger_entry(
        e,
        subject,
        "credit.deducted",
        "credit_deducted",
        e.amount,
        False,
        None,
        "overage repayment",
        e.amount,
        -e.amount,
    )


def manually_adjusted(e: CreditWallet.ManuallyAdjusted, subject: Subject) -> Fact:
    credit = e.entry_type == "credit"
    return _ledger_entry(
        e,
        subject,
        "credit.manual_adjustment",
        "manual_adjustment",
        e.amount,
        credit,
        None,
        e.reason or f"manual {e.entry_type}",
        e.amount if credit else e.amount - e.overage,
        Decimal(0) if credit else e.overage,
    )


# --- subscriptions: the part of Dodo's Subscription tally has ----------------------------------------------


def _subscription(e: Any, subject: Subject, status: str) -> dict[str, Any]:
    anchor = datetime.fromisoformat(subject["anchor"])
    ends_at = datetime.fromisoformat(subject["ends_at"]) if subject.get("ends_at") else None
    current = cycle_until(anchor, subject["interval"], subject["count"], subject["closed"], ends_at)
    return {
        "subscription_id": str(e.originator_id),
        "status": status,
        "business_id": subject["business_id"],
        "customer": {"customer_id": subject["customer_id"]},
        "product_id": subject["product_id"],
        "created_at": subject["created_at"],
        "payment_frequency_interval": subject["interval"].capitalize(),
        "payment_frequency_count": subject["count"],
        "subscription_period_interval": subject["interval"].capitalize(),
        "subscription_period_count": subject["count"],
        "previous_billing_date": _iso(current.start) if current else subject.get("ends_at"),
        "next_billing_date": _iso(current.end) if current else subject.get("ends_at"),
        "cancel_at_next_billing_date": False,
        "cancelled_at": subject.get("ends_at"),
        "metadata": {},
    }


def subscription_started(e: Subscription.Started, subject: Subject) -> Fact:
    subject.update(
        business_id=str(e.business_id),
        customer_id=e.customer_id,
        product_id=str(e.product_id),
        anchor=e.anchor.isoformat(),
        interval=e.billing_interval,
        count=e.interval_count,
        closed=0,
        ends_at=None,
        created_at=_iso(e.timestamp),
    )
    return Fact("subscription.active", e.business_id, _subscription(e, subject, "active"))


def cycle_closed(e: Subscription.CycleClosed, subject: Subject) -> Fact:
    subject["closed"] = e.index + 1
    status = "active" if subject.get("ends_at") is None else "cancelled"
    return Fact(
        "subscription.renewed",
        uuid.UUID(subject["business_id"]),
        {**_subscription(e, subject, status), "invoice_id": str(e.invoice_id)},
    )


def subscription_cancelled(e: Subscription.Cancelled, subject: Subject) -> Fact:
    subject["ends_at"] = _iso(e.ends_at)
    return Fact("subscription.cancelled", uuid.UUID(subject["business_id"]), _subscription(e, subject, "cancelled"))


# --- tally's own ---------------------------------------------------------------------------------------------


def invoice_issued(e: Invoice.Issued, subject: Subject) -> Fact:
    subject.update(
        business_id=str(e.business_id),
        customer_id=e.customer_id,
        number=e.number,
        currency=e.currency,
        total=_text(e.total),
    )
    return Fact(
        "invoice.issued",
        e.business_id,
        {
            "invoice_id": str(e.originator_id),
            "customer_id": e.customer_id,
            "subscription_id": str(e.subscription_id),
            "product_id": str(e.product_id),
            "currency": e.currency,
            "cycle_start": _iso(e.cycle_start),
            "cycle_end": _iso(e.cycle_end),
            "price": _text(e.price),
            "total": _text(e.total),
            "lines": [{k: (_text(v) if isinstance(v, Decimal) else v) for k, v in line.items()} for line in e.lines],
            "issued_at": _iso(e.issued_at),
            "status": "issued",
            "number": e.number or None,
        },
    )


def _invoice_moved(e: Any, subject: Subject, webhook: str, status: str, **data: Any) -> Fact:
    return Fact(
        webhook,
        uuid.UUID(subject["business_id"]),
        {
            "invoice_id": str(e.originator_id),
            "customer_id": subject["customer_id"],
            "number": subject.get("number") or None,
            "currency": subject["currency"],
            "total": subject["total"],
            "status": status,
            **data,
        },
    )


def invoice_paid(e: Invoice.Paid, subject: Subject) -> Fact:
    return _invoice_moved(e, subject, "invoice.paid", "paid", paid_at=_iso(e.paid_at), reference=e.reference)


def invoice_voided(e: Invoice.Voided, subject: Subject) -> Fact:
    return _invoice_moved(e, subject, "invoice.voided", "void", voided_at=_iso(e.voided_at), reason=e.reason)


def invoice_uncollectible(e: Invoice.MarkedUncollectible, subject: Subject) -> Fact:
    return _invoice_moved(e, subject, "invoice.uncollectible", "uncollectible", marked_at=_iso(e.marked_at))


def meter_created(e: Meter.Created, subject: Subject) -> None:
    subject.update(
        business_id=str(e.business_id), name=e.name, event_name=e.event_name, aggregation=e.aggregation, announced=False
    )
    return None


def backfill_completed(e: Meter.BackfillCompleted, subject: Subject) -> Fact:
    subject["announced"] = True
    return Fact(
        "meter.backfill_completed",
        uuid.UUID(subject["business_id"]),
        {
            "meter_id": str(e.originator_id),
            "name": subject["name"],
            "event_name": subject["event_name"],
            "aggregation": subject["aggregation"],
            "completed_at": _iso(e.timestamp),
        },
    )


def alert_triggered(e: AlertTrigger.Triggered, subject: Subject) -> Fact:
    if e.kind == "credits":
        # Dodo's credit.balance_low shape; the threshold is the alert's amount, not a percent of a plan.
        return Fact(
            "credit.balance_low",
            e.business_id,
            {
                "available_balance": _text(e.value),
                "brand_id": str(e.business_id),
                "credit_entitlement_id": str(e.alert_id),
                "credit_entitlement_name": "credits",
                "customer_id": e.customer_id,
                "subscription_credits_amount": "0",
                "subscription_id": "",
                "threshold_amount": _text(e.threshold),
                "threshold_percent": 0,
                "alert_id": str(e.alert_id),
            },
        )
    return Fact(
        "alert.triggered",
        e.business_id,
        {
            "alert_id": str(e.alert_id),
            "kind": e.kind,
            "customer_id": e.customer_id,
            "meter_id": e.meter_id,
            "threshold": _text(e.threshold),
            "value": _text(e.value),
            "subscription_id": str(e.subscription_id) if e.subscription_id else None,
            "cycle_start": _iso(e.cycle_start),
            "cycle_end": _iso(e.cycle_end),
        },
    )


FACTS: dict[type, Mapping] = {
    CreditWallet.Opened: Mapping((), wallet_opened),
    CreditWallet.CreditsGranted: Mapping(tuple(t for t, _ in GRANT_TYPES.values()), credits_granted),
    CreditWallet.CreditsDebited: Mapping(("credit.deducted",), credits_debited),
    CreditWallet.CreditsExpired: Mapping(("credit.expired",), credits_expired),
    CreditWallet.CreditsRolledOver: Mapping(("credit.rolled_over",), rolled_over),
    CreditWallet.RolloverForfeited: Mapping(("credit.rollover_forfeited",), rollover_forfeited),
    CreditWallet.OverageCharged: Mapping(("credit.overage_charged",), overage_charged),
    CreditWallet.OverageReset: Mapping(("credit.overage_reset",), overage_reset),
    CreditWallet.OverageRepaid: Mapping(("credit.deducted",), overage_repaid),
    CreditWallet.ManuallyAdjusted: Mapping(("credit.manual_adjustment",), manually_adjusted),
    Subscription.Started: Mapping(("subscription.active",), subscription_started),
    Subscription.CycleClosed: Mapping(("subscription.renewed",), cycle_closed),
    Subscription.Cancelled: Mapping(("subscription.cancelled",), subscription_cancelled),
    Invoice.Issued: Mapping(("invoice.issued",), invoice_issued),
    Invoice.Paid: Mapping(("invoice.paid",), invoice_paid),
    Invoice.Voided: Mapping(("invoice.voided",), invoice_voided),
    Invoice.MarkedUncollectible: Mapping(("invoice.uncollectible",), invoice_uncollectible),
    AlertTrigger.Triggered: Mapping(("alert.triggered", "credit.balance_low"), alert_triggered),
    Meter.Created: Mapping((), meter_created),
    Meter.BackfillCompleted: Mapping(("meter.backfill_completed",), backfill_completed),
}


def envelope(fact: Fact, at: datetime) -> dict[str, Any]:
    """Dodo's webhook body: business, type, when the fact happened, and its data."""
    return {"business_id": str(fact.business_id), "type": fact.type, "timestamp": _iso(at), "data": fact.data}
