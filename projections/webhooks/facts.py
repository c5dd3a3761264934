"""The one table from a fact in the log to the webhook that tells the outside world about it: each entry
names the event class and the builder of its webhook (Dodo's type and payload shape where Dodo has the
fact; tally's own otherwise, docs/webhooks.md). A new fact is one entry; a wallet event's is its ledger
line (`effect()`, domain/credit_ledger.py) under its transaction type's webhook.

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

import msgspec

from domain.alert_trigger import AlertTrigger
from domain.credit_ledger import LedgerEvent
from domain.credit_wallet import LEDGER_EVENTS, CreditWallet
from domain.cycles import cycle_until
from domain.invoice import Invoice
from domain.limit_reached import LimitReached
from domain.low_balance import LowBalance
from domain.meter import Meter
from domain.money_wallet import MoneyWallet
from domain.proration import Change, Plan, addons_from_terms
from domain.subscription import Subscription
from domain.timeline import Epoch, Timeline

Subject = dict[str, Any]


@dataclass(frozen=True)
class Fact:
    type: str
    business_id: uuid.UUID
    data: dict[str, Any]


TEST_EVENT = "webhook.test"
"""The type of the delivery the dashboard's "send a test event" asks for: its data names the endpoint only."""

Builder = Callable[[Any, Subject], "Fact | None"]


def _iso(at: datetime | None) -> str | None:
    return None if at is None else at.isoformat().replace("+00:00", "Z")


def _text(value: Decimal) -> str:
    return format(value, "f")


# --- credit wallets: Dodo's CreditLedgerEntry --------------------------------------------------------------

# Dodo's webhook type of each ledger transaction type tally records.
LEDGER_WEBHOOKS: dict[str, str] = {
    "credit_added": "credit.added",
    "credit_deducted": "credit.deducted",
    "credit_expired": "credit.expired",
    "credit_rolled_over": "credit.rolled_over",
    "rollover_forfeited": "credit.rollover_forfeited",
    "overage_charged": "credit.overage_charged",
    "overage_reset": "credit.overage_reset",
    "manual_adjustment": "credit.manual_adjustment",
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


def ledger_entry(e: LedgerEvent, subject: Subject) -> Fact:
    """The wallet event's ledger line (`effect()`, domain/credit_ledger.py) as Dodo's `credit.*` webhook of
    its transaction type; the balance and overage before it are the subject's."""
    effect = e.effect()
    before = Decimal(subject["balance"])
    after = before + effect.balance_change
    overage_before = Decimal(subject.get("overage", "0"))
    overage_after = overage_before + effect.overage_change
    subject["balance"] = _text(after)
    subject["overage"] = _text(overage_after)
    reference_type, reference_id = effect.reference_parts
    data = {
        "id": f"{e.originator_id}:{e.originator_version}",
        "amount": _text(effect.amount),
        "balance_before": _text(before),
        "balance_after": _text(after),
        "brand_id": subject["business_id"],
        "business_id": subject["business_id"],
        "created_at": _iso(e.timestamp),
        # The default wallet (the old `credits` form, docs/credits.md) stands for its own entitlement.
        "credit_entitlement_id": subject.get("entitlement_id") or str(e.originator_id),
        "customer_id": subject["customer_id"],
        "is_credit": effect.is_credit,
        "metadata": dict(effect.metadata),
        "overage_after": _text(overage_after),
        "overage_before": _text(overage_before),
        "transaction_type": effect.transaction_type,
        "description": effect.description,
        "grant_id": effect.grant_id,
        "reference_id": reference_id,
        "reference_type": reference_type,
    }
    if isinstance(e, CreditWallet.OverageCharged):
        data.update(
            charge=_text(e.charge), currency=e.currency, price_per_unit=_text(e.price_per_unit), invoice_id=e.invoice_id
        )
    return Fact(LEDGER_WEBHOOKS[effect.transaction_type], uuid.UUID(subject["business_id"]), data)


# --- subscriptions: the part of Dodo's Subscription tally has ----------------------------------------------


def _subscription(e: Any, subject: Subject, status: str) -> dict[str, Any]:
    ends_at = datetime.fromisoformat(subject["ends_at"]) if subject.get("ends_at") else None
    if "timeline" in subject:
        current = Timeline.from_terms(subject["timeline"], ends_at).cycle(subject["closed"])
    else:  # a subscription whose subject was kept before timelines
        anchor = datetime.fromisoformat(subject["anchor"])
        current = cycle_until(anchor, subject["interval"], subject["count"], subject["closed"], ends_at)
    return {
        "subscription_id": str(e.originator_id),
        "status": status,
        "business_id": subject["business_id"],
        "customer": {"customer_id": subject["customer_id"]},
        "product_id": subject["product_id"],
        "quantity": subject.get("quantity", 1),
        "created_at": subject["created_at"],
        "payment_frequency_interval": subject["interval"].capitalize(),
        "payment_frequency_count": subject["count"],
        "subscription_period_interval": subject["interval"].capitalize(),
        "subscription_period_count": subject["count"],
        "previous_billing_date": _iso(current.start) if current else subject.get("ends_at"),
        "next_billing_date": _iso(current.end) if current else subject.get("ends_at"),
        "cancel_at_next_billing_date": subject.get("cancel_at_period_end", False),
        "cancelled_at": subject.get("ends_at") if not subject.get("cancel_at_period_end") else None,
        "metadata": subject.get("metadata", {}),
    }


def _status(subject: Subject) -> str:
    return "active" if subject.get("ends_at") is None or subject.get("cancel_at_period_end") else "cancelled"


def subscription_started(e: Subscription.Started, subject: Subject) -> Fact:
    timeline = Timeline.started(
        e.anchor,
        Plan(e.product_id, e.quantity, addons_from_terms(e.addons)),
        e.billing_interval,
        e.interval_count,
        e.trial_period_days,
    )
    subject.update(
        business_id=str(e.business_id),
        customer_id=e.customer_id,
        product_id=str(e.product_id),
        quantity=e.quantity,
        anchor=e.anchor.isoformat(),
        interval=e.billing_interval,
        count=e.interval_count,
        closed=0,
        ends_at=None,
        created_at=_iso(e.timestamp),
        timeline=msgspec.to_builtins(timeline.terms()),
        metadata=e.metadata or {},
    )
    return Fact("subscription.active", e.business_id, _subscription(e, subject, "active"))


def cycle_closed(e: Subscription.CycleClosed, subject: Subject) -> Fact:
    subject["closed"] = e.index + 1
    return Fact(
        "subscription.renewed",
        uuid.UUID(subject["business_id"]),
        {**_subscription(e, subject, _status(subject)), "invoice_id": str(e.invoice_id)},
    )


def plan_changed(e: Subscription.PlanChanged, subject: Subject) -> Fact:
    """Dodo's `subscription.plan_changed`: the subscription on its new plan, with tally's `effective_at` and
    `proration_billing_mode`."""
    ends_at = datetime.fromisoformat(subject["ends_at"]) if subject.get("ends_at") else None
    before = Timeline.from_terms(subject["timeline"], ends_at) if "timeline" in subject else None
    if before is not None:
        epoch = (
            Epoch(e.cycles_from, e.cycles_anchor, e.billing_interval, e.interval_count)
            if e.cycles_from is not None and e.cycles_anchor is not None
            else None
        )
        plan = Plan(e.product_id, e.quantity, addons_from_terms(e.addons))
        change = Change(e.effective_at, plan, e.proration_billing_mode)
        subject["timeline"] = msgspec.to_builtins(before.changed(change, epoch).terms())
    subject.update(
        product_id=str(e.product_id), quantity=e.quantity, interval=e.billing_interval, count=e.interval_count
    )
    data = {
        **_subscription(e, subject, _status(subject)),
        "effective_at": _iso(e.effective_at),
        "proration_billing_mode": e.proration_billing_mode,
    }
    return Fact("subscription.plan_changed", uuid.UUID(subject["business_id"]), data)


def subscription_updated(e: Any, subject: Subject) -> Fact:
    """Dodo's `subscription.updated`: cancel at the next billing date set or undone, metadata replaced, the next
    billing date moved."""
    if isinstance(e, Subscription.CancellationScheduled):
        subject.update(ends_at=_iso(e.ends_at), cancel_at_period_end=True)
    elif isinstance(e, Subscription.CancellationWithdrawn):
        subject.update(ends_at=None, cancel_at_period_end=False)
    elif isinstance(e, Subscription.MetadataSet):
        subject["metadata"] = e.metadata
    elif isinstance(e, Subscription.NextBillingDateMoved) and "timeline" in subject:
        ends_at = datetime.fromisoformat(subject["ends_at"]) if subject.get("ends_at") else None
        before = Timeline.from_terms(subject["timeline"], ends_at)
        moved = before.moved(e.index, e.next_billing_date, e.billing_interval, e.interval_count)
        subject["timeline"] = msgspec.to_builtins(moved.terms())
    return Fact("subscription.updated", uuid.UUID(subject["business_id"]), _subscription(e, subject, _status(subject)))


def subscription_cancelled(e: Subscription.Cancelled, subject: Subject) -> Fact:
    subject.update(ends_at=_iso(e.ends_at), cancel_at_period_end=False)
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
            "lines": [_line(line) for line in e.lines],
            "issued_at": _iso(e.issued_at),
            "status": "issued",
            "number": e.number or None,
            "billing_reason": e.billing_reason,
        },
    )


def _line(line: dict[str, Any]) -> dict[str, Any]:
    """A line as its terms, decimals as exact strings, times in ISO 8601 (a late line's `late_for` too)."""
    return {
        k: _text(v)
        if isinstance(v, Decimal)
        else _iso(v)
        if isinstance(v, datetime)
        else _line(v)
        if isinstance(v, dict)
        else v
        for k, v in line.items()
    }


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


def balance_fell_low(e: LowBalance.FellBelowThreshold, subject: Subject) -> Fact:
    """Dodo's credit.balance_low of an entitlement's balance, once per cycle (domain/low_balance.py)."""
    return Fact(
        "credit.balance_low",
        e.business_id,
        {
            "available_balance": _text(e.balance),
            "brand_id": str(e.business_id),
            "credit_entitlement_id": e.entitlement_id,
            "credit_entitlement_name": e.entitlement_name,
            "customer_id": e.customer_id,
            "subscription_credits_amount": _text(e.granted),
            "subscription_id": str(e.subscription_id),
            "threshold_amount": _text(e.granted * e.percent / 100),
            "threshold_percent": e.percent,
        },
    )


def limit_reached(e: LimitReached.Reached, subject: Subject) -> Fact:
    """tally's own (docs/access.md): a usage price's limit reached, or the credits it spends run out (with
    any overage the entitlement allows): once per cycle per limit."""
    data = {
        "customer_id": e.customer_id,
        "subscription_id": str(e.subscription_id),
        "meter_id": e.meter_id,
        "kind": e.kind,
        "limit_behavior": e.behavior,
        "limit": _text(e.limit),
        "used": _text(e.used),
        "cycle_start": _iso(e.cycle_start),
        "cycle_end": _iso(e.cycle_end),
    }
    if e.kind == "usage_limit":
        return Fact("usage.limit_reached", e.business_id, data)
    return Fact("credit.balance_exhausted", e.business_id, {**data, "credit_entitlement_id": e.credit_entitlement_id})


def money_wallet_opened(e: MoneyWallet.Opened, subject: Subject) -> None:
    subject.update(business_id=str(e.business_id), customer_id=e.customer_id, currency=e.currency)
    return None


def top_up_requested(e: MoneyWallet.TopUpRequested, subject: Subject) -> Fact:
    """tally's own: the money wallet fell below its `auto_top_up.below` (docs/wallets.md)."""
    return Fact(
        "wallet.top_up_requested",
        uuid.UUID(subject["business_id"]),
        {
            "wallet_id": str(e.originator_id),
            "customer_id": subject["customer_id"],
            "currency": subject["currency"],
            "amount": _text(e.amount),
            "balance": _text(e.balance),
            "requested_at": _iso(e.timestamp),
        },
    )


FACTS: dict[type, Builder] = {
    CreditWallet.Opened: wallet_opened,
    **{cls: ledger_entry for cls in LEDGER_EVENTS},
    Subscription.Started: subscription_started,
    Subscription.CycleClosed: cycle_closed,
    Subscription.Cancelled: subscription_cancelled,
    Subscription.PlanChanged: plan_changed,
    Subscription.CancellationScheduled: subscription_updated,
    Subscription.CancellationWithdrawn: subscription_updated,
    Subscription.MetadataSet: subscription_updated,
    Subscription.NextBillingDateMoved: subscription_updated,
    Invoice.Issued: invoice_issued,
    Invoice.Paid: invoice_paid,
    Invoice.Voided: invoice_voided,
    Invoice.MarkedUncollectible: invoice_uncollectible,
    AlertTrigger.Triggered: alert_triggered,
    LowBalance.FellBelowThreshold: balance_fell_low,
    LimitReached.Reached: limit_reached,
    MoneyWallet.Opened: money_wallet_opened,
    MoneyWallet.TopUpRequested: top_up_requested,
    Meter.Created: meter_created,
    Meter.BackfillCompleted: backfill_completed,
}


def envelope(fact: Fact, at: datetime) -> dict[str, Any]:
    """Dodo's webhook body: business, type, when the fact happened, and its data."""
    return {"business_id": str(fact.business_id), "type": fact.type, "timestamp": _iso(at), "data": fact.data}
