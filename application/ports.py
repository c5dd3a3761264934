"""What the commands need to know from the read side, as ports the read models
implement (projections/ports/), and what an audit reads of the log itself
(store/evidence.py). The application never imports a read model and holds no SQL;
`interfaces/bootstrap.py` plugs the implementations in."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, Protocol

from domain.aggregation import MeterRule, Row
from domain.cycles import Cycle, LateWindow
from domain.meter import Meter
from domain.proration import Segment
from domain.rating import Usage, UsagePrice
from domain.simulation_rating import ClosedCycle
from domain.simulation_terms import Span
from domain.usage_event import IncomingEvent


class ChargedSegment(Protocol):
    """A segment of an open cycle with its product's terms of now."""

    @property
    def segment(self) -> Segment: ...
    @property
    def price(self) -> Decimal: ...
    @property
    def currency(self) -> str: ...
    @property
    def usage_prices(self) -> dict[str, UsagePrice]: ...


class OpenCharge(Protocol):
    """A subscription's open cycle (from where it is unbilled) as the read side holds it, with its plan
    segments and the products' terms of now."""

    @property
    def subscription_id(self) -> uuid.UUID: ...
    @property
    def product_id(self) -> uuid.UUID: ...
    @property
    def since(self) -> datetime:
        """Usage from here on is billable (the start, or the trial's end): the late window starts here."""
        ...

    @property
    def cycle(self) -> Cycle: ...
    @property
    def late_after(self) -> int: ...
    @property
    def currency(self) -> str: ...
    @property
    def price(self) -> Decimal: ...
    @property
    def usage_prices(self) -> dict[str, UsagePrice]: ...
    @property
    def segments(self) -> Sequence[ChargedSegment]: ...


class AlertRule(Protocol):
    """An alert as the read side holds it (domain/alert.py)."""

    @property
    def id(self) -> uuid.UUID: ...
    @property
    def business_id(self) -> uuid.UUID: ...
    @property
    def customer_id(self) -> str | None: ...
    @property
    def meter_id(self) -> str | None: ...
    @property
    def threshold(self) -> Decimal: ...
    @property
    def kind(self) -> str: ...


class EndedCycle(Protocol):
    """A subscription's oldest open cycle, when it has ended: the cycle of a draft invoice."""

    @property
    def customer_id(self) -> str: ...
    @property
    def subscription_id(self) -> uuid.UUID: ...
    @property
    def cycle(self) -> Cycle: ...


class UsageSnapshot(Protocol):
    """One consistent (repeatable-read) view of usage, charges and balances, and the `usage` position it
    stands at."""

    def usage_position(self) -> int: ...

    def usage_parked_at(self, business: uuid.UUID) -> int | None:
        """Where the business's usage is stuck at a parked event (its later events wait behind it)."""
        ...

    def measure(
        self, customer_id: str, prices: list[UsagePrice], meters: dict[str, Meter], cycle: Cycle
    ) -> list[Usage]:
        """Each price's quantity in the cycle."""
        ...

    def late_events(self, business: uuid.UUID, customer_id: str, window: LateWindow) -> list[Row]:
        """The customer's usage events in the late window (docs/billing.md, Late events), in log order."""
        ...

    def balance_of(self, business: uuid.UUID, customer_id: str) -> Decimal: ...

    def entitlement_balance_of(
        self, business: uuid.UUID, customer_id: str, entitlement: str
    ) -> tuple[Decimal, Decimal]:
        """(balance, overage) of the customer's balance of a credit entitlement."""
        ...

    def open_charges(self, business: uuid.UUID, customer_id: str) -> Sequence[OpenCharge]: ...


class ReadSide(Protocol):
    def snapshot(self) -> AbstractContextManager[UsageSnapshot]: ...

    def usage_position(self) -> int: ...

    def backfills_pending(self) -> bool:
        """Whether some meter is still counting the events that were there before it was created."""
        ...

    def upgrading(self) -> bool:
        """Whether some read model built by an older version of tally is still to be rebuilt (an upgrade is
        under way: docs/operations.md): billing waits rather than read rows a changed rule would not write."""
        ...

    def due_count(self, ended_by: datetime) -> int: ...

    def due_subscriptions(
        self, ended_by: datetime, limit: int, after: uuid.UUID | None = None
    ) -> list[tuple[uuid.UUID, uuid.UUID]]:
        """(business, subscription) of open cycles that ended by `ended_by`, in id order from `after`."""
        ...

    def ended_cycles(
        self, business: uuid.UUID, ended_by: datetime, customer_id: str | None = None
    ) -> Sequence[EndedCycle]:
        """The business's (or one customer's) open cycles that ended by `ended_by`, latest end first."""
        ...

    def wallets_expiring(self, now: datetime, cycle_grace: timedelta, limit: int) -> list[uuid.UUID]: ...

    def alert_rules(self) -> Sequence[AlertRule]:
        """Every alert not deleted, of every business."""
        ...

    def alert_positions(self) -> tuple[int, int]:
        """Where the `usage` and `balances` read models stand."""
        ...

    def moved_customers(
        self, since: tuple[int, int], until: tuple[int, int]
    ) -> tuple[set[tuple[uuid.UUID, str]], set[tuple[uuid.UUID, str]]]:
        """(business, customer) with usage recorded, and with a wallet that moved, between the positions."""
        ...

    def low_balance_businesses(self) -> set[uuid.UUID]:
        """Businesses with an entitlement or a product attachment that sets `low_balance_threshold_percent`."""
        ...

    def limit_businesses(self) -> set[uuid.UUID]:
        """Businesses with a product (not archived) whose usage price has a usage limit or spends credits."""
        ...

    def threshold_businesses(self) -> set[uuid.UUID]:
        """Businesses with a product (not archived) that sets `usage_thresholds`."""
        ...

    def customers_of(self, business: uuid.UUID) -> list[str]:
        """Customers with an open cycle or a wallet."""
        ...

    def wallet_standing(self, business: uuid.UUID, customer_id: str) -> tuple[Decimal, int]:
        """The wallet's balance and how many grants it has had (0, 0 without one)."""
        ...

    def backfilled_meters(self, limit: int) -> list[uuid.UUID]:
        """Meters whose back-fill is done and not yet recorded as such."""
        ...


class Consumption(Protocol):
    """A consume's transaction, holding the lock of its (customer, meter) until it commits."""

    def measured(self, rule: MeterRule, start: datetime, end: datetime) -> tuple[Decimal, int]:
        """As `ExactUsage.measured`, inside the lock."""
        ...

    def record(self, events: list[IncomingEvent], now: datetime) -> dict[str, int | None]:
        """Stores the usage events (distinct ids) in this transaction: each one's position by event_id, or None
        when its id was stored before."""
        ...


class ExactUsage(Protocol):
    """Usage exact to the log, for access checks and consumes (docs/access.md)."""

    def pending_position(self) -> int:
        """The latest event, other than a usage event, that the `charges` read model (who subscribes to what)
        has not taken in yet (0 when it holds every one): what a check waits for before it reads it."""
        ...

    def subscription_ids(self, business: uuid.UUID, customer_id: str) -> list[uuid.UUID]:
        """The customer's subscriptions that still have a cycle to bill."""
        ...

    def measured(
        self,
        business: uuid.UUID,
        customer_id: str,
        meter_id: uuid.UUID,
        rule: MeterRule,
        start: datetime,
        end: datetime,
    ) -> tuple[Decimal, int]:
        """The meter's quantity for the customer over [start, end), counting every usage event stored before
        the call, and the log position it is exact at."""
        ...

    def consuming(
        self, business: uuid.UUID, customer_id: str, meter_id: uuid.UUID
    ) -> AbstractContextManager[Consumption]: ...

    def recorded(self, business: uuid.UUID, event_ids: list[str]) -> dict[str, tuple[int, Any]]:
        """(position, `UsageEvent.Recorded`) of each of these event ids the business has stored."""
        ...


class SimulationSource(Protocol):
    """What a simulation step reads: the closed cycles to re-price, with their rollups (domain/simulation_rating.py)."""

    def backfills_pending(self) -> bool: ...

    def open_simulations(self, limit: int) -> list[tuple[uuid.UUID, int]]:
        """(simulation, the log position it was requested at) of those still to run, oldest first."""
        ...

    def inputs_reached(self, position: int) -> bool:
        """Whether the read models a simulation reads (usage, invoices, balances) have reached `position`."""
        ...

    def subscriptions_to_simulate(
        self, business: uuid.UUID, product: uuid.UUID, span: Span, customer_ids: list[str] | None
    ) -> int: ...

    def closed_cycles(
        self,
        business: uuid.UUID,
        product: uuid.UUID,
        span: Span,
        customer_ids: list[str] | None,
        meter_ids: list[str],
        with_wallets: bool,
        after: str,
        limit: int,
    ) -> list[ClosedCycle]:
        """The closed cycles of the next `limit` subscriptions in id order after `after` ("" from the first)."""
        ...


class AuditLog(Protocol):
    """The event log read past every read model, for `audit explain` and `audit verify`."""

    def recorded_usage(
        self,
        business: uuid.UUID | None,
        customer: str | None,
        after: int = 0,
        upto: int | None = None,
        occurred: tuple[datetime, datetime] | None = None,
    ) -> Iterable[tuple[int, Any]]:
        """(position, UsageEvent.Recorded) of the business's (every business's when None) usage events, of the
        customer when given, with after < position <= upto and, when `occurred` = (since, before) is given,
        since <= timestamp < before; in log order."""
        ...

    def originators(self, topic: str, business: uuid.UUID | None) -> list[uuid.UUID]:
        """Aggregates with an event of `topic` (of the business, or of every business), in log order."""
        ...

    def positions(self, aggregate: uuid.UUID) -> dict[int, int]:
        """The log position of each of the aggregate's versions."""
        ...

    def history(self, aggregate: uuid.UUID) -> list[tuple[int, Any]]:
        """(position, event) of each of the aggregate's events, oldest first: where its story stands among
        the others'."""
        ...


class ShownReadModels(Protocol):
    """What the read models people look at show, every row of every business, for `audit verify`."""

    def invoices(self) -> dict[uuid.UUID, tuple[Decimal, list[Decimal], Decimal]]:
        """Each issued invoice's total, its lines' amounts and what its money wallet paid."""
        ...

    def balances(self) -> dict[uuid.UUID, tuple[Decimal, Decimal]]:
        """Each wallet's balance and overage."""
        ...

    def money_balances(self) -> dict[uuid.UUID, Decimal]:
        """Each money wallet's balance."""
        ...

    def entitlements(self) -> dict[uuid.UUID, tuple[dict[str, Any], bool]]:
        """Each credit entitlement's terms (as stored) and whether it is deleted."""
        ...
