"""What comes after the usage and the fixed price on an invoice: the discount, then the minimum commitment.

The order of an invoice (docs/discounts.md): usage lines (free units, credits, models) -> the fixed price and
add-ons -> late lines -> **discount** -> **minimum commitment** -> (the money wallet pays what is left, at
issue). Each adjustment is a line of its own, so the total stays the sum of the rounded lines and the fixed
price:

- discount: `-(subtotal x basis_points / 10000)`, rounded once, half-up, to the currency's minor unit; its
  line's `billable` is the subtotal it was taken from and its `unit_price` the rate (`-0.2` for 2000 bp), so the
  line shows its work as a usage line does (billable x unit_price, rounded).
- minimum commitment: when the total after the discount is below the product's `minimum_amount`, one line for
  the difference (`billable` 1 at that amount).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from decimal import Decimal
from typing import Any

from domain.money import round_money
from domain.rating import ZERO, Line, Rated

DISCOUNT_LINE = "discount:"  # a discount line's `meter_id` is "discount:<discount id>"
MINIMUM_LINE = "minimum:"  # a minimum commitment line's `meter_id` is "minimum:<product id>"
ONE = Decimal(1)


@dataclass(frozen=True)
class Applied:
    """A discount as a subscription redeemed it, in its product's currency: `basis_points` off (at most `cap`),
    or, flat, `off` (both in the currency's units), on every bill whose subtotal reaches `minimum_subtotal`, of
    the cycles [from_cycle, from_cycle + cycles) (every cycle from `from_cycle` when `cycles` is None) whose
    product it allows: one of `restricted_to` when it names some, and, unless `preserve_on_plan_change`, the
    product it was redeemed on."""

    discount_id: str
    code: str
    basis_points: int
    cycles: int | None
    from_cycle: int
    product_id: str
    restricted_to: tuple[str, ...] = ()
    preserve_on_plan_change: bool = False
    type: str = "percentage"  # or "flat"
    off: Decimal | None = None  # a flat discount's deduction
    cap: Decimal | None = None  # the most a percentage takes off
    minimum_subtotal: Decimal = ZERO

    def covers(self, cycle_index: int, product_id: str) -> bool:
        if cycle_index < self.from_cycle or (self.cycles is not None and cycle_index >= self.from_cycle + self.cycles):
            return False
        if self.restricted_to and product_id not in self.restricted_to:
            return False
        return self.preserve_on_plan_change or product_id == self.product_id

    def terms(self) -> dict[str, Any]:
        return asdict(self) | {"restricted_to": list(self.restricted_to)}

    @classmethod
    def from_terms(cls, terms: dict[str, Any]) -> Applied:
        """From its stored form (decimals may come back as strings); terms stored before flat discounts are
        uncapped percentages."""
        decimals = {k: None if terms.get(k) is None else Decimal(str(terms[k])) for k in ("off", "cap")}
        return cls(
            **{
                **terms,
                **decimals,
                "restricted_to": tuple(terms.get("restricted_to") or ()),
                "minimum_subtotal": Decimal(str(terms.get("minimum_subtotal", 0))),
            }
        )


def _line(meter_id: str, name: str, billable: Decimal, unit_price: Decimal, amount: Decimal) -> Line:
    return Line(meter_id, name, billable, ZERO, ZERO, ZERO, billable, unit_price, amount, False)


def discount_line(discount: Applied, subtotal: Decimal, currency: str) -> Line | None:
    """The discount of a subtotal: a percentage shows its rate on the subtotal (billable x unit_price); a flat
    or capped one is one unit at its amount. None below the discount's minimum subtotal."""
    if subtotal <= 0 or subtotal < discount.minimum_subtotal:
        return None
    meter_id = f"{DISCOUNT_LINE}{discount.discount_id}"
    if discount.type == "flat" and discount.off is not None:
        off = min(discount.off, subtotal)
        return _line(meter_id, f"Discount {discount.code} ({discount.off} off)", ONE, -off, -off)
    rate = -Decimal(discount.basis_points) / Decimal(10_000)
    percent = (Decimal(discount.basis_points) / 100).normalize()
    amount = round_money(subtotal * rate, currency)
    if discount.cap is not None and -amount > discount.cap:
        return _line(
            meter_id,
            f"Discount {discount.code} ({percent:f}%, at most {discount.cap})",
            ONE,
            -discount.cap,
            -discount.cap,
        )
    return _line(meter_id, f"Discount {discount.code} ({percent:f}%)", subtotal, rate, amount)


def minimum_line(product_id: str, minimum: Decimal, total: Decimal, currency: str) -> Line:
    short = round_money(minimum - total, currency)
    return _line(f"{MINIMUM_LINE}{product_id}", f"Minimum commitment {minimum}", ONE, short, short)


def adjusted(rated: Rated, currency: str, discount: Applied | None, minimum: Decimal | None, product_id: str) -> Rated:
    """The rated bill with its discount line (when a discount covers it and the subtotal is positive) and its
    minimum commitment line (when a minimum is given and the total falls short of it)."""
    lines = []
    total = rated.total
    off = discount_line(discount, total, currency) if discount is not None else None
    if off is not None:
        lines.append(off)
        total += off.amount
    if minimum is not None and total < minimum:
        lines.append(minimum_line(product_id, minimum, total, currency))
        total += lines[-1].amount
    return replace(rated, lines=rated.lines + lines, total=total) if lines else rated


def readjusted(
    rated: Rated, issued: list[Line], issued_total: Decimal, discount: Applied | None, minimum: Decimal | None
) -> Rated:
    """A re-priced bill (a simulation's) with the adjustments its invoice had: the discount given (a migration
    preview knows the subscription's), or else each issued discount line again: a percentage at its rate on the
    new subtotal, a flat or capped one (one unit at its amount) as it was, at most the new subtotal; then the
    minimum commitment (`minimum`, or the issued total where the invoice had a minimum line: a topped-up total is
    the minimum)."""
    if discount is None:
        lines, total = [], rated.total
        for line in issued:
            if not line.meter_id.startswith(DISCOUNT_LINE) or total <= 0:
                continue
            if line.billable == ONE and line.unit_price == line.amount:
                off = max(line.amount, -total)
                lines.append(replace(line, unit_price=off, amount=off))
            else:
                off = round_money(total * line.unit_price, rated.currency)
                lines.append(replace(line, quantity=total, billable=total, amount=off))
            total += off
        rated = replace(rated, lines=rated.lines + lines, total=total)
    floor = issued_total if any(line.meter_id.startswith(MINIMUM_LINE) for line in issued) else minimum
    product = next(
        (line.meter_id.removeprefix(MINIMUM_LINE) for line in issued if line.meter_id.startswith(MINIMUM_LINE)), ""
    )
    return adjusted(rated, rated.currency, discount, floor, product)
