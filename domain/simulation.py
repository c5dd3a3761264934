"""A simulation: a pricing team's question (scenarios of terms over closed cycles)
and, step by step, its answers. Its own record in the log, so it is listable,
auditable and isolated per business like everything else, and it touches no
product, subscription, invoice or wallet (docs/simulation.md)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from eventsourcing.domain import Aggregate, event

from domain.errors import Conflict, Invalid
from domain.simulation_terms import Scenario, Span, request_faults, scenario_faults

PENDING, RUNNING, DONE, FAILED = "pending", "running", "done", "failed"


class Simulation(Aggregate):
    class Requested(Aggregate.Created):
        business_id: uuid.UUID
        product_id: uuid.UUID
        scenarios: list[dict[str, Any]]
        customer_ids: list[str] | None
        cycles: int | None
        start: datetime | None
        end: datetime | None
        requested_at: datetime

    class Progressed(Aggregate.Event):
        """One step's answers: a row per (scenario, subscription, closed cycle)."""

        total: int
        done: int
        after: str
        rows: list[dict[str, Any]]

    class Finished(Aggregate.Event):
        at: datetime

    class Failed(Aggregate.Event):
        reason: str
        at: datetime

    class Deleted(Aggregate.Event):
        pass

    @event(Requested)
    def __init__(
        self,
        business_id: uuid.UUID,
        product_id: uuid.UUID,
        scenarios: list[dict[str, Any]],
        customer_ids: list[str] | None,
        cycles: int | None,
        start: datetime | None,
        end: datetime | None,
        requested_at: datetime,
    ) -> None:
        self.business_id = business_id
        self.product_id = product_id
        self.scenarios = [Scenario.from_terms(s) for s in scenarios]
        self.customer_ids = customer_ids
        self.span = Span(cycles, start, end)
        self.status = PENDING
        self.total = 0
        self.done = 0
        self.after = ""
        self.deleted = False

    @classmethod
    def request(
        cls,
        business_id: uuid.UUID,
        product_id: uuid.UUID,
        scenarios: list[Scenario],
        currency: str,
        customer_ids: list[str] | None,
        span: Span,
        now: datetime,
    ) -> Simulation:
        faults = request_faults([s.name for s in scenarios], span, customer_ids)
        for index, s in enumerate(scenarios):
            faults += scenario_faults(s.name, s.prices(), s.price, currency, index)
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the simulation", "invalid_simulation", faults)
        return cls(
            business_id=business_id,
            product_id=product_id,
            scenarios=[s.terms() for s in scenarios],
            customer_ids=customer_ids,
            cycles=span.cycles,
            start=span.start,
            end=span.end,
            requested_at=now,
        )

    @property
    def open(self) -> bool:
        return self.status in (PENDING, RUNNING) and not self.deleted

    def progress(self, total: int, done: int, after: str, rows: list[dict[str, Any]]) -> None:
        if not self.open:
            raise Conflict(f"simulation {self.id} is no longer running", "simulation_closed")
        self._progressed(total=total, done=done, after=after, rows=rows)

    def finish(self, now: datetime) -> None:
        if self.open:
            self._finished(at=now)

    def fail(self, reason: str, now: datetime) -> None:
        if self.open:
            self._failed(reason=reason[:500], at=now)

    def delete(self) -> None:
        if not self.deleted:
            self._deleted()

    @event(Progressed)
    def _progressed(self, total: int, done: int, after: str, rows: list[dict[str, Any]]) -> None:
        self.status = RUNNING
        self.total = total
        self.done = done
        self.after = after

    @event(Finished)
    def _finished(self, at: datetime) -> None:
        self.status = DONE

    @event(Failed)
    def _failed(self, reason: str, at: datetime) -> None:
        self.status = FAILED

    @event(Deleted)
    def _deleted(self) -> None:
        self.deleted = True
