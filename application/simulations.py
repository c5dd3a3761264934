"""Price simulations: start one (answered at once), and the job that runs it in
bounded steps on the jobs thread (projections/engine/jobs.py), each step one
save of the Simulation with its answer rows and progress. Reads go through the
`SimulationSource` port; nothing but the Simulation itself is ever written
(docs/simulation.md)."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import Any

from eventsourcing.persistence import IntegrityError, InterfaceError, OperationalError

from application.meters import Meters
from application.ports import SimulationSource
from application.written import Written
from domain.errors import Fault, Invalid, NotFound, NotReady, TallyError
from domain.product import Product
from domain.rating import UsagePrice
from domain.simulation import Simulation
from domain.simulation_rating import compared
from domain.simulation_terms import Scenario, Span
from store.event_store import EventStore

log = logging.getLogger("tally.simulations")

# Rows (scenario x closed cycle) a step records: one save the read models take in well within a second, so the
# usage projection stays near the head while a simulation runs (docs/simulation.md has the figures).
STEP_ROWS = 6000
OPEN_LOOKED_AT = 5
INPUTS_WAIT_S = 30.0
INPUTS_POLL_S = 0.1


class Simulations:
    def __init__(self, store: EventStore, source: SimulationSource, meters: Meters) -> None:
        self.repository = store.repository
        self.save = store.save
        self.owned = store.owned
        self.events = store.events
        self.source = source
        self.is_meter = meters.is_meter
        # The simulations this runner is stepping, as it saved them: loading one from the store would decode
        # every row of its earlier steps again. A save that conflicts (someone else moved it) drops it.
        self.running: dict[uuid.UUID, Simulation] = {}

    def start(
        self,
        business: uuid.UUID,
        product_id: uuid.UUID,
        scenarios: list[tuple[str, list[UsagePrice], Decimal | None]],
        customer_ids: list[str] | None,
        span: Span,
        now: datetime,
    ) -> Written[uuid.UUID]:
        """Each scenario's usage prices replace the product's for their meters; the product's other prices stay
        (its per-value and entitlement-linked ones left unchanged are carried as issued)."""
        product: Product = self.owned(business, Product, "product", product_id)
        unknown = [
            Fault("scenarios.usage_prices.meter_id", f"unknown meter {p.meter_id}", index)
            for index, (_, prices, _) in enumerate(scenarios)
            for p in prices
            if not self.is_meter(business, p.meter_id)
        ]
        if unknown:
            raise Invalid("usage prices name unknown meters", "unknown_meter", unknown)
        twice = [
            Fault("scenarios.usage_prices.meter_id", "prices one meter twice", index)
            for index, (_, prices, _) in enumerate(scenarios)
            if len({p.meter_id for p in prices}) != len(prices)
        ]
        if twice:
            raise Invalid("a scenario prices one meter twice", "invalid_simulation", twice)
        terms = [Scenario.over(name, product.usage_prices, prices, price) for name, prices, price in scenarios]
        simulation = Simulation.request(business, product.id, terms, product.currency, customer_ids, span, now)
        return Written.by(simulation.id, self.save(simulation))

    def get(self, business: uuid.UUID, simulation_id: uuid.UUID) -> Simulation:
        simulation: Simulation = self.owned(business, Simulation, "simulation", simulation_id)
        if simulation.deleted:
            raise NotFound("simulation", simulation_id)
        return simulation

    def delete(self, business: uuid.UUID, simulation_id: uuid.UUID) -> Written[uuid.UUID]:
        simulation = self.get(business, simulation_id)
        simulation.delete()
        return Written.by(simulation.id, self.save(simulation))

    def step(self, now: datetime, limit: int | None = None) -> bool:
        """Advances the oldest open simulation by up to `limit` subscriptions (by default, about STEP_ROWS
        rows' worth); False when none could move."""
        if self.source.backfills_pending():
            return False  # a new meter's rollups are still short
        open_ones = self.source.open_simulations(OPEN_LOOKED_AT)
        self.running = {k: v for k, v in self.running.items() if k in dict(open_ones)}  # ended elsewhere: forget
        for simulation_id, requested_at in open_ones:
            if not self.source.inputs_reached(requested_at):
                continue  # a cycle closed just before the request may not be in the read models yet
            simulation = self.running.pop(simulation_id, None) or self.repository.get(simulation_id)
            if not simulation.open:
                continue  # the read model has not taken in its end yet
            try:
                self._advance(simulation, now, limit)
            except TallyError as error:
                simulation.fail(str(error), now)
            except (OperationalError, InterfaceError):
                raise  # the database, not the simulation: the runner logs it and the step is taken again
            except Exception:
                log.exception("simulation %s failed", simulation_id)
                simulation.fail("the simulation failed; see the worker's log", now)
            try:
                self.save(simulation)
            except IntegrityError:
                return True  # another runner (the CLI) or a delete moved it on: the next step reloads it
            if simulation.open:
                self.running[simulation_id] = simulation
            return True
        return False

    def run(
        self,
        started: Written[uuid.UUID],
        now: datetime,
        progress: Callable[[int, int], None] | None = None,
        timeout: float = INPUTS_WAIT_S,
    ) -> None:
        """Runs a simulation just started to its end in the caller's thread (the CLI), reporting (done, total),
        once the read models have taken in what was written before it. A worker's jobs thread may take steps
        of it meanwhile: a step it took first is simply not taken again."""
        deadline = time.monotonic() + timeout
        while not self.source.inputs_reached(started.position):
            if time.monotonic() >= deadline:
                raise NotReady(
                    "the read models have not reached the simulation's request; is a worker running "
                    "(`tally serve` or `tally worker`)?",
                    "simulation_inputs_behind",
                )
            time.sleep(INPUTS_POLL_S)
        simulation: Simulation = self.repository.get(started.id)
        while simulation.open:
            self._advance(simulation, now, None)
            try:
                self.save(simulation)
            except IntegrityError:
                simulation = self.repository.get(started.id)
            if progress:
                progress(simulation.done, simulation.total)

    def rows(self, business: uuid.UUID, simulation_id: uuid.UUID) -> list[dict[str, Any]]:
        """Its answers as its own events recorded them, for readers that need no read model (the CLI)."""
        self.get(business, simulation_id)
        return [row for e in self.events.get(simulation_id) if isinstance(e, Simulation.Progressed) for row in e.rows]

    def job(self, clock: Callable[[], datetime]) -> Callable[[], bool]:
        return lambda: self.step(clock())

    def _advance(self, simulation: Simulation, now: datetime, limit: int | None) -> None:
        business, product = simulation.business_id, simulation.product_id
        if limit is None:
            limit = max(1, STEP_ROWS // (len(simulation.scenarios) * (simulation.span.cycles or 3)))
        total = simulation.total or self.source.subscriptions_to_simulate(
            business, product, simulation.span, simulation.customer_ids
        )
        meter_ids = sorted({m for s in simulation.scenarios for m in s.usage_prices})
        with_wallets = any(p.credits for s in simulation.scenarios for p in s.usage_prices.values())
        cycles = self.source.closed_cycles(
            business,
            product,
            simulation.span,
            simulation.customer_ids,
            meter_ids,
            with_wallets,
            simulation.after,
            limit,
        )
        if cycles:
            subscriptions = len({c.subscription_id for c in cycles})
            rows = [row for c in cycles for row in compared(c, simulation.scenarios)]
            simulation.progress(
                total, min(simulation.done + subscriptions, total), str(cycles[-1].subscription_id), rows
            )
        if not cycles or simulation.done >= total:
            simulation.finish(now)
