"""The read models as the application's ports see them (application/ports.py):
each question answered by the projection that owns the answer."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from eventsourcing.postgres import PostgresDatastore
from psycopg import Cursor

from domain.aggregation import Row
from domain.cycles import Cycle, LateWindow
from domain.meter import Meter
from domain.proration import Segment
from domain.rating import Usage, UsagePrice
from domain.simulation_rating import ClosedCycle
from domain.simulation_terms import Span
from projections.balances import credit_queries, entitlement_queries
from projections.charges import queries as charge_queries
from projections.engine import parking
from projections.engine.partitions import usage_name_for
from projections.engine.tracking import read_positions
from projections.engine.upgrades import outdated_in
from projections.ports import cycle_usage, simulation_inputs
from projections.usage import meter_queries
from projections.webhooks import alert_queries


@dataclass(frozen=True)
class OpenCharge:
    """A subscription's open cycle as the `charges` read model holds it, with the product's terms of now."""

    subscription_id: uuid.UUID
    product_id: uuid.UUID
    since: datetime
    cycle: Cycle
    late_after: int
    currency: str
    price: Decimal
    usage_prices: dict[str, UsagePrice]
    segments: list[ChargedSegment]


@dataclass(frozen=True)
class ChargedSegment:
    """A segment of an open cycle with its product's terms of now."""

    segment: Segment
    price: Decimal
    currency: str
    usage_prices: dict[str, UsagePrice]


@dataclass(frozen=True)
class AlertRule:
    id: uuid.UUID
    business_id: uuid.UUID
    customer_id: str | None
    meter_id: str | None
    threshold: Decimal
    kind: str


@dataclass(frozen=True)
class EndedCycle:
    customer_id: str
    subscription_id: uuid.UUID
    cycle: Cycle


class Snapshot:
    """Reads on one repeatable-read cursor, so every answer stands at the same `usage` position."""

    def __init__(self, cur: Cursor[Any], schema: str) -> None:
        self.cur = cur
        self.schema = schema

    def usage_position(self) -> int:
        return cycle_usage.usage_position(self.cur, self.schema)

    def usage_parked_at(self, business: uuid.UUID) -> int | None:
        name = usage_name_for(read_positions(self.cur, self.schema), business)
        return parking.stuck_at(self.cur, self.schema, name, business)

    def measure(
        self, customer_id: str, prices: list[UsagePrice], meters: dict[str, Meter], cycle: Cycle
    ) -> list[Usage]:
        return cycle_usage.measure(self.cur, self.schema, customer_id, prices, meters, cycle)

    def late_events(self, business: uuid.UUID, customer_id: str, window: LateWindow) -> list[Row]:
        return cycle_usage.late_events(self.cur, self.schema, business, customer_id, window)

    def balance_of(self, business: uuid.UUID, customer_id: str) -> Decimal:
        return credit_queries.balance_of(self.cur, self.schema, business, customer_id)

    def entitlement_balance_of(
        self, business: uuid.UUID, customer_id: str, entitlement: str
    ) -> tuple[Decimal, Decimal]:
        return entitlement_queries.balance_and_overage(self.cur, self.schema, business, customer_id, entitlement)

    def open_charges(self, business: uuid.UUID, customer_id: str) -> list[OpenCharge]:
        return [
            OpenCharge(
                r["subscription_id"],
                r["product_id"],
                (r["timeline"] or {}).get("trial_ends_at") or r["anchor"],
                Cycle(r["cycle_index"], r["billed_from"] or r["cycle_start"], r["cycle_end"]),
                r["late_after"],
                r["currency"],
                r["price"],
                r["usage_prices"],
                [ChargedSegment(*terms) for terms in r["segments"]],
            )
            for r in charge_queries.open_charges(self.cur, self.schema, business, customer_id)
        ]


class ReadModels:
    """Implements application.ports.ReadSide on the store's connection pool."""

    def __init__(self, datastore: PostgresDatastore, schema: str) -> None:
        self.datastore = datastore
        self.schema = schema

    @contextmanager
    def snapshot(self) -> Iterator[Snapshot]:
        with self.datastore.transaction(commit=False) as cur:
            cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            yield Snapshot(cur, self.schema)

    def usage_position(self) -> int:
        with self.datastore.transaction(commit=False) as cur:
            return cycle_usage.usage_position(cur, self.schema)

    def backfills_pending(self) -> bool:
        with self.datastore.transaction(commit=False) as cur:
            return meter_queries.backfills_pending(cur, self.schema)

    def upgrading(self) -> bool:
        with self.datastore.transaction(commit=False) as cur:
            return bool(outdated_in(cur, self.schema))

    def due_count(self, ended_by: datetime) -> int:
        with self.datastore.transaction(commit=False) as cur:
            return charge_queries.due_count(cur, self.schema, ended_by)

    def due_subscriptions(
        self, ended_by: datetime, limit: int, after: uuid.UUID | None = None
    ) -> list[tuple[uuid.UUID, uuid.UUID]]:
        with self.datastore.transaction(commit=False) as cur:
            return charge_queries.due_subscriptions(cur, self.schema, ended_by, limit, after)

    def ended_cycles(self, business: uuid.UUID, ended_by: datetime, customer_id: str | None = None) -> list[EndedCycle]:
        with self.datastore.transaction(commit=False) as cur:
            return [
                EndedCycle(
                    r["customer_id"], r["subscription_id"], Cycle(r["cycle_index"], r["cycle_start"], r["cycle_end"])
                )
                for r in charge_queries.ended_cycles(cur, self.schema, business, ended_by, customer_id)
            ]

    def wallets_expiring(self, now: datetime, cycle_grace: timedelta, limit: int) -> list[uuid.UUID]:
        with self.datastore.transaction(commit=False) as cur:
            return credit_queries.wallets_expiring(cur, self.schema, now, cycle_grace, limit)

    def alert_rules(self) -> list[AlertRule]:
        with self.datastore.transaction(commit=False) as cur:
            return [AlertRule(**row) for row in alert_queries.active_alerts(cur, self.schema)]

    def alert_positions(self) -> tuple[int, int]:
        with self.datastore.transaction(commit=False) as cur:
            return alert_queries.positions(cur, self.schema)

    def moved_customers(
        self, since: tuple[int, int], until: tuple[int, int]
    ) -> tuple[set[tuple[uuid.UUID, str]], set[tuple[uuid.UUID, str]]]:
        with self.datastore.transaction(commit=False) as cur:
            return alert_queries.moved_customers(cur, self.schema, since, until)

    def low_balance_businesses(self) -> set[uuid.UUID]:
        with self.datastore.transaction(commit=False) as cur:
            return alert_queries.low_balance_businesses(cur, self.schema)

    def limit_businesses(self) -> set[uuid.UUID]:
        with self.datastore.transaction(commit=False) as cur:
            return alert_queries.limit_businesses(cur, self.schema)

    def threshold_businesses(self) -> set[uuid.UUID]:
        with self.datastore.transaction(commit=False) as cur:
            return alert_queries.threshold_businesses(cur, self.schema)

    def customers_of(self, business: uuid.UUID) -> list[str]:
        with self.datastore.transaction(commit=False) as cur:
            return alert_queries.customers_of(cur, self.schema, business)

    def wallet_standing(self, business: uuid.UUID, customer_id: str) -> tuple[Decimal, int]:
        with self.datastore.transaction(commit=False) as cur:
            return alert_queries.wallet_standing(cur, self.schema, business, customer_id)

    def backfilled_meters(self, limit: int) -> list[uuid.UUID]:
        with self.datastore.transaction(commit=False) as cur:
            return alert_queries.backfilled_meters(cur, self.schema, limit)

    def open_simulations(self, limit: int) -> list[tuple[uuid.UUID, int]]:
        with self.datastore.transaction(commit=False) as cur:
            return simulation_inputs.open_simulations(cur, self.schema, limit)

    def inputs_reached(self, position: int) -> bool:
        with self.datastore.transaction(commit=False) as cur:
            return simulation_inputs.inputs_reached(cur, self.schema, position)

    def subscriptions_to_simulate(
        self, business: uuid.UUID, product: uuid.UUID, span: Span, customer_ids: list[str] | None
    ) -> int:
        with self.datastore.transaction(commit=False) as cur:
            return simulation_inputs.subscriptions_to_simulate(cur, self.schema, business, product, span, customer_ids)

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
        with self.datastore.transaction(commit=False) as cur:
            cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            return simulation_inputs.closed_cycles(
                cur, self.schema, business, product, span, customer_ids, meter_ids, with_wallets, after, limit
            )
