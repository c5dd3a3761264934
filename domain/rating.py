"""Pricing a cycle: the one function both the upcoming invoice and cycle close use.

Per usage price, in this order: quantity -> free (up to the free threshold) ->
credits (from the wallet, see docs/credits.md) -> billable -> amount, the
amount rounded once, half-up, to the currency's minor unit. Late usage (events
of an already closed cycle) is billed on its own line at the unit price: the
free allowance and the credits belonged to the cycle that closed.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import ROUND_DOWN, Decimal
from typing import Any

from domain.money import MAX_PRICE_PLACES, money, round_money

ZERO = Decimal(0)
FINEST = Decimal(1).scaleb(-MAX_PRICE_PLACES)


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

    def terms(self) -> dict[str, Any]:
        """The price as Product events store it: {"meter_id", "unit_price", "free_threshold", "credits"}."""
        return asdict(self)

    @classmethod
    def from_terms(cls, terms: dict[str, Any]) -> UsagePrice:
        """From its stored form, whose decimals may come back as strings or numbers (jsonb)."""
        credits = terms.get("credits")
        return cls(meter_id=terms["meter_id"], unit_price=Decimal(str(terms["unit_price"])),
                   free_threshold=Decimal(str(terms["free_threshold"])),
                   credits=CreditTerms(Decimal(str(credits["per_cycle"])), Decimal(str(credits["per_unit"])),
                                       credits["rollover"], credits.get("expires_after_days")) if credits else None)


@dataclass(frozen=True)
class Usage:
    price: UsagePrice
    meter_name: str
    quantity: Decimal
    late: bool = False


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

    def terms(self) -> dict[str, Any]:
        """The line as an Invoice.Issued event stores it."""
        return asdict(self)

    @classmethod
    def from_terms(cls, terms: dict[str, Any]) -> Line:
        """From its stored form, whose decimals may come back as strings or numbers (jsonb)."""
        decimals = {k: Decimal(str(terms[k])) for k in DECIMALS}
        return cls(meter_id=terms["meter_id"], meter_name=terms["meter_name"], late=terms["late"], **decimals)


DECIMALS = ("quantity", "free", "credited", "credits_used", "billable", "unit_price", "amount")


@dataclass(frozen=True)
class Rated:
    currency: str
    lines: list[Line]
    price: Decimal
    total: Decimal

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


def rate_line(usage: Usage, currency: str, balance: Decimal) -> Line:
    price = usage.price
    quantity = max(usage.quantity, ZERO)
    free = ZERO if usage.late else min(quantity, price.free_threshold)
    rest = quantity - free
    credited = ZERO
    if price.credits is not None and not usage.late:
        credited = credited_units(rest, balance, price.credits.per_unit)
    credits_used = credited * price.credits.per_unit if price.credits else ZERO
    billable = rest - credited
    return Line(price.meter_id, usage.meter_name, quantity, free, credited, credits_used, billable,
                price.unit_price, round_money(billable * price.unit_price, currency), usage.late)


def rate(usages: list[Usage], price: Decimal, currency: str, balance: Decimal = ZERO) -> Rated:
    """Rates lines in the given order, each spending what the wallet has left."""
    lines = []
    for usage in usages:
        line = rate_line(usage, currency, balance)
        balance -= line.credits_used
        lines.append(line)
    fixed = money(price, currency)
    return Rated(currency, lines, fixed, sum((line.amount for line in lines), fixed))
