"""A deadline for the database work of one request.

A stalled PostgreSQL (stopped, swapping, a network that drops packets) keeps
TCP connections open and answers nothing: the server's statement_timeout never
fires and psycopg waits forever. So the client gives up on its own. Code that
runs under `deadline(seconds)` (the HTTP layer sets one per request; the
context travels into worker threads) is bounded three ways:

- no new checkout starts once the deadline has passed (`DeadlineExceeded`,
  which eventsourcing's retry loops do not retry);
- a checkout waits for the pool at most the pool timeout (`POSTGRES_CONNECT_TIMEOUT`), and not at all
  while the database is known to be down (store/connections.py);
- a connection still checked out at the deadline is cut (its socket shut
  down), so the blocked call fails at once with an OperationalError and the
  pool discards that connection.

Work without a deadline (the projection worker, rebuilds, the benchmark,
closing jobs) is not touched.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import psycopg
from eventsourcing.persistence import PersistenceError
from eventsourcing.postgres import PostgresDatastore

_deadline: ContextVar[float | None] = ContextVar("tally_database_deadline", default=None)


class DeadlineExceeded(PersistenceError):
    """The request's time for database work ran out: the database is unreachable or stalled."""


def under_deadline() -> bool:
    return _deadline.get() is not None


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    token = _deadline.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


class Watchdog:
    """One thread that cuts the connections still held when their deadline passes."""

    def __init__(self) -> None:
        self._held: dict[object, tuple[float, Any]] = {}
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None

    @contextmanager
    def watch(self, conn: Any, until: float) -> Iterator[None]:
        token = object()
        with self._changed:
            self._held[token] = (until, conn)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="tally-db-watchdog", daemon=True)
                self._thread.start()
            self._changed.notify()
        try:
            yield
        finally:
            with self._changed:
                self._held.pop(token, None)

    def _run(self) -> None:
        with self._changed:
            while True:
                now = time.monotonic()
                for token, (until, conn) in list(self._held.items()):
                    if until <= now:
                        # Cut under the lock: the holder cannot have handed the connection back meanwhile.
                        del self._held[token]
                        _cut(conn)
                soonest = min((until for until, _ in self._held.values()), default=None)
                self._changed.wait(None if soonest is None else soonest - now)


def _cut(conn: Any) -> None:
    """Shuts the connection's socket down (on a duplicate descriptor: libpq still owns the original)."""
    try:
        with socket.socket(fileno=os.dup(conn.pgconn.socket)) as sock:
            sock.shutdown(socket.SHUT_RDWR)
    except (OSError, psycopg.OperationalError):
        pass  # already closed: nothing left to cut


WATCHDOG = Watchdog()


class DeadlineDatastore(PostgresDatastore):
    """eventsourcing's datastore, with every checkout bounded by the caller's deadline, if any."""

    @contextmanager
    def get_connection(self) -> Iterator[Any]:
        until = _deadline.get()
        if until is not None and time.monotonic() >= until:
            raise DeadlineExceeded("the database did not answer in time")
        with super().get_connection() as conn:
            if until is None:
                yield conn
            else:
                with WATCHDOG.watch(conn, until):
                    yield conn
