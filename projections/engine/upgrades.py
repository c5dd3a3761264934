"""Upgrades with no manual step: when a worker starts, every read model it keeps whose rows were built by an
older version of its projection (versions.py) is rebuilt, blue/green, on a thread beside the worker's loop:
the live read model is kept at the head by the worker and serves meanwhile; the new generation is built from
position 0 and swapped in (operations.rebuild). One rebuild of a projection at a time across every process
(operations.one_rebuild): a worker that finds another one rebuilding tries again every RETRY_S, and finds
nothing left to do once it is done, or takes over if that process died. Progress goes to the log every
LOG_EVERY_S and shows on /health (`rebuilding`, read from the database by any API process)."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

from psycopg import Cursor

from projections.engine import operations
from projections.engine.partitions import parse_name
from projections.engine.registry import PROJECTIONS
from projections.engine.tracking import read_positions
from projections.engine.versions import stored_versions
from store.log import EventLog
from store.rows import one

log = logging.getLogger("tally.upgrade")

RETRY_S = 5.0
LOG_EVERY_S = 5.0


@dataclass(frozen=True)
class Outdated:
    name: str  # tracking name: a projection, or a partition of one (`usage@0/2`)
    built: int  # the version its rows were built with; 0: before versions were recorded
    wanted: int  # its projection's version in the code that runs


@dataclass(frozen=True)
class Rebuilding:
    """A read model being rebuilt, or waiting for its turn: its new generation's position and the log head."""

    name: str
    done: int
    total: int


class Stopped(Exception):
    """The worker is stopping: the rebuild is abandoned; the next start begins it again."""


def code_version(name: str) -> int:
    return PROJECTIONS[parse_name(name)[0]].version


def outdated_in(cur: Cursor[Any], schema: str, names: list[str] | None = None) -> list[Outdated]:
    """Read models with a position whose version is older than the code's (all of them, or those named)."""
    built, at = stored_versions(cur, schema), read_positions(cur, schema)
    live = [n for n in at if "__" not in n and parse_name(n)[0] in PROJECTIONS] if names is None else names
    found = [Outdated(n, built.get(n, 0), code_version(n)) for n in live if at.get(n, 0) > 0 or n in built]
    return [o for o in found if o.built < o.wanted]


def rebuilding_in(cur: Cursor[Any], schema: str, head: int) -> list[Rebuilding]:
    """What /health shows: every outdated read model, and every new generation being built (by start-up or by
    `tally projections rebuild`), with how far it has got. A generation whose rebuild holds no lock any more
    (a `tally projections rebuild` killed part-way) is being built by no one: not shown."""
    cur.execute("SELECT to_regclass(%s) AS t", (f'"{schema}".projection_tracking',))
    if one(cur)["t"] is None:
        return []
    at = read_positions(cur, schema)
    names = {o.name for o in outdated_in(cur, schema)}
    for generation in (n for n in at if operations.NEXT in n):
        live = generation.replace(operations.NEXT, "", 1)
        cur.execute(operations.REBUILD_HELD, (operations.rebuild_key(schema, live),))
        if one(cur)["held"]:
            names.add(live)
    return [Rebuilding(n, at.get(_next(n), 0), head) for n in sorted(names)]


def _next(name: str) -> str:
    base, partition = parse_name(name)
    return base + operations.NEXT + (partition.label if partition else "")


class Upgrader:
    """Rebuilds the outdated read models among `names` (a worker's tracking names)."""

    def __init__(self, app: EventLog, names: list[str], stopping: threading.Event) -> None:
        self.app = app
        self.names = names
        self.stopping = stopping
        self.done = threading.Event()
        self.rebuilt: list[str] = []

    def outdated(self) -> list[Outdated]:
        with self.app.datastore.transaction(commit=False) as cur:
            return outdated_in(cur, self.app.schema, self.names)

    def run(self) -> list[str]:
        """Answers the tracking names it rebuilt (also in `rebuilt`). Sets `done` when nothing is left to
        rebuild, or it stopped."""
        rebuilt = self.rebuilt
        while not self.stopping.is_set():
            try:
                waiting = self._round(rebuilt)
            except Stopped:
                log.info("upgrade: stopped before the end; the next start rebuilds again")
                break
            except Exception:
                if self.stopping.is_set():  # the worker is closing its pool under it
                    break
                log.exception("upgrade: a rebuild failed; trying again in %.0f s", RETRY_S)
                waiting = True
            if not waiting:
                break
            self.stopping.wait(RETRY_S)
        self.done.set()
        return rebuilt

    def _round(self, rebuilt: list[str]) -> bool:
        """Rebuilds what it can; True while some read model is rebuilt elsewhere (to try again later)."""
        elsewhere = False
        for item in self.outdated():
            with operations.one_rebuild(self.app, item.name, wait=False) as mine:
                # Another process may have rebuilt it while this one read what was outdated.
                if mine and item in self.outdated():
                    self._rebuild(item)
                    rebuilt.append(item.name)
                elsewhere |= not mine
        return elsewhere

    def _rebuild(self, item: Outdated) -> None:
        log.info(
            "upgrade: rebuilding %s (built by version %d, the code's is %d); the read model it has serves meanwhile",
            item.name,
            item.built,
            item.wanted,
        )
        started = time.monotonic()
        position = operations.rebuild(self.app, item.name, self._progress(item.name, started))
        log.info(
            "upgrade: %s rebuilt at version %d and swapped in at position %d in %.1f s",
            item.name,
            item.wanted,
            position,
            time.monotonic() - started,
        )

    def _progress(self, name: str, started: float) -> operations.Progress:
        """Logs how far the new generation has got every LOG_EVERY_S, and when it reaches the head; raises
        Stopped when the worker stops."""
        logged = {"at": started, "done": 0}

        def report(done: int, total: int) -> None:
            if self.stopping.is_set():
                raise Stopped()
            now = time.monotonic()
            if now - logged["at"] >= LOG_EVERY_S or (done >= total and logged["done"] < total):
                logged.update(at=now, done=done)
                log.info(
                    "upgrade: %s at position %d of %d (%.0f%%), %.0f events/s",
                    name,
                    done,
                    total,
                    100 * done / total if total else 100,
                    done / max(now - started, 1e-3),
                )

        return report

    def start(self) -> threading.Thread:
        thread = threading.Thread(target=self.run, name="upgrade", daemon=True)
        thread.start()
        return thread
