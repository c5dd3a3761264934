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
    """A discount as a subscription redeemed it: `basis_points` off every bill of the cycles
    [from_cycle, from_cycle + cycles) (every cycle from `from_cycle` when `cycles` is None) whose product it
    allows: one of `restricted_to` when it names some, and, unless `preserve_on_plan_change`, the product it was
    redeemed on."""

    discount_id: str
    code: str
    basis_points: int
    cycles: int | None
    from_cycle: int
    product_id: str
    restricted_to: tuple[str, ...] = ()
    preserve_on_plan_change: bool = False

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
        return cls(**{**terms, "restricted_to": tuple(terms.get("restricted_to") or ())})


def _line(meter_id: str, name: str, billable: Decimal, unit_price: Decimal, amount: Decimal) -> Line:
    return Line(meter_id, name, billable, ZERO, ZERO, ZERO, billable, unit_price, amount, False)


def discount_line(discount: Applied, subtotal: Decimal, currency: str) -> Line:
    rate = -Decimal(discount.basis_points) / Decimal(10_000)
    percent = (Decimal(discount.basis_points) / 100).normalize()
    return _line(
        f"{DISCOUNT_LINE}{discount.discount_id}",
        f"Discount {discount.code} ({percent:f}%)",
        subtotal,
        rate,
        round_money(subtotal * rate, currency),
    )


def minimum_line(product_id: str, minimum: Decimal, total: Decimal, currency: str) -> Line:
    short = round_money(minimum - total, currency)
    return _line(f"{MINIMUM_LINE}{product_id}", f"Minimum commitment {minimum}", ONE, short, short)


def adjusted(rated: Rated, currency: str, discount: Applied | None, minimum: Decimal | None, product_id: str) -> Rated:
    """The rated bill with its discount line (when a discount covers it and the subtotal is positive) and its
    minimum commitment line (when a minimum is given and the total falls short of it)."""
    lines = []
    total = rated.total
    if discount is not None and total > 0:
        lines.append(discount_line(discount, total, currency))
        total += lines[-1].amount
    if minimum is not None and total < minimum:
        lines.append(minimum_line(product_id, minimum, total, currency))
        total += lines[-1].amount
    return replace(rated, lines=rated.lines + lines, total=total) if lines else rated


def readjusted(rated: Rated, issued: list[Line], issued_total: Decimal, minimum: Decimal | None) -> Rated:
    """A re-priced bill (a simulation's) with the adjustments its issued lines show: each discount line's rate
    taken from the new subtotal, and the minimum commitment (`minimum`, or the issued total where the invoice
    had a minimum line: a topped-up total is the minimum)."""
    lines, total = [], rated.total
    for line in issued:
        if line.meter_id.startswith(DISCOUNT_LINE) and total > 0:
            lines.append(
                replace(
                    line, quantity=total, billable=total, amount=round_money(total * line.unit_price, rated.currency)
                )
            )
            total += lines[-1].amount
    floor = issued_total if any(line.meter_id.startswith(MINIMUM_LINE) for line in issued) else minimum
    if floor is not None and total < floor:
        product = next(
            (line.meter_id.removeprefix(MINIMUM_LINE) for line in issued if line.meter_id.startswith(MINIMUM_LINE)), ""
        )
        lines.append(minimum_line(product, floor, total, rated.currency))
        total += lines[-1].amount
    return replace(rated, lines=rated.lines + lines, total=total) if lines else rated
