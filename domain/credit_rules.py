"""The rules of a credit entitlement (Dodo's model, docs/credit-entitlements.md): its terms, what a product's
attachment overrides, and the arithmetic of a cycle: meter units -> credits, credits -> balance then overage,
rollover at the close, and the overage charge.

Rounding, each once: credits used round UP to the entitlement's precision (a started credit is spent, so
usage split across requests never runs free); the rolled-over part of a grant rounds DOWN (the forfeited
part takes the remainder); an overage charge rounds half-up to the currency's minor unit.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime
from decimal import ROUND_DOWN, ROUND_UP, Decimal
from typing import Any, Literal, NamedTuple

from domain.cycles import Interval, boundary
from domain.errors import Fault
from domain.money import MINOR_UNITS, round_money
from domain.numbers import MAX_PLACES, bound_faults
from domain.text import line_faults, text_fault

ZERO = Decimal(0)
BEHAVIOURS = ("forgive_at_reset", "invoice_at_billing", "carry_deficit", "carry_deficit_auto_repay")
INTERVALS = ("Day", "Week", "Month", "Year")
TIMEFRAMES: dict[str, Interval] = {"Day": "day", "Week": "week", "Month": "month", "Year": "year"}
MAX_PRECISION = 10
MAX_DAYS = 36600
MAX_COUNT = 1000


@dataclass(frozen=True)
class EntitlementTerms:
    """What an entitlement says; events store it as `terms()`, a plain dict, like product prices."""

    name: str
    unit: str
    precision: int
    rollover_enabled: bool = False
    overage_enabled: bool = False
    overage_behavior: str = "forgive_at_reset"
    description: str | None = None
    expires_after_days: int | None = None
    rollover_percentage: int | None = None
    max_rollover_count: int | None = None
    rollover_timeframe_count: int | None = None
    rollover_timeframe_interval: str | None = None
    overage_limit: Decimal | None = None
    price_per_unit: Decimal | None = None
    currency: str | None = None
    low_balance_threshold_percent: int | None = None

    def terms(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_terms(cls, terms: dict[str, Any]) -> EntitlementTerms:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in terms.items() if k in known}
        for k in ("overage_limit", "price_per_unit"):
            if values.get(k) is not None:
                values[k] = Decimal(str(values[k]))
        return cls(**values)

    @property
    def step(self) -> Decimal:
        return Decimal(1).scaleb(-self.precision)

    @property
    def kept_share(self) -> Decimal:
        """The share of what is left that rolls over at a close (the rest is forfeited)."""
        if not self.rollover_enabled:
            return ZERO
        return Decimal(100 if self.rollover_percentage is None else self.rollover_percentage) / 100


# Fields a product's attachment may override (Dodo's AttachCreditEntitlementParam).
OVERRIDABLE = (
    "expires_after_days",
    "low_balance_threshold_percent",
    "max_rollover_count",
    "overage_behavior",
    "overage_enabled",
    "overage_limit",
    "price_per_unit",
    "currency",
    "rollover_enabled",
    "rollover_percentage",
    "rollover_timeframe_count",
    "rollover_timeframe_interval",
)


ProrationBehavior = Literal["prorate", "no_prorate"]  # Dodo's CbbProrationBehavior


@dataclass(frozen=True)
class Attachment:
    """An entitlement attached to a product: `credits_amount` granted every cycle, and overrides.
    `proration_behavior` says what a plan change onto the product grants for the rest of the open cycle
    (domain/entitlements.py, `change_grants`)."""

    credit_entitlement_id: str
    credits_amount: Decimal
    overrides: dict[str, Any]
    proration_behavior: ProrationBehavior = "prorate"

    def terms(self) -> dict[str, Any]:
        """As Product events store it; `proration_behavior` only when not the default, so attachments made
        before it store what they always did."""
        terms = {
            "credit_entitlement_id": self.credit_entitlement_id,
            "credits_amount": self.credits_amount,
            "overrides": dict(self.overrides),
        }
        if self.proration_behavior != "prorate":
            terms["proration_behavior"] = self.proration_behavior
        return terms

    @classmethod
    def from_terms(cls, terms: dict[str, Any]) -> Attachment:
        return cls(
            terms["credit_entitlement_id"],
            Decimal(str(terms["credits_amount"])),
            dict(terms.get("overrides") or {}),
            terms.get("proration_behavior", "prorate"),
        )

    def applied_to(self, entitlement: EntitlementTerms) -> EntitlementTerms:
        return EntitlementTerms.from_terms({**entitlement.terms(), **self.overrides})


def _whole(field: str, value: int | None, low: int, high: int) -> list[Fault]:
    if value is not None and not low <= value <= high:
        return [Fault(field, f"must be {low} to {high}")]
    return []


def _decimal(field: str, value: Decimal | None, max_places: int) -> list[Fault]:
    return [] if value is None else bound_faults(field, value, max_places=max_places)


def terms_faults(t: EntitlementTerms) -> list[Fault]:
    """Dodo's rules: currency iff price_per_unit, a price when overage is enabled; and the ranges of every
    number; a rollover timeframe's count and interval together."""
    faults = line_faults({"name": t.name, "unit": t.unit}) + text_fault("description", t.description, prose=True)
    for field, value, limit in (("name", t.name, 200), ("unit", t.unit, 100), ("description", t.description, 2000)):
        if value is not None and not 1 <= len(value) <= limit:
            faults.append(Fault(field, f"must be 1 to {limit} characters"))
    faults += _whole("precision", t.precision, 0, MAX_PRECISION)
    faults += _whole("expires_after_days", t.expires_after_days, 1, MAX_DAYS)
    faults += _whole("rollover_percentage", t.rollover_percentage, 0, 100)
    faults += _whole("max_rollover_count", t.max_rollover_count, 0, MAX_COUNT)
    faults += _whole("rollover_timeframe_count", t.rollover_timeframe_count, 1, MAX_COUNT)
    faults += _whole("low_balance_threshold_percent", t.low_balance_threshold_percent, 0, 100)
    faults += _decimal("overage_limit", t.overage_limit, 0)  # Dodo's entitlement holds it as an integer
    faults += _decimal("price_per_unit", t.price_per_unit, MAX_PLACES)
    if t.overage_behavior not in BEHAVIOURS:
        faults.append(Fault("overage_behavior", f"must be one of {', '.join(BEHAVIOURS)}"))
    if t.rollover_timeframe_interval is not None and t.rollover_timeframe_interval not in INTERVALS:
        faults.append(Fault("rollover_timeframe_interval", f"must be one of {', '.join(INTERVALS)}"))
    if (t.rollover_timeframe_count is None) != (t.rollover_timeframe_interval is None):
        faults.append(
            Fault("rollover_timeframe_count", "rollover_timeframe_count and rollover_timeframe_interval go together")
        )
    if t.currency is not None and t.currency not in MINOR_UNITS:
        faults.append(Fault("currency", f"must be one of {', '.join(sorted(MINOR_UNITS))}"))
    if (t.currency is None) != (t.price_per_unit is None):
        faults.append(Fault("currency", "currency is required exactly when price_per_unit is set"))
    if t.overage_enabled and t.price_per_unit is None:
        faults.append(Fault("price_per_unit", "is required when overage_enabled"))
    return faults


def credit_amount_faults(field: str, amount: Decimal, precision: int) -> list[Fault]:
    """A credit amount: positive, within the bound, written with at most the entitlement's precision."""
    return bound_faults(field, amount, positive=True, max_places=precision)


def credits_for(units: Decimal, meter_units_per_credit: Decimal, precision: int) -> Decimal:
    """Credits `units` meter units cost, rounded UP to the precision."""
    if units <= 0:
        return ZERO
    return (units / meter_units_per_credit).quantize(Decimal(1).scaleb(-precision), rounding=ROUND_UP)


@dataclass(frozen=True)
class Pool:
    """One (customer, entitlement) balance as a cycle is rated: the credits left, the overage owed."""

    terms: EntitlementTerms
    balance: Decimal = ZERO
    overage: Decimal = ZERO


@dataclass(frozen=True)
class Cover:
    from_balance: Decimal
    to_overage: Decimal
    uncovered: Decimal  # credits neither the balance nor the allowed overage pays

    @property
    def used(self) -> Decimal:
        return self.from_balance + self.to_overage


def cover(needed: Decimal, pool: Pool) -> tuple[Cover, Pool]:
    """Credits come from the balance first; the rest becomes overage if the entitlement allows it, up to
    `overage_limit` of overage owed in all; what is past the limit stays uncovered."""
    from_balance = min(max(needed, ZERO), pool.balance)
    rest = needed - from_balance
    to_overage = ZERO
    if pool.terms.overage_enabled and rest > 0:
        limit = pool.terms.overage_limit
        to_overage = rest if limit is None else min(rest, max(limit - pool.overage, ZERO))
    done = Cover(from_balance, to_overage, rest - to_overage)
    return done, replace(pool, balance=pool.balance - from_balance, overage=pool.overage + to_overage)


class Settlement(NamedTuple):
    """What a close does with what is left of a grant it settles: rolls `rolled` into a new grant (expiring at
    `expires_at`, or at the following cycle's end when None) and forfeits `forfeited`. A `carried` grant is a
    rollover still inside its timeframe, moved on to the following cycle whole: not another rollover."""

    rolled: Decimal
    forfeited: Decimal
    expires_at: datetime | None = None
    carried: bool = False


def settlement(grant: dict[str, Any], terms: EntitlementTerms, closed_at: datetime) -> Settlement:
    """Without a rollover timeframe, credits rolled over live one cycle and may roll again (rollover_split).
    With one, credits rolled over at `closed_at` expire `rollover_timeframe_count` x `rollover_timeframe_interval`
    later: each close before then carries them on whole, the first close at or after it forfeits what is left
    (it paid for that last cycle: a grant pays for the whole cycle it is available in, docs/credits.md)."""
    remaining, count = grant["remaining"], grant["rollover_count"]
    interval, every = terms.rollover_timeframe_interval, terms.rollover_timeframe_count
    if interval is None or every is None:
        return Settlement(*rollover_split(remaining, terms, count))
    if grant["source"] == "rollover":
        if remaining <= 0:
            return Settlement(ZERO, ZERO)
        expires = grant["expires_at"]
        if expires is not None and expires > closed_at:
            return Settlement(remaining, ZERO, expires, carried=True)
        return Settlement(ZERO, remaining)
    rolled, forfeited = rollover_split(remaining, terms, count)
    return Settlement(rolled, forfeited, boundary(closed_at, TIMEFRAMES[interval], every, 1))


def rollover_split(remaining: Decimal, terms: EntitlementTerms, rollover_count: int) -> tuple[Decimal, Decimal]:
    """(rolled over, forfeited) of what is left of a grant whose period ended: nothing rolls once the grant
    has rolled `max_rollover_count` times; the rolled part rounds DOWN to the precision."""
    if remaining <= 0:
        return ZERO, ZERO
    cap = terms.max_rollover_count
    if not terms.rollover_enabled or (cap is not None and rollover_count >= cap):
        return ZERO, remaining
    rolled = (remaining * terms.kept_share).quantize(terms.step, rounding=ROUND_DOWN)
    return rolled, remaining - rolled


def overage_charge(overage: Decimal, terms: EntitlementTerms, currency: str) -> Decimal:
    """What `invoice_at_billing` charges for the overage: credits x price_per_unit, rounded once."""
    return round_money(overage * (terms.price_per_unit or ZERO), currency)


def repayment(overage: Decimal, balance: Decimal, terms: EntitlementTerms) -> Decimal:
    """What a new grant repays of the deficit first: only `carry_deficit_auto_repay` repays."""
    if terms.overage_behavior != "carry_deficit_auto_repay":
        return ZERO
    return min(overage, balance)
