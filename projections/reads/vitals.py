"""What an operator watches the read side by (/metrics, /health/ready): the log's head, how far each read
model stands behind it in events and in seconds, its parked events, the webhook outbox's backlog and when a
projection worker last said it was alive. One short transaction on whichever datastore the API reads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eventsourcing.postgres import PostgresDatastore
from psycopg import Cursor, sql

from projections.engine.beats import beats_table
from projections.engine.parking import parked_table
from projections.engine.tracking import tracking_table
from store import usage_log
from store.rows import one

# Tracking names of generations being built beside the live one (projections/engine/operations.py).
SCRATCH = "__"


@dataclass(frozen=True)
class ReadModelVitals:
    name: str  # the tracking name: a projection, or one partition of one (`usage@0/2`)
    position: int
    behind: int  # events between its position and the head
    behind_s: float  # how long ago the oldest event it has not applied was recorded; 0 when at the head
    parked: int


@dataclass(frozen=True)
class Vitals:
    head: int
    read_models: list[ReadModelVitals]
    webhooks_pending: int  # deliveries not yet delivered nor given up
    webhooks_due: int  # of those, due now: the sender's backlog
    worker_silent_s: float | None  # since the last beat of any projection worker; None: never beat

    @property
    def worst_behind_s(self) -> float:
        """Of the read models being served: a rebuild's scratch generation (`usage__next`) catches up
        behind the live one, which serves meanwhile."""
        return max((r.behind_s for r in self.read_models if SCRATCH not in r.name), default=0.0)


def vitals(datastore: PostgresDatastore, schema: str, events_table: sql.Composable) -> Vitals:
    with datastore.transaction(commit=False) as cur:
        head = usage_log.head(cur, schema, events_table)
        read_models = _read_models(cur, schema, events_table, head)
        pending, due = _outbox(cur, schema)
        silent = None
        if _exists(cur, beats_table(schema)):
            cur.execute(
                sql.SQL("SELECT extract(epoch FROM clock_timestamp() - max(beat_at)) AS s FROM {}").format(
                    beats_table(schema)
                )
            )
            s = one(cur)["s"]
            silent = None if s is None else float(s)
    return Vitals(head, read_models, pending, due, silent)


def _read_models(cur: Cursor[Any], schema: str, events_table: sql.Composable, head: int) -> list[ReadModelVitals]:
    if not _exists(cur, tracking_table(schema)):
        return []
    # The age of the first event past each position: the older of the first in each table. A stored event's
    # state carries its time as `{"timestamp": {"_type_": "datetime_iso", "_data_": ...}}`.
    cur.execute(
        sql.SQL(
            "SELECT t.name, t.position, extract(epoch FROM clock_timestamp() - least(("
            "SELECT (convert_from(e.state, 'UTF8')::jsonb #>> '{{timestamp,_data_}}')::timestamptz FROM {events} e "
            "WHERE e.notification_id > t.position AND e.topic <> %s ORDER BY e.notification_id LIMIT 1), ("
            "SELECT u.recorded_at FROM {log} u WHERE u.position > t.position ORDER BY u.position LIMIT 1)"
            ")) AS behind_s FROM {tracking} t ORDER BY t.name"
        ).format(events=events_table, log=sql.Identifier(schema, usage_log.TABLE), tracking=tracking_table(schema)),
        (usage_log.TOPIC,),
    )
    rows = cur.fetchall()
    parked: dict[str, int] = {}
    if _exists(cur, parked_table(schema)):
        cur.execute(
            sql.SQL("SELECT projection, count(*) AS n FROM {} GROUP BY projection").format(parked_table(schema))
        )
        parked = {row["projection"]: int(row["n"]) for row in cur.fetchall()}
    return [
        ReadModelVitals(
            row["name"],
            int(row["position"]),
            max(0, head - int(row["position"])),
            max(0.0, float(row["behind_s"] or 0.0)),
            parked.get(row["name"], 0),
        )
        for row in rows
    ]


def _outbox(cur: Cursor[Any], schema: str) -> tuple[int, int]:
    table = sql.SQL("{}.webhook_sends").format(sql.Identifier(schema))
    if not _exists(cur, table):
        return 0, 0
    # Both counts through the partial index on pending rows: delivered rows, the bulk, are never read.
    cur.execute(
        sql.SQL(
            "SELECT count(*) AS pending, count(*) FILTER (WHERE next_at <= clock_timestamp()) AS due "
            "FROM {} WHERE status = 'pending'"
        ).format(table)
    )
    row = one(cur)
    return int(row["pending"]), int(row["due"])


def _exists(cur: Cursor[Any], table: sql.Composed) -> bool:
    cur.execute("SELECT to_regclass(%s) AS t", (table.as_string(cur),))
    return one(cur)["t"] is not None
