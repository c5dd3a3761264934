"""`tally restore FILE --data-dir NEW`: brings a backup back, into a data folder that holds no store yet (or,
with DATABASE_URL, a schema that holds none). `tally serve --data-dir NEW` then starts where the backup was
taken: the read models come back with their positions, so nothing is rebuilt."""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from interfaces.cli import dump
from interfaces.cli.backup import SCHEMA_ENV
from interfaces.cli.common import UserError
from interfaces.database import database_url
from store import usage_log
from store.event_store import EVENTS_TABLE


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "restore",
        help="bring back a backup into a new data dir",
        description="Restores what `tally backup FILE` wrote into --data-dir, which must hold no store yet "
        "(with DATABASE_URL: into its TALLY_SCHEMA, which must hold none). Then `tally serve --data-dir` it.",
    )
    parser.add_argument("file", metavar="FILE", help="a file `tally backup` wrote")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    started = time.monotonic()
    folder = Path(args.data_dir).expanduser().resolve()
    with tempfile.TemporaryDirectory(prefix="tally-restore-") as scratch:
        manifest = dump.read(Path(args.file), Path(scratch))
        schema = os.environ.get(SCHEMA_ENV) or manifest.schema
        if schema != manifest.schema:
            raise UserError(
                f"the backup holds schema {manifest.schema!r}, not {SCHEMA_ENV}={schema!r}",
                f"unset {SCHEMA_ENV} or set it to {manifest.schema}",
            )
        external = bool(os.environ.get("DATABASE_URL"))
        url = database_url(folder)
        with psycopg.connect(url, autocommit=True) as conn:
            if _relations(conn, schema):
                raise UserError(
                    f"schema {schema!r} of {'the database' if external else folder} holds tables already",
                    "restore into a new --data-dir" if not external else f"restore into an empty {SCHEMA_ENV}",
                )
            # pg_restore makes the schema as it was (a new database has an empty `public`).
            conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {}").format(sql.Identifier(schema)))
        dump.run(
            [
                dump.program("pg_restore"),
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={url}",
                str(Path(scratch) / dump.DATABASE),
            ],
            "pg_restore",
        )
        with psycopg.connect(url) as conn:
            events = _events(conn, schema)
        if events != manifest.events:
            raise RuntimeError(f"restored {events} events where the backup counted {manifest.events}")
        folder.mkdir(parents=True, exist_ok=True)
        for name in dump.FOLDER_FILES:
            if (Path(scratch) / name).exists() and not (folder / name).exists():
                shutil.copy2(Path(scratch) / name, folder / name)
    took = time.monotonic() - started
    where = f"schema {schema}" if external else str(folder)
    print(
        f"restored {events} events (log head {manifest.head}, backed up {manifest.created_at}) into {where} in {took:.1f} s"
    )
    return 0


def _relations(conn: psycopg.Connection[tuple[Any, ...]], schema: str) -> int:
    row = conn.execute(
        "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s",
        (schema,),
    ).fetchone()
    return int(row[0]) if row else 0


def _events(conn: psycopg.Connection[tuple[Any, ...]], schema: str) -> int:
    return usage_log.size(conn, schema, EVENTS_TABLE)[0]
