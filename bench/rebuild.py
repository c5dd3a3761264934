"""Measure (e): how fast every projection is rebuilt from position 0 into
fresh tables together by a blue/green rebuild's own build (operations.build), then the tables are dropped."""

from __future__ import annotations

import time

from projections.engine.operations import build, drop
from projections.engine.projection import Projection
from projections.engine.registry import all_projections
from projections.engine.tracking import read_position
from store.event_store import EventStore

SUFFIX = "_bench_rebuild"


def rebuild_rate(store: EventStore, limit: int) -> float:
    """Notifications per second over the first `limit` of the log."""
    generations = all_projections(store.schema, SUFFIX)
    started = time.monotonic()
    build(store, generations, min(limit, store.head()))
    elapsed = time.monotonic() - started
    replayed = done_upto(store, generations[0])
    drop(store, generations)
    return replayed / elapsed


def done_upto(store: EventStore, projection: Projection) -> int:
    with store.datastore.transaction(commit=False) as cur:
        return read_position(cur, store.schema, projection.tracking_name)
