"""Simulation commands: start one (answered at once, run by the worker's jobs thread), delete one."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

from litestar import delete, post

from application.tally import Tally
from domain.errors import Fault, Invalid
from domain.simulation_terms import Span
from interfaces.resources.catalog.prices import usage_price
from interfaces.resources.simulations import (
    DEFAULT_CYCLES,
    PROPOSED,
    SimulationCreate,
    SimulationDeleted,
    SimulationStarted,
)


class SimulationCommands:
    """The commands half of a resource's controller (interfaces/http/controllers.py)."""

    @post(operation_id="StartSimulation", sync_to_thread=True, status_code=202, opt={"problems": (404,)})
    def start_simulation(self, data: SimulationCreate, tally: Tally, business: uuid.UUID) -> SimulationStarted:
        """Re-price closed cycles under new terms, without changing anything real. `usage_prices` (and
        `price`) make one scenario named "proposed"; `scenarios` adds up to 5 named ones. A scenario's usage
        prices replace the product's for their meters. Covers the last `cycles` closed cycles of each
        subscription (default 3) or those starting in [start, end), of every subscriber or of `customer_ids`.
        Answers at once; poll `GET /simulations/{id}` (pass `position` as `min_position`)."""
        scenarios = [(s.name, [usage_price(p.meter_id, p) for p in s.usage_prices], s.price) for s in data.scenarios]
        if data.usage_prices is not None or data.price is not None:
            scenarios.insert(0, (PROPOSED, [usage_price(p.meter_id, p) for p in data.usage_prices or []], data.price))
        if not scenarios:
            raise Invalid(
                "give usage_prices or scenarios",
                "invalid_simulation",
                [Fault("scenarios", "give usage_prices or scenarios")],
            )
        by_range = data.start is not None or data.end is not None
        span = Span(data.cycles if data.cycles is not None or by_range else DEFAULT_CYCLES, data.start, data.end)
        done = tally.simulations.start(
            business, data.product_id, scenarios, data.customer_ids, span, datetime.now(timezone.utc)
        )
        return SimulationStarted(str(done.id), "pending", done.position)

    @delete("/{simulation_id:uuid}", operation_id="DeleteSimulation", sync_to_thread=True, status_code=200)
    def delete_simulation(self, simulation_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> SimulationDeleted:
        """Delete a simulation (stopping it if it runs): it leaves the list and its answers are dropped."""
        done = tally.simulations.delete(business, simulation_id)
        return SimulationDeleted(str(done.id), True, done.position)
