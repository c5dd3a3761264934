"""Re-pricing a closed cycle under a scenario's terms, with the close's own rating
function (domain/rating.py), so the current terms give back exactly what was
issued: the self-check (tests/domain/test_simulation_rating.py).

Quantities come from the meters' per-minute rollups over the cycle. Where the
cycle's issued line says otherwise, events were recorded after the cycle closed
(the next close billed them late): the issued quantity is what the close
measured, so it stands, and the row says `late_arrivals`. Add-on lines stand as issued. Late lines are
carried as they were issued: each is the difference late events made to an
earlier cycle, on that cycle's terms (domain/late_usage.py). The discount is applied again to the simulated
subtotal (a percentage at its rate; a flat or capped one at its amount) and a minimum commitment tops it up, as a
close would (domain/adjustments.py, `readjusted`). The wallet the cycle closed with keeps everything
but its own cycle grants, which become the scenario's (docs/simulation.md)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from domain.adjustments import Applied, readjusted
from domain.cycles import Cycle
from domain.entitlements import cycle_grants
from domain.late_usage import with_late
from domain.proration import ADDON_LINE
from domain.rating import ZERO, Line, Rated, Usage, rate
from domain.simulation_terms import Scenario


@dataclass(frozen=True)
class ClosedCycle:
    """One issued invoice and what the rollups hold now for its cycle."""

    subscription_id: uuid.UUID
    customer_id: str
    cycle: Cycle
    currency: str
    price: Decimal
    lines: list[Line]
    total: Decimal
    measured: dict[str, Decimal] = field(default_factory=dict)  # meter id -> quantity in the cycle
    meter_names: dict[str, str] = field(default_factory=dict)
    balance: Decimal = ZERO  # credits the wallet held when the cycle was priced
    granted: Decimal = ZERO  # of which the cycle's own grants, under the terms of then
    # When known (a migration's preview): the discount the cycle had and its product's minimum commitment.
    discount: Applied | None = None
    minimum: Decimal | None = None


@dataclass(frozen=True)
class Repriced:
    rated: Rated
    late_arrivals: bool


def reprice(closed: ClosedCycle, scenario: Scenario) -> Repriced:
    regular = {line.meter_id: line for line in closed.lines if not line.late}
    usages, late_arrivals = [], False
    for price in scenario.prices():
        issued = regular.get(price.meter_id)
        quantity = closed.measured.get(price.meter_id, ZERO)
        if issued is not None and issued.quantity != quantity:
            quantity, late_arrivals = issued.quantity, True
        name = issued.meter_name if issued else closed.meter_names.get(price.meter_id, price.meter_id)
        usages.append(Usage(price, name, quantity))
    grants = sum((g.amount for g in cycle_grants(closed.subscription_id, scenario.prices(), closed.cycle)), ZERO)
    balance = max(closed.balance - closed.granted + grants, ZERO)
    fixed = closed.price if scenario.price is None else scenario.price
    rated = rate(usages, fixed, closed.currency, balance)
    # A scenario prices meters and the fixed price: the add-ons' lines, those of carried prices (and their
    # entitlements' overage), and what threshold invoices billed already stand as issued.
    carried = [
        line
        for line in closed.lines
        if not line.late
        and (
            line.kind != "usage"
            or line.meter_id in scenario.carried
            or line.meter_id.startswith(("credit_entitlement:", ADDON_LINE))
        )
    ]
    rated = replace(
        rated, lines=rated.lines + carried, total=rated.total + sum((line.amount for line in carried), ZERO)
    )
    rated = with_late(rated, [line for line in closed.lines if line.late])
    return Repriced(readjusted(rated, closed.lines, closed.total, closed.discount, closed.minimum), late_arrivals)


def line_key(line: Line) -> tuple[str, bool, str, str | None]:
    """A line among an invoice's: its meter, late or not, its value of a per-value price, the bill it re-rates."""
    return line.meter_id, line.late, str(line.group), line.late_for.invoice_id if line.late_for else None


def compared(closed: ClosedCycle, scenarios: list[Scenario]) -> list[dict[str, Any]]:
    """The rows a simulation records, one per scenario: issued, simulated and difference per line and in
    total, as strings."""
    issued = {line_key(line): line for line in closed.lines}
    common = {
        "subscription_id": str(closed.subscription_id),
        "customer_id": closed.customer_id,
        "cycle_start": closed.cycle.start.isoformat(),
        "cycle_end": closed.cycle.end.isoformat(),
        "currency": closed.currency,
    }
    rows = []
    for scenario in scenarios:
        repriced = reprice(closed, scenario)
        rated = repriced.rated
        simulated = {line_key(line): line for line in rated.lines}
        lines = []
        for key in [*simulated, *(k for k in issued if k not in simulated)]:
            before, after = issued.get(key), simulated.get(key)
            shown = simulated[key] if key in simulated else issued[key]
            old, new = before.amount if before else ZERO, after.amount if after else ZERO
            lines.append(
                {
                    "meter_id": shown.meter_id,
                    "meter_name": shown.meter_name,
                    "late": shown.late,
                    "quantity": str(shown.quantity),
                    "issued": str(old),
                    "simulated": str(new),
                    "difference": str(new - old),
                    "credits_used": str(after.credits_used if after else ZERO),
                }
            )
        rows.append(
            {
                "scenario": scenario.name,
                **common,
                "price": {"issued": str(closed.price), "simulated": str(rated.price)},
                "issued": str(closed.total),
                "simulated": str(rated.total),
                "difference": str(rated.total - closed.total),
                "late_arrivals": repriced.late_arrivals,
                "lines": lines,
            }
        )
    return rows
