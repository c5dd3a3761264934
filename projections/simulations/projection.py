"""The `simulations` projection: each simulation's request, status and progress,
and its answer rows, one per (scenario, subscription, closed cycle), taken in
from the Simulation's own events (domain/simulation.py). A deleted simulation
leaves nothing here."""

from __future__ import annotations

from typing import Any, ClassVar

from psycopg import Cursor, sql

from domain.simulation import DONE, FAILED, PENDING, RUNNING, Simulation
from projections.engine.json_values import to_json
from projections.engine.projection import Page, Projection
from store.topics import events_of


class SimulationsProjection(Projection):
    name = "simulations"
    version = 1
    topics = events_of(Simulation)
    tables: ClassVar[dict[str, str]] = {
        "simulations": """
            CREATE TABLE {simulations} (
                id uuid PRIMARY KEY,
                business_id uuid NOT NULL,
                product_id uuid NOT NULL,
                status text NOT NULL,
                scenarios jsonb NOT NULL,
                customer_ids jsonb,
                cycles int,
                span_start timestamptz,
                span_end timestamptz,
                total int NOT NULL,
                done int NOT NULL,
                error text,
                requested_at timestamptz NOT NULL,
                finished_at timestamptz,
                requested_position bigint NOT NULL,
                position bigint NOT NULL
            );
            CREATE INDEX ON {simulations} (business_id, position);
            CREATE INDEX ON {simulations} (position) WHERE status IN ('pending', 'running');
        """,
        "simulation_rows": """
            CREATE TABLE {simulation_rows} (
                simulation_id uuid NOT NULL,
                scenario text NOT NULL,
                subscription_id uuid NOT NULL,
                cycle_start timestamptz NOT NULL,
                cycle_end timestamptz NOT NULL,
                customer_id text NOT NULL,
                issued numeric NOT NULL,
                simulated numeric NOT NULL,
                difference numeric NOT NULL,
                row jsonb NOT NULL,
                PRIMARY KEY (simulation_id, scenario, subscription_id, cycle_start)
            );
            CREATE INDEX ON {simulation_rows} (simulation_id, customer_id);
        """,
    }
    keys: ClassVar[dict[str, tuple[str, ...]]] = {
        "simulations": ("id",),
        "simulation_rows": ("simulation_id", "scenario", "subscription_id", "cycle_start"),
    }

    def apply(self, cur: Cursor[Any], page: Page) -> None:
        for position, e in page.events:
            match e:
                case Simulation.Requested():
                    cur.execute(
                        sql.SQL(
                            "INSERT INTO {} (id, business_id, product_id, status, scenarios, customer_ids, cycles, "
                            "span_start, span_end, total, done, requested_at, requested_position, position) "
                            "VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,0,0,%s,%s,%s)"
                        ).format(self.t("simulations")),
                        (
                            e.originator_id,
                            e.business_id,
                            e.product_id,
                            PENDING,
                            to_json(e.scenarios),
                            None if e.customer_ids is None else to_json(e.customer_ids),
                            e.cycles,
                            e.start,
                            e.end,
                            e.requested_at,
                            position,
                            position,
                        ),
                    )
                case Simulation.Progressed():
                    self._status(
                        cur, e.originator_id, position, "status = %s, total = %s, done = %s", (RUNNING, e.total, e.done)
                    )
                    # COPY: a step brings thousands of rows, and the usage projection waits in this transaction.
                    with cur.copy(
                        sql.SQL(
                            "COPY {} (simulation_id, scenario, subscription_id, cycle_start, cycle_end, customer_id, "
                            "issued, simulated, difference, row) FROM STDIN"
                        ).format(self.t("simulation_rows"))
                    ) as copy:
                        for r in e.rows:
                            copy.write_row(
                                (
                                    e.originator_id,
                                    r["scenario"],
                                    r["subscription_id"],
                                    r["cycle_start"],
                                    r["cycle_end"],
                                    r["customer_id"],
                                    r["issued"],
                                    r["simulated"],
                                    r["difference"],
                                    to_json(r),
                                )
                            )
                case Simulation.Finished():
                    self._status(cur, e.originator_id, position, "status = %s, finished_at = %s", (DONE, e.at))
                case Simulation.Failed():
                    self._status(
                        cur,
                        e.originator_id,
                        position,
                        "status = %s, error = %s, finished_at = %s",
                        (FAILED, e.reason, e.at),
                    )
                case Simulation.Deleted():
                    for table in ("simulation_rows", "simulations"):
                        column = "simulation_id" if table == "simulation_rows" else "id"
                        cur.execute(
                            sql.SQL("DELETE FROM {} WHERE {} = %s").format(self.t(table), sql.Identifier(column)),
                            (e.originator_id,),
                        )

    def _status(
        self, cur: Cursor[Any], simulation: Any, position: int, assignments: str, values: tuple[Any, ...]
    ) -> None:
        cur.execute(
            sql.SQL("UPDATE {} SET " + assignments + ", position = %s WHERE id = %s").format(self.t("simulations")),
            (*values, position, simulation),
        )
