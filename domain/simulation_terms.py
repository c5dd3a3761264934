"""What a simulation asks: up to five scenarios of terms (a product's usage prices
and fixed price, as a product accepts them) over which closed cycles of which
customers. Checked with the product's own rules (`price_faults`), so every price
a product can hold, a scenario can hold."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import cached_property
from typing import Any

from domain.errors import Fault
from domain.money import MINOR_UNITS
from domain.numbers import bound_faults
from domain.product import MAX_USAGE_PRICES, price_faults, prices_of
from domain.rating import UsagePrice
from domain.text import line_faults
from domain.time_range import time_fault

MAX_SCENARIOS = 5
MAX_CYCLES = 36
MAX_CUSTOMER_IDS = 1000
MAX_NAME = 100


@dataclass(frozen=True)
class Scenario:
    name: str
    usage_prices: dict[str, UsagePrice]  # the prices simulated
    price: Decimal | None = None  # None: the fixed price each invoice was issued with
    # Meters whose issued lines are carried as they were: the product's per-value prices and prices linked to a
    # credit entitlement, which the scenario leaves unchanged (a simulation cannot re-derive them yet).
    carried: frozenset[str] = frozenset()

    def prices(self) -> list[UsagePrice]:
        return self.ordered

    @cached_property
    def ordered(self) -> list[UsagePrice]:
        """Sorted once: a simulation re-prices thousands of cycles with it."""
        return prices_of(self.usage_prices)

    def terms(self) -> dict[str, Any]:
        """As the Simulation's events store it; usage prices as products store them."""
        terms = {"name": self.name, "price": self.price, "usage_prices": [p.terms() for p in self.prices()]}
        return terms | ({"carried": sorted(self.carried)} if self.carried else {})

    @classmethod
    def from_terms(cls, terms: dict[str, Any]) -> Scenario:
        price = terms.get("price")
        prices = [UsagePrice.from_terms(t) for t in terms["usage_prices"]]
        return cls(
            terms["name"],
            {p.meter_id: p for p in prices},
            None if price is None else Decimal(str(price)),
            frozenset(terms.get("carried", [])),
        )

    @classmethod
    def over(
        cls, name: str, product_prices: dict[str, UsagePrice], prices: list[UsagePrice], price: Decimal | None
    ) -> Scenario:
        """The product's prices with the scenario's in their place; the product's per-value and
        entitlement-linked prices the scenario leaves as they are (unsent, or sent unchanged) are carried."""
        sent = {p.meter_id: p for p in prices}
        carried = frozenset(
            m
            for m, p in product_prices.items()
            if (p.group_by is not None or p.credit_entitlement_id is not None) and sent.get(m, p) == p
        )
        simulated = {m: p for m, p in {**product_prices, **sent}.items() if m not in carried}
        return cls(name, simulated, price, carried)


@dataclass(frozen=True)
class Span:
    """Which closed cycles: the last `cycles` of each subscription, or those starting in [start, end)."""

    cycles: int | None = None
    start: datetime | None = None
    end: datetime | None = None


def scenario_faults(
    name: str, usage_prices: list[UsagePrice], price: Decimal | None, currency: str, index: int
) -> list[Fault]:
    faults = line_faults({"scenarios.name": name}, index)
    if not 1 <= len(name) <= MAX_NAME:
        faults.append(Fault("scenarios.name", f"must be 1 to {MAX_NAME} characters", index))
    if price is not None:
        faults += bound_faults("scenarios.price", price, max_places=MINOR_UNITS[currency], index=index)
    if len(usage_prices) > MAX_USAGE_PRICES:
        faults.append(Fault("scenarios.usage_prices", f"at most {MAX_USAGE_PRICES}", index))
    seen: set[str] = set()
    for p in usage_prices:
        faults += [Fault(f.field, f.reason, index) for f in price_faults(p, "scenarios.usage_prices.")]
        if p.meter_id in seen:
            faults.append(Fault("scenarios.usage_prices.meter_id", "prices one meter twice", index))
        if p.group_by is not None:
            # The per-minute rollups a simulation reads keep no metadata: pricing by value would silently
            # fall back to the base terms, so a changed one is refused until the rollups are grouped (an unchanged
            # one is carried as issued: docs/simulation.md).
            faults.append(
                Fault(
                    "scenarios.usage_prices.group_by",
                    f"per-value prices cannot be simulated yet (meter {p.meter_id}): leave it as the product has it",
                    index,
                )
            )
        if p.credit_entitlement_id is not None:
            # Entitlement balances carry rollover and overage from cycle to cycle; re-deriving them under
            # other terms is not done yet, and a price without them would mislead (an unchanged one is carried
            # as issued: docs/simulation.md).
            faults.append(
                Fault(
                    "scenarios.usage_prices.credit_entitlement_id",
                    f"prices linked to a credit entitlement cannot be simulated yet (meter {p.meter_id}): leave it "
                    "as the product has it",
                    index,
                )
            )
        seen.add(p.meter_id)
    return faults


def request_faults(scenario_names: list[str], span: Span, customer_ids: list[str] | None) -> list[Fault]:
    faults: list[Fault] = []
    if not 1 <= len(scenario_names) <= MAX_SCENARIOS:
        faults.append(Fault("scenarios", f"1 to {MAX_SCENARIOS} scenarios"))
    if len(set(scenario_names)) != len(scenario_names):
        faults.append(Fault("scenarios.name", "names must differ"))
    by_count, by_range = span.cycles is not None, span.start is not None or span.end is not None
    if by_count == by_range:
        faults.append(Fault("cycles", "give either cycles or start and end"))
    if by_count and span.cycles is not None and not 1 <= span.cycles <= MAX_CYCLES:
        faults.append(Fault("cycles", f"must be 1 to {MAX_CYCLES}"))
    if by_range:
        if span.start is None or span.end is None:
            faults.append(Fault("start" if span.start is None else "end", "start and end go together"))
        else:
            faults += time_fault("start", span.start) + time_fault("end", span.end)
            if span.start >= span.end:
                faults.append(Fault("end", "must be after start"))
    if customer_ids is not None:
        if not 1 <= len(customer_ids) <= MAX_CUSTOMER_IDS:
            faults.append(Fault("customer_ids", f"1 to {MAX_CUSTOMER_IDS} customer ids"))
        for index, customer in enumerate(customer_ids):
            faults += line_faults({"customer_ids": customer}, index)
    return faults
