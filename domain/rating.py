"""Pricing a cycle: the one function both the upcoming invoice and cycle close use.

Per usage price, in this order: quantity -> free (up to the free threshold) ->
credits (from the wallet, see docs/credits.md; or, for a price linked to a
credit entitlement, from that entitlement's balance and overage, see
docs/credit-entitlements.md) -> billable -> amount by the price's model
(domain/pricing_models.py), rounded once, half-up, to the currency's minor
unit. Late usage (events of an already closed cycle) is billed as the
difference it makes to that cycle (domain/late_usage.py).

A price with `group_by` rates one line per value of that metadata key, each
value by its own terms (`group_prices`, else the base terms). The free
threshold and the credits belong to the meter, not to a value: they are taken
from the values in the order of their lines (values sorted, events without the
key last) until used up (docs/pricing.md).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from decimal import ROUND_DOWN, Decimal
from typing import Any, Literal, get_args

from domain.credit_rules import Pool, cover, credits_for, overage_charge
from domain.money import money, round_money
from domain.numbers import MAX_PLACES
from domain.pricing_models import Model, Pricing, Tier

ZERO = Decimal(0)
LimitBehavior = Literal["block", "notify"]
LIMIT_BEHAVIORS: tuple[LimitBehavior, ...] = get_args(LimitBehavior)
FINEST = Decimal(1).scaleb(-MAX_PLACES)


@dataclass(frozen=True)
class CreditTerms:
    per_cycle: Decimal
    per_unit: Decimal
    rollover: str  # "none" | "all"
    expires_after_days: int | None = None


@dataclass(frozen=True)
class UsagePrice:
    meter_id: str
    unit_price: Decimal
    free_threshold: Decimal = ZERO
    credits: CreditTerms | None = None
    model: Model = "per_unit"
    tiers: tuple[Tier, ...] = ()
    package_size: Decimal | None = None
    package_price: Decimal | None = None
    group_by: str | None = None
    group_prices: dict[str, Pricing] = field(default_factory=dict)
    credit_entitlement_id: str | None = None
    meter_units_per_credit: Decimal | None = None
    # Units of the meter a cycle may use (docs/access.md): `block` refuses access past it, `notify` only tells.
    usage_limit: Decimal | None = None
    limit_behavior: LimitBehavior | None = None

    @property
    def pricing(self) -> Pricing:
        """The base terms: how billable units of this meter (or of a value without its own terms) are priced."""
        return Pricing(self.model, self.unit_price, self.tiers, self.package_size, self.package_price)

    def for_value(self, value: str | None, free_threshold: Decimal) -> UsagePrice:
        """The price one value of `group_by` is rated at, with what is left of the meter's free threshold."""
        p = self.group_prices.get(value, self.pricing) if value is not None else self.pricing
        return replace(
            self,
            free_threshold=free_threshold,
            model=p.model,
            unit_price=p.unit_price,
            tiers=p.tiers,
            package_size=p.package_size,
            package_price=p.package_price,
            group_by=None,
            group_prices={},
        )

    def terms(self) -> dict[str, Any]:
        """The price as Product events store it: {"meter_id", "unit_price", "free_threshold", "credits"} as
        always, plus the model's terms when not per_unit, the per-value terms when grouped and the entitlement
        link when there is one, so prices without them store what they always did."""
        terms = {
            "meter_id": self.meter_id,
            "unit_price": self.unit_price,
            "free_threshold": self.free_threshold,
            "credits": asdict(self.credits) if self.credits else None,
        }
        if self.model != "per_unit":
            terms |= self.pricing.terms()
        if self.group_by is not None:
            terms |= {"group_by": self.group_by, "group_prices": {v: p.terms() for v, p in self.group_prices.items()}}
        if self.credit_entitlement_id is not None:
            terms |= {
                "credit_entitlement_id": self.credit_entitlement_id,
                "meter_units_per_credit": self.meter_units_per_credit,
            }
        if self.usage_limit is not None:
            terms |= {"usage_limit": self.usage_limit, "limit_behavior": self.limit_behavior}
        return terms

    @classmethod
    def from_terms(cls, terms: dict[str, Any]) -> UsagePrice:
        """From its stored form, whose decimals may come back as strings or numbers (jsonb). Terms stored
        before pricing models (no `model`) read as per_unit, unchanged."""
        credits = terms.get("credits")
        base = Pricing.from_terms(terms)
        return cls(
            meter_id=terms["meter_id"],
            unit_price=base.unit_price,
            free_threshold=Decimal(str(terms["free_threshold"])),
            credits=CreditTerms(
                Decimal(str(credits["per_cycle"])),
                Decimal(str(credits["per_unit"])),
                credits["rollover"],
                credits.get("expires_after_days"),
            )
            if credits
            else None,
            model=base.model,
            tiers=base.tiers,
            package_size=base.package_size,
            package_price=base.package_price,
            group_by=terms.get("group_by"),
            group_prices={v: Pricing.from_terms(p) for v, p in (terms.get("group_prices") or {}).items()},
            credit_entitlement_id=terms.get("credit_entitlement_id"),
            meter_units_per_credit=Decimal(str(terms["meter_units_per_credit"]))
            if terms.get("meter_units_per_credit") is not None
            else None,
            usage_limit=Decimal(str(terms["usage_limit"])) if terms.get("usage_limit") is not None else None,
            limit_behavior=terms.get("limit_behavior"),
        )


@dataclass(frozen=True)
class Usage:
    price: UsagePrice
    meter_name: str
    quantity: Decimal
    # Rated as a late line of an invoice issued before late re-rating (application/explain.py re-derives them);
    # its price has no free threshold and no credits, as those were rated.
    late: bool = False
    # per value of price.group_by (None: events without the key); None when the price is not grouped
    groups: dict[str | None, Decimal] | None = None
    segment: int | None = None  # which of a bill's plan segments it was measured in, when it has several


@dataclass(frozen=True)
class LateFor:
    """What a late line re-rates: the line of an issued bill (invoice `invoice_id`, its period, its plan segment
    when it has several), what had been billed for it (`billed`) and what it costs with every event known now
    (`rerated`); the late line's amount is the difference (domain/late_usage.py)."""

    invoice_id: str
    start: datetime
    end: datetime
    billed: Decimal
    rerated: Decimal
    segment: int | None = None

    @classmethod
    def from_terms(cls, terms: dict[str, Any]) -> LateFor:
        start, end = terms["start"], terms["end"]
        return cls(
            str(terms["invoice_id"]),
            start if isinstance(start, datetime) else datetime.fromisoformat(start),
            end if isinstance(end, datetime) else datetime.fromisoformat(end),
            Decimal(str(terms["billed"])),
            Decimal(str(terms["rerated"])),
            terms.get("segment"),
        )


@dataclass(frozen=True)
class Line:
    meter_id: str
    meter_name: str
    quantity: Decimal
    free: Decimal
    credited: Decimal  # units paid with credits
    credits_used: Decimal  # credits those units cost
    billable: Decimal
    unit_price: Decimal
    amount: Decimal
    late: bool
    model: Model = "per_unit"
    group: dict[str, str | None] | None = None  # {group_by key: value} of a per-value line
    # Units past an entitlement's overage_limit: neither paid with credits nor charged, flagged.
    uncharged: Decimal = ZERO
    segment: int | None = None  # the index of its plan segment in the invoice, when the invoice has several
    late_for: LateFor | None = None  # a late line's re-rated bill; None on lines issued before late re-rating
    # "usage" for a meter's line; other kinds carry no meter (domain/usage_threshold.py: already_invoiced).
    kind: str = "usage"

    def terms(self) -> dict[str, Any]:
        """The line as an Invoice.Issued event stores it (`uncharged`, `segment`, `late_for`, `kind` only when
        there are)."""
        terms = asdict(self)
        if not self.uncharged:
            del terms["uncharged"]
        if self.kind == "usage":
            del terms["kind"]
        for name in ("segment", "late_for"):
            if getattr(self, name) is None:
                del terms[name]
        return terms

    @classmethod
    def from_terms(cls, terms: dict[str, Any]) -> Line:
        """From its stored form, whose decimals may come back as strings or numbers (jsonb); lines stored
        before pricing models are per_unit and ungrouped."""
        decimals = {k: Decimal(str(terms[k])) for k in DECIMALS}
        return cls(
            meter_id=terms["meter_id"],
            meter_name=terms["meter_name"],
            late=terms["late"],
            model=terms.get("model", "per_unit"),
            group=terms.get("group"),
            uncharged=Decimal(str(terms.get("uncharged", 0))),
            segment=terms.get("segment"),
            late_for=LateFor.from_terms(terms["late_for"]) if terms.get("late_for") else None,
            kind=terms.get("kind", "usage"),
            **decimals,
        )


DECIMALS = ("quantity", "free", "credited", "credits_used", "billable", "unit_price", "amount")


@dataclass(frozen=True)
class Rated:
    currency: str
    lines: list[Line]
    price: Decimal
    total: Decimal
    pools: dict[str, Pool] = field(default_factory=dict)  # entitlement id -> balance after this cycle's usage
    balance: Decimal = ZERO  # what the default wallet has left after this cycle's usage

    @property
    def credits_used(self) -> Decimal:
        return sum((line.credits_used for line in self.lines), ZERO)


def credited_units(rest: Decimal, balance: Decimal, per_unit: Decimal) -> Decimal:
    """Units the balance pays for: whole units for whole quantities, else down to 12 places."""
    if rest <= 0 or balance <= 0:
        return ZERO
    step = Decimal(1) if rest == rest.to_integral_value() else FINEST
    covered = min(rest, (balance / per_unit).quantize(step, rounding=ROUND_DOWN))
    while covered > 0 and covered * per_unit > balance:  # the division may have rounded up
        covered -= step
    return max(covered, ZERO)


def usage_line(
    usage: Usage,
    currency: str,
    quantity: Decimal,
    free: Decimal,
    credited: Decimal,
    credits_used: Decimal,
    billable: Decimal,
    uncharged: Decimal = ZERO,
) -> Line:
    """The line of a usage's quantity split so, its billable units charged at the price."""
    price = usage.price
    return Line(
        price.meter_id,
        usage.meter_name,
        quantity,
        free,
        credited,
        credits_used,
        billable,
        price.unit_price,
        round_money(price.pricing.amount(billable), currency),
        usage.late,
        price.model,
        uncharged=uncharged,
        segment=usage.segment,
    )


def rate_line(usage: Usage, currency: str, balance: Decimal) -> Line:
    price = usage.price
    quantity = max(usage.quantity, ZERO)
    free = min(quantity, price.free_threshold)
    rest = quantity - free
    credited = ZERO
    if price.credits is not None:
        credited = credited_units(rest, balance, price.credits.per_unit)
    credits_used = credited * price.credits.per_unit if price.credits else ZERO
    return usage_line(usage, currency, quantity, free, credited, credits_used, rest - credited)


def group_order(value: str | None) -> tuple[bool, str]:
    return value is None, value or ""


def rate_usage(usage: Usage, currency: str, balance: Decimal) -> list[Line]:
    """One line, or one per value of a grouped price, the meter's free threshold and the wallet taken from the
    values in line order."""
    price = usage.price
    if usage.groups is None or price.group_by is None:
        return [rate_line(usage, currency, balance)]
    if not usage.groups:
        return [
            rate_line(
                replace(usage, price=price.for_value(None, price.free_threshold), quantity=ZERO, groups=None),
                currency,
                balance,
            )
        ]
    allowance, lines = price.free_threshold, []
    for value in sorted(usage.groups, key=group_order):
        valued = replace(usage, price=price.for_value(value, allowance), quantity=usage.groups[value], groups=None)
        line = replace(rate_line(valued, currency, balance), group={price.group_by: value})
        allowance -= line.free
        balance -= line.credits_used
        lines.append(line)
    return lines


def rate_entitled(usage: Usage, currency: str, pool: Pool) -> tuple[Line, Pool]:
    """The credits step of a price linked to an entitlement: the rest after the free threshold costs
    credits (credit_rules.credits_for), paid from the balance, then as overage; units no credit pays are
    billed at the unit price, or, when the entitlement allows overage, are past its limit: uncharged."""
    price = usage.price
    quantity = max(usage.quantity, ZERO)
    free = min(quantity, price.free_threshold)
    rest = quantity - free
    credited = credits_used = ZERO
    if price.meter_units_per_credit:
        done, pool = cover(credits_for(rest, price.meter_units_per_credit, pool.terms.precision), pool)
        credits_used = done.used
        credited = min(rest, credits_used * price.meter_units_per_credit)
    left = rest - credited
    uncharged = left if pool.terms.overage_enabled else ZERO
    return usage_line(usage, currency, quantity, free, credited, credits_used, left - uncharged, uncharged), pool


def overage_line(entitlement_id: str, pool: Pool, currency: str) -> Line:
    """`invoice_at_billing`: the overage owed at the close, charged at the entitlement's price_per_unit."""
    unit_price = pool.terms.price_per_unit or ZERO
    return Line(
        f"credit_entitlement:{entitlement_id}",
        f"{pool.terms.name} overage ({pool.terms.unit})",
        pool.overage,
        ZERO,
        ZERO,
        ZERO,
        pool.overage,
        unit_price,
        overage_charge(pool.overage, pool.terms, currency),
        False,
    )


def rate(
    usages: list[Usage],
    price: Decimal,
    currency: str,
    balance: Decimal = ZERO,
    pools: dict[str, Pool] | None = None,
    overage_lines: bool = True,
) -> Rated:
    """Rates lines in the given order, each spending what the wallet (or its entitlement's pool) has left;
    then one overage line per `invoice_at_billing` entitlement that owes overage (unless `overage_lines` is
    False: a part of a cycle billed at a plan change)."""
    lines = []
    pools = dict(pools or {})
    for usage in usages:
        entitlement = usage.price.credit_entitlement_id
        if entitlement is not None and entitlement in pools:
            line, pools[entitlement] = rate_entitled(usage, currency, pools[entitlement])
            lines.append(line)
            continue
        for line in rate_usage(usage, currency, balance):
            balance -= line.credits_used
            lines.append(line)
    lines += [
        overage_line(e, pool, currency)
        for e, pool in sorted(pools.items())
        if overage_lines and pool.terms.overage_behavior == "invoice_at_billing" and pool.overage > 0
    ]
    fixed = money(price, currency)
    return Rated(currency, lines, fixed, sum((line.amount for line in lines), fixed), pools, balance)
