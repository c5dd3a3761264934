"""Simulation commands: start one (answered at once, run by the worker's jobs thread), delete one.
Usage prices are read with the very schema and conversion `POST /products` uses."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from decimal import Decimal
from typing import Annotated

import msgspec
from litestar import delete, post

from application.tally import Tally
from domain.errors import Fault, Invalid
from domain.product import MAX_USAGE_PRICES
from domain.simulation_terms import MAX_CUSTOMER_IDS, MAX_SCENARIOS, Span
from interfaces.http.commands.customers import ExternalId
from interfaces.http.commands.products import UsagePriceCreate, usage_price

DEFAULT_CYCLES = 3
PROPOSED = "proposed"
Prices = Annotated[list[UsagePriceCreate], msgspec.Meta(max_length=MAX_USAGE_PRICES)]
Moment = Annotated[datetime, msgspec.Meta(tz=True)]


class ScenarioIn(msgspec.Struct, forbid_unknown_fields=True):
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
    usage_prices: Prices = []
    price: Decimal | None = None


class SimulationCreate(msgspec.Struct, forbid_unknown_fields=True):
    product_id: uuid.UUID
    usage_prices: Prices | None = None
    price: Decimal | None = None
    scenarios: Annotated[list[ScenarioIn], msgspec.Meta(max_length=MAX_SCENARIOS)] = []
    cycles: int | None = None
    start: Moment | None = None
    end: Moment | None = None
    customer_ids: Annotated[list[ExternalId], msgspec.Meta(min_length=1, max_length=MAX_CUSTOMER_IDS)] | None = None


class SimulationStarted(msgspec.Struct):
    id: str
    status: str
    position: int


class SimulationDeleted(msgspec.Struct):
    id: str
    deleted: bool
    position: int


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
