"""A discount (Dodo's Discount): a code a subscription is given, taking a percentage of its invoices off for
`subscription_cycles` cycles (every cycle when absent), redeemable `usage_limit` times in all and
`per_customer_usage_limit` times by one customer, between `starts_at` and `expires_at`, only on the products of
`restricted_to` when it names some (docs/discounts.md).

A flat code takes its deduction from its currency options (Dodo's `currency_options`: `max_amount_possible` in
the currency's minor units); for a percentage code that is its cap, and `minimum_subtotal` the least subtotal it
applies to. What a subscription redeemed is copied onto it (`Applied`, domain/adjustments.py): a later change of the
discount (its amount, its cycles) reaches the subscriptions that redeem it afterwards, never one that already
has it, so an issued invoice and its explanation never depend on the discount's later history.
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal, get_args

from eventsourcing.domain import Aggregate, event

from domain.adjustments import Applied
from domain.errors import Fault, Invalid
from domain.metadata import metadata_faults
from domain.money import MINOR_UNITS, is_currency
from domain.text import text_fault
from domain.time_range import time_fault

DiscountType = Literal["percentage", "flat"]
DISCOUNT_TYPES: tuple[DiscountType, ...] = get_args(DiscountType)
BASIS_POINTS = 10_000
CODE = re.compile(r"[A-Z0-9_-]{3,16}")
MAX_NAME = 255
MAX_RESTRICTED = 100
MAX_COUNT = 1_000_000_000
# Every field the terms hold, and so every field an update may change.
TERMS = (
    "code",
    "type",
    "amount",
    "name",
    "subscription_cycles",
    "usage_limit",
    "per_customer_usage_limit",
    "restricted_to",
    "starts_at",
    "expires_at",
    "preserve_on_plan_change",
    "metadata",
    "currency_options",
)
MAX_MINOR = 10**15


def option_faults(options: list[dict[str, Any]], flat: bool) -> list[Fault]:
    """Dodo's currency options: one row per currency, at most one default; a flat code's deduction
    (`max_amount_possible`, in the currency's minor units) in every row; amounts within bounds."""
    faults, seen = [], set()
    for index, o in enumerate(options):
        if not is_currency(o["currency"]):
            faults.append(Fault("currency_options.currency", "is not a known currency", index))
        if o["currency"] in seen:
            faults.append(Fault("currency_options.currency", "names a currency twice", index))
        seen.add(o["currency"])
        if not 0 <= o["minimum_subtotal"] <= MAX_MINOR:
            faults.append(Fault("currency_options.minimum_subtotal", f"must be 0 to {MAX_MINOR}", index))
        most = o["max_amount_possible"]
        if most is not None and not 1 <= most <= MAX_MINOR:
            faults.append(Fault("currency_options.max_amount_possible", f"must be 1 to {MAX_MINOR}", index))
        if flat and most is None:
            faults.append(Fault("currency_options.max_amount_possible", "is the deduction of a flat code", index))
    if sum(1 for o in options if o["is_default"]) > 1:
        faults.append(Fault("currency_options.is_default", "at most one row is the default"))
    if flat and not options:
        faults.append(Fault("currency_options", "a flat code needs its deduction in each currency it is for"))
    return faults


def _units(minor: int | None, currency: str) -> Decimal | None:
    return None if minor is None else Decimal(minor).scaleb(-MINOR_UNITS[currency])


def _count(field: str, value: int | None) -> list[Fault]:
    return [] if value is None or 1 <= value <= MAX_COUNT else [Fault(field, f"must be 1 to {MAX_COUNT}")]


def terms_faults(terms: dict[str, Any]) -> list[Fault]:
    """The faults of a discount's whole terms (TERMS), as created or after an update."""
    faults = []
    if not CODE.fullmatch(terms["code"]):
        faults.append(Fault("code", "must be 3 to 16 letters, digits, '-' or '_' (it is uppercased)"))
    if terms["type"] not in DISCOUNT_TYPES:
        faults.append(Fault("type", "must be percentage or flat"))
    faults += option_faults(terms["currency_options"], terms["type"] == "flat")
    if not 1 <= terms["amount"] <= BASIS_POINTS:
        faults.append(Fault("amount", f"must be 1 to {BASIS_POINTS} basis points"))
    name = terms["name"]
    if name is not None:
        faults += text_fault("name", name)
        if len(name) > MAX_NAME:
            faults.append(Fault("name", f"must be at most {MAX_NAME} characters"))
    for field in ("subscription_cycles", "usage_limit", "per_customer_usage_limit"):
        faults += _count(field, terms[field])
    limit, own = terms["usage_limit"], terms["per_customer_usage_limit"]
    if limit is not None and own is not None and own > limit:
        faults.append(Fault("per_customer_usage_limit", "must be at most usage_limit"))
    restricted = terms["restricted_to"]
    if len(restricted) > MAX_RESTRICTED:
        faults.append(Fault("restricted_to", f"at most {MAX_RESTRICTED} products"))
    for index, product in enumerate(restricted):
        try:
            uuid.UUID(product)
        except ValueError:
            faults.append(Fault("restricted_to", f"unknown product {product}", index))
    for field in ("starts_at", "expires_at"):
        if terms[field] is not None:
            faults += time_fault(field, terms[field])
    if terms["starts_at"] and terms["expires_at"] and terms["starts_at"] >= terms["expires_at"]:
        faults.append(Fault("starts_at", "must be before expires_at"))
    faults += metadata_faults(terms["metadata"])
    return faults


class Discount(Aggregate):
    class Created(Aggregate.Created):
        business_id: uuid.UUID
        terms: dict[str, Any]  # every field of TERMS

    class Updated(Aggregate.Event):
        changes: dict[str, Any]  # the fields of TERMS that changed, with their new values

    class Redeemed(Aggregate.Event):
        subscription_id: uuid.UUID
        customer_id: str

    class Deleted(Aggregate.Event):
        pass

    @event(Created)
    def __init__(self, business_id: uuid.UUID, terms: dict[str, Any]) -> None:
        self.business_id = business_id
        self.terms = {"currency_options": [], **terms}
        self.times_used = 0
        self.used_by: dict[str, int] = {}
        self.deleted = False

    @classmethod
    def create(cls, business_id: uuid.UUID, terms: dict[str, Any]) -> Discount:
        terms = {**terms, "code": terms["code"].upper()}
        faults = terms_faults(terms)
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the discount", "invalid_discount", faults)
        return cls(business_id=business_id, terms=terms)

    @property
    def code(self) -> str:
        code: str = self.terms["code"]
        return code

    def update(self, changes: dict[str, Any]) -> None:
        if "code" in changes:
            changes = {**changes, "code": changes["code"].upper()}
        faults = [Fault(k, "cannot be changed") for k in sorted(set(changes) - set(TERMS))]
        faults += terms_faults({**self.terms, **{k: v for k, v in changes.items() if k in TERMS}})
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the discount", "invalid_discount", faults)
        changed = {k: v for k, v in changes.items() if self.terms[k] != v}
        if changed:
            self._updated(changes=changed)

    def option(self, currency: str) -> dict[str, Any] | None:
        """The currency option of a currency: its own row (tally converts no currency, so the default row of
        another currency does not apply)."""
        return next((o for o in self.terms["currency_options"] if o["currency"] == currency), None)

    def redeem(
        self, subscription_id: uuid.UUID, customer_id: str, product_id: uuid.UUID, currency: str, now: datetime
    ) -> Applied:
        """Counts one use by the subscription and answers what the subscription keeps of it, in the product's
        currency; refused (422, the reason in `code`) when not started, expired, used up (in all or by the
        customer), not for the product, or flat without a deduction in its currency."""
        t = self.terms
        option = self.option(currency)
        refusal: tuple[str, str] | None = None
        if t["starts_at"] is not None and now < t["starts_at"]:
            refusal = ("discount_not_started", f"discount {self.code} starts at {t['starts_at'].isoformat()}")
        elif t["expires_at"] is not None and now >= t["expires_at"]:
            refusal = ("discount_expired", f"discount {self.code} expired at {t['expires_at'].isoformat()}")
        elif t["usage_limit"] is not None and self.times_used >= t["usage_limit"]:
            refusal = (
                "discount_used_up",
                f"discount {self.code} was used {self.times_used} of {t['usage_limit']} times",
            )
        elif (
            t["per_customer_usage_limit"] is not None
            and self.used_by.get(customer_id, 0) >= t["per_customer_usage_limit"]
        ):
            refusal = ("discount_used_up", f"customer {customer_id} used discount {self.code} as often as it may")
        elif t["restricted_to"] and str(product_id) not in t["restricted_to"]:
            refusal = ("discount_not_applicable", f"discount {self.code} is not for product {product_id}")
        elif t["type"] == "flat" and option is None:
            refusal = ("discount_not_applicable", f"discount {self.code} has no deduction in {currency}")
        if refusal is not None:
            raise Invalid(refusal[1], refusal[0], [Fault("discount_code", refusal[1])])
        self._redeemed(subscription_id=subscription_id, customer_id=customer_id)
        most = _units(option["max_amount_possible"], currency) if option else None
        least = _units(option["minimum_subtotal"], currency) if option else None
        return Applied(
            discount_id=str(self.id),
            code=self.code,
            basis_points=t["amount"],
            cycles=t["subscription_cycles"],
            from_cycle=0,
            product_id=str(product_id),
            restricted_to=tuple(t["restricted_to"]),
            preserve_on_plan_change=t["preserve_on_plan_change"],
            type=t["type"],
            off=most if t["type"] == "flat" else None,
            cap=most if t["type"] == "percentage" else None,
            minimum_subtotal=least or Decimal(0),
        )

    def delete(self) -> None:
        if not self.deleted:
            self._deleted()

    @event(Updated)
    def _updated(self, changes: dict[str, Any]) -> None:
        self.terms = {**self.terms, **changes}

    @event(Redeemed)
    def _redeemed(self, subscription_id: uuid.UUID, customer_id: str) -> None:
        self.times_used += 1
        self.used_by[customer_id] = self.used_by.get(customer_id, 0) + 1

    @event(Deleted)
    def _deleted(self) -> None:
        self.deleted = True
