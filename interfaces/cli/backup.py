"""`tally backup FILE`: a consistent copy of the store, taken while tally runs and ingests (interfaces/cli/dump.py
says what the file holds and why it is consistent)."""

from __future__ import annotations

import argparse
import logging
import os
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import psycopg

from interfaces.cli import dump
from interfaces.cli.common import UserError, store_url
from store import usage_log
from store.config import store_env
from store.event_store import EVENTS_TABLE

log = logging.getLogger("tally.backup")

SCHEMA_ENV = "TALLY_SCHEMA"


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "backup",
        help="write a consistent backup of the store to FILE, while tally runs",
        description="Writes the event store, every read model and the data folder's keys to FILE in one "
        "consistent snapshot, while tally runs and ingests. `tally restore FILE --data-dir NEW` brings it back.",
    )
    parser.add_argument("file", metavar="FILE", help="where to write the backup (replaced if it exists)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    url = store_url(args.data_dir)
    schema = os.environ.get(SCHEMA_ENV, "public")
    target = Path(args.file).expanduser().resolve()
    if not target.parent.is_dir():
        raise UserError(f"no folder {target.parent} to write {target.name} into", "create it first")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="tally-backup-") as scratch, _snapshot(url) as (conn, snapshot):
        events, head = usage_log.size(conn, schema, EVENTS_TABLE)
        database = Path(scratch) / dump.DATABASE
        dump.run(
            [
                dump.program("pg_dump"),
                "--format=custom",
                f"--schema={schema}",
                f"--snapshot={snapshot}",
                f"--file={database}",
                f"--dbname={url}",
            ],
            "pg_dump",
        )
        manifest = dump.Manifest.now(schema, head, events, datetime.now(timezone.utc).isoformat())
        dump.write(target, manifest, database, Path(args.data_dir))
    took = time.monotonic() - started
    print(f"backed up {events} events (log head {head}) to {target}: {target.stat().st_size} bytes in {took:.1f} s")
    return 0


class _snapshot:
    """A REPEATABLE READ transaction whose snapshot pg_dump shares (`--snapshot`): what the manifest counts is
    exactly what the dump holds. Held open until the dump is done."""

    def __init__(self, url: str) -> None:
        self.url = url

    def __enter__(self) -> tuple[psycopg.Connection[tuple[Any, ...]], str]:
        env = store_env(self.url)
        self.conn = psycopg.connect(
            dbname=env["POSTGRES_DBNAME"],
            host=env["POSTGRES_HOST"],
            port=env["POSTGRES_PORT"],
            user=env["POSTGRES_USER"],
            password=env["POSTGRES_PASSWORD"],
        )
        self.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        row = self.conn.execute("SELECT pg_export_snapshot()").fetchone()
        assert row is not None
        return self.conn, str(row[0])

    def __exit__(self, *exc: object) -> None:
        self.conn.rollback()
        self.conn.close()
