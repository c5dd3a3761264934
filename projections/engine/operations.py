"""Operating projections: how far each has got and which businesses are stuck,
a blue/green rebuild from position 0 (one at a time per projection), and a verify
that rebuilds into scratch tables and diffs them with the live ones. Works for every projection: it only
uses `tables`, `keys`, `apply` and `after_catch_up`. Rebuild and verify apply
the log as the worker does, parking what cannot be applied (see parking.py)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from psycopg import Cursor, sql

from projections.engine import parking
from projections.engine.pages import BUILD_PAGE_SIZE, ensure_tables, process_page
from projections.engine.parking import Stuck
from projections.engine.partitions import USAGE, parse_name, usage_names
from projections.engine.projection import Projection
from projections.engine.registry import PROJECTIONS
from projections.engine.tracking import create_tracking, positions, read_position, tracking_table
from projections.engine.versions import record_version
from store import usage_log
from store.log import EventLog
from store.rows import one

NEXT = "__next"
VERIFY = "__verify"
SAMPLE_S = 1.0

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Status:
    name: str
    position: int
    lag: int
    events_per_s: float
    pending: list[str]
    parked: list[Stuck]


@dataclass(frozen=True)
class Verdict:
    """What `verify` found: rows that differ from a rebuild, how many events the projection has still to
    apply, and the businesses stuck at a parked event. Any of them means the read model is not complete."""

    differences: list[str]
    behind: int
    parked: list[Stuck]

    @property
    def complete(self) -> bool:
        return not (self.differences or self.behind or self.parked)


def projection(name: str, schema: str, suffix: str = "") -> Projection:
    """By tracking name: `usage@I/N` is partition I of N of the usage projection."""
    base, partition = parse_name(name)
    if base not in PROJECTIONS:
        raise KeyError(f"no projection {base!r}; there are {', '.join(PROJECTIONS)}")
    return PROJECTIONS[base](schema, suffix, partition)


def names(app: EventLog) -> list[str]:
    """Every live projection by tracking name: the usage projection's partitions when it is split."""
    split = [n for n in usage_names(positions(app)) if n != USAGE]
    return [n for name in PROJECTIONS for n in (split if name == USAGE and split else [name])]


def status(app: EventLog, sample_s: float = SAMPLE_S) -> list[Status]:
    """Position, lag behind the log head, notifications applied per second over a short sample,
    background work still to do (back-fills), and stuck businesses."""
    before = positions(app)
    time.sleep(sample_s)
    after, head, live = positions(app), app.head(), names(app)
    with app.datastore.transaction(commit=False) as cur:
        pending = {name: _pending(cur, projection(name, app.schema)) for name in live}
        stuck = parking.stuck(cur, app.schema, live)
    return [
        Status(
            name,
            after.get(name, 0),
            head - after.get(name, 0),
            (after.get(name, 0) - before.get(name, 0)) / sample_s,
            pending[name],
            [s for s in stuck if s.projection == name],
        )
        for name in live
    ]


def stuck(app: EventLog, name: str) -> list[Stuck]:
    with app.datastore.transaction(commit=False) as cur:
        return parking.stuck(cur, app.schema, [name])


def _existing(cur: Cursor[Any], live: Projection) -> list[str]:
    found = []
    for table in live.tables:
        cur.execute("SELECT to_regclass(%s) AS t", (f'"{live.schema}"."{table}"',))
        if one(cur)["t"] is not None:
            found.append(table)
    return found


def _pending(cur: Cursor[Any], live: Projection) -> list[str]:
    return live.pending_work(cur) if len(_existing(cur, live)) == len(live.tables) else []


def _drop(cur: Cursor[Any], generation: Projection) -> None:
    for table in generation.tables:
        cur.execute(sql.SQL("DROP TABLE IF EXISTS {}").format(generation.t(table)))
    cur.execute(
        sql.SQL("DELETE FROM {} WHERE name = %s").format(tracking_table(generation.schema)), (generation.tracking_name,)
    )
    parking.forget(cur, generation.schema, generation.tracking_name)


def _settle(cur: Cursor[Any], generation: Projection) -> None:
    """Finishes the background work (back-fills) a generation has pending."""
    while generation.after_catch_up(cur):
        pass


def build(app: EventLog, generations: list[Projection], until: int, progress: Progress | None = None) -> None:
    """Fresh tables for these generations (standing at one position: each page is read once for all), applied
    from position 0 up to `until`, back-fills done; one page per transaction so live work is never blocked for
    long."""
    with app.datastore.transaction(commit=True) as cur:
        create_tracking(cur, app.schema)
        parking.create_parking(cur, app.schema)
        for generation in generations:
            _drop(cur, generation)
            ensure_tables(cur, generation)
            generation.before_build(cur)
    for generation in generations:
        generation.building = True
    try:
        while True:
            with app.datastore.transaction(commit=True) as cur:
                done = process_page(app, cur, generations, stop=until, page_size=BUILD_PAGE_SIZE)
                at = read_position(cur, app.schema, generations[0].tracking_name)
            if progress:
                progress(at, until)
            if not done:
                break
    finally:
        for generation in generations:
            generation.building = False
    with app.datastore.transaction(commit=True) as cur:
        for generation in generations:
            generation.after_build(cur)
    for generation in generations:
        while True:
            with app.datastore.transaction(commit=True) as cur:
                if not generation.after_catch_up(cur):
                    break


def drop(app: EventLog, generations: list[Projection]) -> None:
    """Drops the generations' tables, position and parked events."""
    with app.datastore.transaction(commit=True) as cur:
        for generation in generations:
            _drop(cur, generation)


def _finish(app: EventLog, cur: Cursor[Any], generation: Projection, until: int) -> None:
    while process_page(app, cur, [generation], stop=until):
        pass
    _settle(cur, generation)


def _lock(cur: Cursor[Any], live: Projection, mode: str) -> None:
    existing = [live.t(table) for table in _existing(cur, live)]
    if existing:
        cur.execute(sql.SQL("LOCK TABLE {} IN " + mode + " MODE").format(sql.SQL(", ").join(existing)))


def rebuild_key(schema: str, name: str) -> str:
    """The advisory lock's key a rebuild of the projection of `name` (or of any of its partitions) holds."""
    return f"{schema}/rebuild/{parse_name(name)[0]}"


# Whether someone holds a rebuild's lock, read from pg_locks without taking it: a one-number advisory key shows
# as its high and low 32 bits.
REBUILD_HELD = sql.SQL(
    "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 AND granted "
    "AND ((classid::bigint << 32) | objid::bigint) = hashtext(%s)::bigint) AS held"
)


@contextmanager
def one_rebuild(
    app: EventLog, name: str, wait: bool = True, waiting: Callable[[], None] | None = None
) -> Iterator[bool]:
    """One rebuild of a projection at a time, whichever process asks (the start-up of two workers, a worker
    and `tally projections rebuild`; partitions share the `__next` tables): a session advisory lock, held
    on a connection of its own until the rebuild is done, released by the server if the process dies.
    Yields whether it holds it: with `wait`, always, once another rebuild is done (`waiting` is told first)."""
    key = rebuild_key(app.schema, name)
    with app.datastore.get_connection() as conn:
        held = bool(one(conn.execute("SELECT pg_try_advisory_lock(hashtext(%s)) AS held", (key,)))["held"])
        if not held and wait:
            if waiting:
                waiting()
            conn.execute("SELECT pg_advisory_lock(hashtext(%s))", (key,))
            held = True
        try:
            yield held
        finally:
            if held:
                conn.execute("SELECT pg_advisory_unlock(hashtext(%s))", (key,))


def rebuild(app: EventLog, name: str, progress: Progress | None = None) -> int:
    """Blue/green: builds `<table>__next` from 0 while the live tables keep serving, then in one transaction
    locks the live tables, applies the tail, and swaps tables, indexes, position and parked events, and
    records the version it was built with. Returns the position. The caller holds `one_rebuild`."""
    live, fresh = projection(name, app.schema), projection(name, app.schema, NEXT)
    build(app, [fresh], app.head(), progress)
    with app.datastore.transaction(commit=True) as cur:
        parking.hold(cur, app.schema, [live.tracking_name], exclusive=True)
        _lock(cur, live, "ACCESS EXCLUSIVE")
        _finish(app, cur, fresh, app.head())
        if live.partition is not None:
            _swap_rows(cur, live, fresh)
        else:
            _swap_tables(cur, app, live, fresh)
        cur.execute(sql.SQL("DELETE FROM {} WHERE name = %s").format(tracking_table(app.schema)), (live.tracking_name,))
        cur.execute(
            sql.SQL("UPDATE {} SET name = %s WHERE name = %s").format(tracking_table(app.schema)),
            (live.tracking_name, fresh.tracking_name),
        )
        parking.rename(cur, app.schema, fresh.tracking_name, live.tracking_name)
        record_version(cur, app.schema, live.tracking_name, live.version)
        return read_position(cur, app.schema, live.tracking_name)


def _swap_rows(cur: Cursor[Any], live: Projection, fresh: Projection) -> None:
    """A partition shares its tables with the others: its rows are replaced by the rebuilt ones, in the
    swap's transaction (dependent tables first), and the scratch tables dropped."""
    for table in reversed(list(live.tables)):
        cur.execute(sql.SQL("DELETE FROM {} WHERE {}").format(live.t(table), live.owned(table)))
    for table in live.tables:
        cur.execute(sql.SQL("INSERT INTO {} SELECT * FROM {}").format(live.t(table), fresh.t(table)))
        cur.execute(sql.SQL("DROP TABLE {}").format(fresh.t(table)))


def _swap_tables(cur: Cursor[Any], app: EventLog, live: Projection, fresh: Projection) -> None:
    for table in live.tables:
        cur.execute(sql.SQL("DROP TABLE IF EXISTS {}").format(live.t(table)))
        cur.execute(sql.SQL("ALTER TABLE {} RENAME TO {}").format(fresh.t(table), sql.Identifier(table)))
        cur.execute("SELECT indexname FROM pg_indexes WHERE schemaname = %s AND tablename = %s", (app.schema, table))
        for index in [r["indexname"] for r in cur.fetchall() if NEXT in r["indexname"]]:
            cur.execute(
                sql.SQL("ALTER INDEX {}.{} RENAME TO {}").format(
                    sql.Identifier(app.schema), sql.Identifier(index), sql.Identifier(index.replace(NEXT, "", 1))
                )
            )


def verify(app: EventLog, name: str, progress: Progress | None = None) -> Verdict:
    """Rebuilds into `<table>__verify` up to the live position and lists every row that differs
    (EXCEPT ALL both ways) and every event parked on one side only. Live writes wait during the final
    comparison only; the live projection's own pending back-fills are finished first, so both sides are
    settled. Also counts the events the live projection has still to apply and its stuck businesses.
    The scratch tables are dropped."""
    live, scratch = projection(name, app.schema), projection(name, app.schema, VERIFY)
    with app.datastore.transaction(commit=False) as cur:
        build(app, [scratch], read_position(cur, app.schema, live.tracking_name), progress)
    try:
        with app.datastore.transaction(commit=True) as cur:
            _lock(cur, live, "SHARE ROW EXCLUSIVE")
            _finish(app, cur, scratch, read_position(cur, app.schema, live.tracking_name))
            _settle(cur, live)
            differences = [line for table in live.tables for line in _differences(cur, live, scratch, table)]
            return Verdict(
                differences + _parked_differences(cur, live, scratch),
                _behind(app, cur, live),
                parking.stuck(cur, app.schema, [live.tracking_name]),
            )
    finally:
        drop(app, [scratch])


def _differences(cur: Cursor[Any], live: Projection, scratch: Projection, table: str) -> list[str]:
    order = sql.SQL(", ").join(sql.Identifier(k) for k in live.keys[table])
    lines = []
    for label, a, b in (("only live", live, scratch), ("only rebuilt", scratch, live)):
        cur.execute(
            sql.SQL(
                "SELECT * FROM (SELECT * FROM {} WHERE {} EXCEPT ALL SELECT * FROM {} WHERE {}) AS d ORDER BY {}"
            ).format(a.t(table), a.owned(table), b.t(table), b.owned(table), order)
        )
        lines += [f"{table}: {label}: {dict(row)}" for row in cur.fetchall()]
    return lines


def _parked_differences(cur: Cursor[Any], live: Projection, scratch: Projection) -> list[str]:
    at = {g: {e.position for e in parking.parked_events(cur, g.schema, g.tracking_name)} for g in (live, scratch)}
    return [f"parked: only live: position {p}" for p in sorted(at[live] - at[scratch])] + [
        f"parked: only rebuilt: position {p}" for p in sorted(at[scratch] - at[live])
    ]


def _behind(app: EventLog, cur: Cursor[Any], live: Projection) -> int:
    """Events in the log after the projection's position (ids have gaps: they are counted, not subtracted)."""
    position = read_position(cur, live.schema, live.tracking_name)
    cur.execute(
        sql.SQL(
            "SELECT (SELECT count(*) FROM {} WHERE notification_id > %s AND topic <> %s) "
            "+ (SELECT count(*) FROM {} WHERE position > %s) AS n"
        ).format(app.events_table, sql.Identifier(app.schema, usage_log.TABLE)),
        (position, usage_log.TOPIC, position),
    )
    return one(cur)["n"]
