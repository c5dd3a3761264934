"""Measure (e): how fast every projection is rebuilt from position 0 into
fresh tables, the way a blue/green rebuild builds (operations.build), then the tables are dropped."""

from __future__ import annotations

import time

from psycopg import sql

from projections.engine.pages import BUILD_PAGE_SIZE, ensure_tables
from projections.engine.projection import Projection
from projections.engine.registry import all_projections
from projections.engine.tracking import read_position, tracking_table
from projections.engine.worker import step
from store.event_store import EventStore

SUFFIX = "_bench_rebuild"


def rebuild_rate(store: EventStore, limit: int) -> float:
    """Notifications per second over the first `limit` of the log."""
    projections = all_projections(store.schema, SUFFIX)
    until = min(limit, store.head())
    with store.datastore.transaction(commit=True) as cur:
        for projection in projections:
            ensure_tables(cur, projection)
            projection.before_build(cur)
    started = time.monotonic()
    for projection in projections:
        projection.building = True
    while step(store, projections, BUILD_PAGE_SIZE) and done_upto(store, projections[0]) < until:
        pass
    with store.datastore.transaction(commit=True) as cur:
        for projection in projections:
            projection.after_build(cur)
    elapsed = time.monotonic() - started
    replayed = done_upto(store, projections[0])
    with store.datastore.transaction(commit=True) as cur:
        for projection in projections:
            for name in projection.tables:
                cur.execute(sql.SQL("DROP TABLE {}").format(projection.t(name)))
            cur.execute(
                sql.SQL("DELETE FROM {} WHERE name = %s").format(tracking_table(store.schema)),
                (projection.tracking_name,),
            )
    return replayed / elapsed


def done_upto(store: EventStore, projection: Projection) -> int:
    with store.datastore.transaction(commit=False) as cur:
        return read_position(cur, store.schema, projection.tracking_name)
