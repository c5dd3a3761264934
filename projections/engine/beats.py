"""Projection workers say they are alive: each running worker writes the time into `worker_beats` every
BEAT_S seconds, from a thread of its own, so `/health/ready` (on any API process, or on a replica) can tell
a live worker from one that died or was never started, whatever machine it runs on. A worker that hangs
keeps beating; its read models' lag says that instead."""

from __future__ import annotations

import logging
import os
import socket
import threading
from typing import Any

from eventsourcing.postgres import PostgresDatastore
from psycopg import Cursor, sql

log = logging.getLogger("tally.worker")

BEAT_S = 2.0


def beats_table(schema: str) -> sql.Composed:
    return sql.SQL("{}.worker_beats").format(sql.Identifier(schema))


def create_beats(cur: Cursor[Any], schema: str) -> None:
    cur.execute(
        sql.SQL(
            "CREATE TABLE IF NOT EXISTS {} (worker text PRIMARY KEY, pid integer NOT NULL, host text NOT NULL, "
            "beat_at timestamptz NOT NULL)"
        ).format(beats_table(schema))
    )


def beat(cur: Cursor[Any], schema: str, worker: str) -> None:
    cur.execute(
        sql.SQL(
            "INSERT INTO {} (worker, pid, host, beat_at) VALUES (%s, %s, %s, clock_timestamp()) "
            "ON CONFLICT (worker) DO UPDATE SET pid = EXCLUDED.pid, host = EXCLUDED.host, beat_at = EXCLUDED.beat_at"
        ).format(beats_table(schema)),
        (worker, os.getpid(), socket.gethostname()),
    )


def start_beating(
    datastore: PostgresDatastore, schema: str, worker: str, stopping: threading.Event
) -> threading.Thread:
    """Beats until `stopping` is set; a beat that fails (the database away) is tried again next time."""

    def run() -> None:
        while True:
            try:
                with datastore.transaction(commit=True) as cur:
                    beat(cur, schema, worker)
            except Exception as exc:  # the worker's own loop reports the database's troubles
                log.debug("worker beat failed: %s", exc)
            if stopping.wait(BEAT_S):
                return

    thread = threading.Thread(target=run, name="worker-beat", daemon=True)
    thread.start()
    return thread
