"""The projection worker: applies the log to every projection, one page per
transaction (pages.py), and records the page's last position in that same transaction,
with the events it had to park (see parking.py). On start it rebuilds the read models
an older version built (upgrades.py)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable

from eventsourcing.postgres import PostgresDatastore
from psycopg import sql

from projections.engine.beats import create_beats, start_beating
from projections.engine.pages import PAGE_SIZE, Span, ensure_tables, process_page, untraced
from projections.engine.projection import Projection
from projections.engine.tracking import PositionConflict, read_position, read_positions
from projections.engine.upgrades import Upgrader
from store.log import EventLog
from store.rows import one

log = logging.getLogger("tally.worker")

IDLE_WAIT_S = 0.05
# Busy rounds between background steps, so a back-fill still advances under steady ingestion.
BACKGROUND_EVERY = 10


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
        # Read models built by an older version are rebuilt beside the loop, which keeps the live ones serving.
        self.upgrader = Upgrader(app, [p.tracking_name for p in self.projections], self.stopping)

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
        self.upgrader.start()
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
