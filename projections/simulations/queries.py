"""Reading simulations: the list, and one simulation with its progress, totals per
scenario, revenue per cycle (issued vs simulated), the customers who move most,
and a page of customers with every closed cycle, line by line."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import Any

import msgspec
from eventsourcing.postgres import PostgresDatastore
from psycopg import Cursor, sql

from domain.errors import NotFound
from projections.reads.pages import PageOf, paged

MOVERS = 10


class SimulatedLineView(msgspec.Struct):
    meter_id: str
    meter_name: str
    late: bool
    quantity: str
    issued: str
    simulated: str
    difference: str
    credits_used: str


class SimulatedCycleView(msgspec.Struct):
    subscription_id: str
    cycle_start: str
    cycle_end: str
    price_issued: str
    price_simulated: str
    issued: str
    simulated: str
    difference: str
    late_arrivals: bool
    lines: list[SimulatedLineView]


class CustomerScenarioView(msgspec.Struct):
    scenario: str
    issued: str
    simulated: str
    difference: str
    cycles: list[SimulatedCycleView]


class SimulatedCustomerView(msgspec.Struct):
    customer_id: str
    scenarios: list[CustomerScenarioView]


class ScenarioView(msgspec.Struct):
    name: str
    price: str | None
    usage_prices: list[dict[str, Any]]
    issued: str
    simulated: str
    difference: str
    customers: int
    cycles: int


class RevenueView(msgspec.Struct):
    scenario: str
    cycle_start: datetime
    issued: str
    simulated: str
    difference: str


class MoverView(msgspec.Struct):
    scenario: str
    customer_id: str
    issued: str
    simulated: str
    difference: str


class ProgressView(msgspec.Struct):
    done: int
    total: int
    percent: int


class SimulationSummaryView(msgspec.Struct):
    id: str
    product_id: str
    status: str
    progress: ProgressView
    scenarios: list[str]
    cycles: int | None
    start: datetime | None
    end: datetime | None
    customer_ids: list[str] | None
    error: str | None
    requested_at: datetime
    finished_at: datetime | None


class SimulationView(SimulationSummaryView):
    totals: list[ScenarioView]
    revenue: list[RevenueView]
    movers: list[MoverView]
    customers: PageOf[SimulatedCustomerView]


def _summary(r: dict[str, Any]) -> SimulationSummaryView:
    percent = 100 if r["status"] == "done" else (100 * r["done"] // r["total"] if r["total"] else 0)
    return SimulationSummaryView(
        str(r["id"]),
        str(r["product_id"]),
        r["status"],
        ProgressView(r["done"], r["total"], percent),
        [s["name"] for s in r["scenarios"]],
        r["cycles"],
        r["span_start"],
        r["span_end"],
        r["customer_ids"],
        r["error"],
        r["requested_at"],
        r["finished_at"],
    )


def list_simulations(
    datastore: PostgresDatastore, schema: str, business: uuid.UUID, page_number: int, page_size: int
) -> PageOf[SimulationSummaryView]:
    with datastore.transaction(commit=False) as cur:
        cur.execute(
            sql.SQL(
                "SELECT * FROM {}.simulations WHERE business_id = %s ORDER BY position DESC LIMIT %s OFFSET %s"
            ).format(sql.Identifier(schema)),
            (business, page_size + 1, page_number * page_size),
        )
        return paged([_summary(r) for r in cur.fetchall()], page_number, page_size)


def get_simulation(
    datastore: PostgresDatastore,
    schema: str,
    business: uuid.UUID,
    simulation: uuid.UUID,
    page_number: int = 0,
    page_size: int = 100,
) -> SimulationView:
    """On one snapshot, so the totals, the movers and the customers agree."""
    s = sql.Identifier(schema)
    with datastore.transaction(commit=False) as cur:
        cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cur.execute(
            sql.SQL("SELECT * FROM {}.simulations WHERE business_id = %s AND id = %s").format(s), (business, simulation)
        )
        row = cur.fetchone()
        if row is None:
            raise NotFound("simulation", simulation)
        summary = _summary(row)
        totals = _totals(cur, s, simulation, row["scenarios"])
        cur.execute(
            sql.SQL(
                "SELECT scenario, cycle_start, sum(issued) AS i, sum(simulated) AS m, "
                "sum(difference) AS d FROM {}.simulation_rows WHERE simulation_id = %s "
                "GROUP BY scenario, cycle_start ORDER BY cycle_start, scenario"
            ).format(s),
            (simulation,),
        )
        revenue = [
            RevenueView(r["scenario"], r["cycle_start"], str(r["i"]), str(r["m"]), str(r["d"])) for r in cur.fetchall()
        ]
        cur.execute(
            sql.SQL(
                "SELECT * FROM (SELECT scenario, customer_id, sum(issued) AS i, sum(simulated) AS m, sum(difference) AS d, "
                "row_number() OVER (PARTITION BY scenario ORDER BY abs(sum(difference)) DESC, customer_id) AS rank "
                "FROM {}.simulation_rows WHERE simulation_id = %s GROUP BY scenario, customer_id) ranked "
                "WHERE rank <= %s ORDER BY scenario, rank"
            ).format(s),
            (simulation, MOVERS),
        )
        movers = [
            MoverView(r["scenario"], r["customer_id"], str(r["i"]), str(r["m"]), str(r["d"]))
            for r in cur.fetchall()
            if r["d"] != 0
        ]
        customers = _customers(cur, s, simulation, summary.scenarios, page_number, page_size)
    return SimulationView(
        **msgspec.structs.asdict(summary), totals=totals, revenue=revenue, movers=movers, customers=customers
    )


def _totals(
    cur: Cursor[Any], s: sql.Identifier, simulation: uuid.UUID, scenarios: list[dict[str, Any]]
) -> list[ScenarioView]:
    cur.execute(
        sql.SQL(
            "SELECT scenario, sum(issued) AS i, sum(simulated) AS m, sum(difference) AS d, "
            "count(DISTINCT customer_id) AS customers, count(*) AS cycles FROM {}.simulation_rows "
            "WHERE simulation_id = %s GROUP BY scenario"
        ).format(s),
        (simulation,),
    )
    found = {r["scenario"]: r for r in cur.fetchall()}
    views = []
    for terms in scenarios:
        r = found.get(terms["name"], {"i": 0, "m": 0, "d": 0, "customers": 0, "cycles": 0})
        views.append(
            ScenarioView(
                terms["name"],
                terms["price"],
                terms["usage_prices"],
                str(r["i"]),
                str(r["m"]),
                str(r["d"]),
                r["customers"],
                r["cycles"],
            )
        )
    return views


def _customers(
    cur: Cursor[Any], s: sql.Identifier, simulation: uuid.UUID, scenarios: list[str], page_number: int, page_size: int
) -> PageOf[SimulatedCustomerView]:
    cur.execute(
        sql.SQL(
            "SELECT DISTINCT customer_id FROM {}.simulation_rows WHERE simulation_id = %s "
            "ORDER BY customer_id LIMIT %s OFFSET %s"
        ).format(s),
        (simulation, page_size + 1, page_number * page_size),
    )
    ids = [r["customer_id"] for r in cur.fetchall()]
    cur.execute(
        sql.SQL(
            "SELECT customer_id, scenario, row FROM {}.simulation_rows WHERE simulation_id = %s "
            "AND customer_id = ANY(%s) ORDER BY customer_id, cycle_start, subscription_id"
        ).format(s),
        (simulation, ids[:page_size]),
    )
    rows: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in cur.fetchall():
        rows.setdefault((r["customer_id"], r["scenario"]), []).append(r["row"])
    views = [
        SimulatedCustomerView(c, [_per_scenario(name, rows[(c, name)]) for name in scenarios if (c, name) in rows])
        for c in ids
    ]
    return paged(views, page_number, page_size)


def _per_scenario(name: str, rows: list[dict[str, Any]]) -> CustomerScenarioView:
    cycles = [
        SimulatedCycleView(
            r["subscription_id"],
            r["cycle_start"],
            r["cycle_end"],
            r["price"]["issued"],
            r["price"]["simulated"],
            r["issued"],
            r["simulated"],
            r["difference"],
            r["late_arrivals"],
            [SimulatedLineView(**line) for line in r["lines"]],
        )
        for r in rows
    ]
    issued, simulated = _sum(r["issued"] for r in rows), _sum(r["simulated"] for r in rows)
    return CustomerScenarioView(name, str(issued), str(simulated), str(simulated - issued), cycles)


def _sum(values: Iterable[str]) -> Decimal:
    return sum((Decimal(v) for v in values), Decimal(0))
