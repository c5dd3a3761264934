"""The projection worker: applies the log to every projection, one page per
transaction, and records the page's last position in that same transaction, with
the events it had to park (see parking.py)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from eventsourcing.persistence import Notification
from eventsourcing.postgres import PostgresDatastore
from psycopg import Cursor, sql

from projections.engine import parking
from projections.engine.beats import create_beats, start_beating
from projections.engine.isolation import Decoded, Item, apply_contained
from projections.engine.owners import Owners
from projections.engine.partitions import adopt_position
from projections.engine.projection import Projection
from projections.engine.tracking import (
    PositionConflict,
    create_tracking,
    read_position,
    read_positions,
    record_positions,
)
from store.log import EventLog, read_page
from store.rows import one

log = logging.getLogger("tally.worker")

# Notifications per transaction when behind. Larger pages fold more events into each meter bucket and
# hourly row, and spread a page's fixed statements wider: the worker drained 19-24 k events/s with pages of
# 1,000 and 27-28 k/s with 5,000 (docs/performance.md). Caught up, a page is whatever is new.
PAGE_SIZE = 5000
IDLE_WAIT_S = 0.05
# Busy rounds between background steps, so a back-fill still advances under steady ingestion.
BACKGROUND_EVERY = 10


# A trace span around a unit of work, given its name and attributes (interfaces/observability/tracing.py).
Span = Callable[[str, Mapping[str, Any]], AbstractContextManager[Any]]


def untraced(name: str, attributes: Mapping[str, Any]) -> AbstractContextManager[Any]:
    return nullcontext()


def ensure_tables(cur: Cursor[Any], projection: Projection) -> None:
    """Creates the tables that are missing and adds columns that are. A table added to a projection that
    already has a position starts empty: `tally projections rebuild` fills it."""
    create_tracking(cur, projection.schema)
    parking.create_parking(cur, projection.schema)
    if not projection.suffix:
        adopt_position(cur, projection)
    for name in projection.tables:
        cur.execute("SELECT to_regclass(%s) AS t", (f'"{projection.schema}"."{name}{projection.suffix}"',))
        for statement in projection.ddl(name) if one(cur)["t"] is None else projection.column_ddl(name):
            cur.execute(statement)


def process_page(
    app: EventLog,
    cur: Cursor[Any],
    projections: list[Projection],
    stop: int | None = None,
    page_size: int = PAGE_SIZE,
    span: Span = untraced,
) -> int:
    """Applies the next page to projections that stand at the same position, decoding it once; events a
    projection cannot apply are parked with their business (see isolation.py), in the same transaction.
    Returns how many notifications the page held."""
    schema = projections[0].schema
    names = [p.tracking_name for p in projections]
    parking.hold(cur, schema, names)
    position = read_position(cur, schema, names[0])
    notifications = read_page(cur, app.events_table, position, page_size, stop)
    if not notifications:
        return 0
    with span("projection page", {"tally.projections": ",".join(names), "tally.events": len(notifications)}):
        held = parking.held_back(cur, schema, names)
        decoded = Decoded(app.mapper)
        owners = Owners(cur, app.mapper, app.events_table)
        work = [(p, _items(p, notifications, decoded, owners)) for p in projections]
        parked = apply_contained(cur, work, notifications[-1].id, held, owners.of)
        for name in names:
            parking.park(cur, schema, name, parked.get(name, []))
        record_positions(cur, schema, names, notifications[-1].id)
    return len(notifications)


def _items(projection: Projection, notifications: list[Notification], decoded: Decoded, owners: Owners) -> list[Item]:
    wanted = [n for n in notifications if projection.wants(n.topic)]
    if projection.partition is None:
        return [decoded.item(n) for n in wanted]
    return projection.partition.keep(wanted, decoded.item, owners.of)


def step(app: EventLog, projections: list[Projection], page_size: int = PAGE_SIZE, span: Span = untraced) -> int:
    """One page in one transaction. A conflict means another worker did it: nothing is written twice."""
    try:
        with app.datastore.transaction(commit=True) as cur:
            return process_page(app, cur, projections, page_size=page_size, span=span)
    except PositionConflict:
        return 0


def catch_up(app: EventLog, projection: Projection, until: int, progress: Callable[[int], None] | None = None) -> None:
    """Applies pages until the projection has reached `until`."""
    while True:
        with app.datastore.transaction(commit=False) as cur:
            position = read_position(cur, projection.schema, projection.tracking_name)
        if progress:
            progress(position)
        if position >= until or not step(app, [projection]):
            return


def in_step(app: EventLog, projections: list[Projection]) -> list[list[Projection]]:
    """Projections grouped by position, so each group reads and decodes a page once."""
    with app.datastore.transaction(commit=False) as cur:
        stored = read_positions(cur, projections[0].schema) if projections else {}
    at = {p.name: stored.get(p.tracking_name, 0) for p in projections}
    groups: dict[int, list[Projection]] = {}
    for projection in projections:
        groups.setdefault(at[projection.name], []).append(projection)
    return list(groups.values())


class Worker:
    """Keeps every projection at the head of the log. The billing jobs run apart (projections/engine/jobs.py),
    so a long close never holds the read models back."""

    def __init__(
        self, app: EventLog, projections: Iterable[Projection], page_size: int = PAGE_SIZE, span: Span = untraced
    ) -> None:
        self.app = app
        self.span = span
        self.page_size = page_size
        self.projections = list(projections)
        # Only these have work between pages: an empty transaction per projection each idle round was a
        # tenth of a core of an idle server.
        self.background = [p for p in self.projections if p.has_background_work]
        self.stopping = threading.Event()
        self.busy_rounds = 0

    def setup(self) -> None:
        with self.app.datastore.transaction(commit=True) as cur:
            # Workers of several partitions start together: one creates the tables, the others find them.
            cur.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"{self.app.schema}/setup",))
            create_beats(cur, self.app.schema)
            for projection in self.projections:
                ensure_tables(cur, projection)

    def run_once(self) -> int:
        done = 0
        for group in in_step(self.app, self.projections):
            done += step(self.app, group, self.page_size, self.span)
        idle = not done
        self.busy_rounds += not idle
        if idle or self.busy_rounds % BACKGROUND_EVERY == 0:
            for projection in self.background:
                with self.app.datastore.transaction(commit=True) as cur:
                    done += bool(projection.after_catch_up(cur))
        return done

    def run(self) -> None:
        self.setup()
        start_beating(self.app.datastore, self.app.schema, self.name, self.stopping)
        log.info("worker started: %s", ", ".join(p.name for p in self.projections))
        while not self.stopping.is_set():
            started = time.monotonic()
            try:
                done = self.run_once()
            except Exception:
                log.exception("worker step failed; retrying")
                done = 0
                self.stopping.wait(1.0)
            if not done:
                self.stopping.wait(IDLE_WAIT_S)
            elif done >= self.page_size:
                log.debug("applied %d notifications in %.3fs", done, time.monotonic() - started)
        log.info("worker stopped")

    def stop(self) -> None:
        self.stopping.set()

    @property
    def name(self) -> str:
        """What it applies, as the beats table names it: its partition of the usage projection, or `all`."""
        partitions = [p.tracking_name for p in self.projections if p.partition is not None]
        return partitions[0] if partitions else "all"


def projected_position(app: EventLog, names: list[str]) -> int:
    """How far every named projection has got: the lowest of their positions, 0 while one has none."""
    return projected_position_in(app.datastore, app.schema, names)


def projected_position_in(datastore: PostgresDatastore, schema: str, names: list[str]) -> int:
    query = sql.SQL(
        "SELECT coalesce(min(position), 0) AS p, count(*) AS n FROM {}.projection_tracking WHERE name = ANY(%s)"
    ).format(sql.Identifier(schema))
    with datastore.transaction(commit=False) as cur:
        cur.execute(query, (names,))
        row = one(cur)
    return int(row["p"]) if row["n"] == len(names) else 0


def wait_for(app: EventLog, names: Iterable[str], position: int, timeout: float = 5.0) -> bool:
    """True once every named projection has reached `position`, False after `timeout`. It holds its
    thread while it waits; request handlers wait with `interfaces/resources/freshness.py` instead."""
    return wait_in(app.datastore, app.schema, names, position, timeout)


def wait_in(
    datastore: PostgresDatastore, schema: str, names: Iterable[str], position: int, timeout: float = 5.0
) -> bool:
    """`wait_for` on this datastore (the primary, or a replica of it)."""
    names = list(names)
    deadline = time.monotonic() + timeout
    pause = 0.005
    while True:
        if position <= 0 or projected_position_in(datastore, schema, names) >= position:
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(min(pause, max(0.0, deadline - time.monotonic())))
        pause = min(pause * 2, 0.1)
