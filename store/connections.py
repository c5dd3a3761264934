"""How tally's processes hold their database connections: eventsourcing builds the datastore and its
psycopg pool; `bound` makes them honour deadlines and timeouts, and swaps in a pool that notices a
database that went away and comes back (docs/decisions.md, "Database faults").

psycopg_pool on its own, after `pg_ctl stop` and `start`, kept handing out connections the server had
closed, and waited before each new connection attempt twice as long as before the last (1 s, 2 s, 4 s, ...),
so the API answered 200 again only 8.6 s after PostgreSQL was back, and a request that came meanwhile
waited for the pool, then for eventsourcing's retries, until its 7 s deadline. `ReconnectingPool`:

- discards, on checkout, an idle connection the server has closed (a shutdown, a restart, a terminated
  backend), and the pool replaces it in the background;
- tries to connect every half second while the database does not answer, and never gives up: back within
  a second of the database;
- lets a request (work under a deadline) that finds no idle connection give up with `DeadlineExceeded`
  (503) as soon as an attempt to connect made since it asked has failed (within the half second), where
  it would have waited for a connection that cannot come; once the database is back, the next attempt
  gives it a connection. Work without a deadline (the worker, the CLI) waits for the pool as before.

It overrides two of psycopg_pool's private methods (`_connect`, `_add_connection`) and reads its idle
connections (`_pool`); pyproject.toml keeps psycopg-pool to one minor version, and
tests/interfaces/test_database_restart.py fails if they change.
"""

from __future__ import annotations

import logging
import math
import select
import time
from typing import Any

import psycopg
from eventsourcing.postgres import ConnectionPool, PostgresDatastore
from psycopg_pool import PoolTimeout
from psycopg_pool.base import AttemptWithBackoff

from store.deadlines import DeadlineDatastore, DeadlineExceeded, under_deadline

log = logging.getLogger("tally.database")

# While the database does not answer, each missing connection is tried this often: a returning database is
# in use again within a second, at the cost of a refused connection a slot every half second meanwhile.
RECONNECT_S = 0.5
# A request waiting for a connection looks this often whether the pool has found the database down.
DOWN_CHECK_S = 0.1


class Steady(AttemptWithBackoff):
    """psycopg_pool's reconnection schedule, without the backoff."""

    INITIAL_DELAY = RECONNECT_S
    DELAY_BACKOFF = 1.0


class ReconnectingPool(ConnectionPool[Any]):
    """eventsourcing's pool, swapped in by `bound` before it opens: behaviour, and what its latest attempt
    to connect found."""

    latest: tuple[float, bool] = (0.0, False)  # when the latest attempt to connect started; whether it failed
    down_since: float | None = None

    def getconn(self, timeout: float | None = None) -> Any:
        asked = time.monotonic()
        until = asked + (self.timeout if timeout is None else timeout)
        fail_fast = under_deadline()
        while True:
            if fail_fast and self.failed_since(asked) and not self._pool:
                raise DeadlineExceeded("the database is unreachable")
            wait = until - time.monotonic()
            try:
                conn = super().getconn(min(wait, DOWN_CHECK_S) if fail_fast else wait)
            except PoolTimeout:
                if time.monotonic() < until:
                    continue
                raise
            if not closed_by_server(conn):
                return conn
            conn.close()
            self.putconn(conn)  # a closed connection is discarded, and replaced in the background

    def failed_since(self, moment: float) -> bool:
        """Whether an attempt to connect that started after `moment` has failed, none succeeding since."""
        started, failed = self.latest
        return failed and started >= moment

    def _add_connection(self, attempt: AttemptWithBackoff | None, growing: bool = False) -> None:
        super()._add_connection(attempt or Steady(timeout=self.reconnect_timeout), growing)

    def _connect(self, timeout: float | None = None) -> Any:
        started = time.monotonic()
        try:
            conn = super()._connect(timeout)
        except psycopg.OperationalError as e:
            self._attempted(started, e)
            raise
        self._attempted(started, None)
        return conn

    def _attempted(self, started: float, error: Exception | None) -> None:
        if started < self.latest[0]:
            return  # a later attempt has already said
        self.latest = (started, error is not None)
        if error is not None and self.down_since is None:
            self.down_since = started
            log.warning("the database does not answer (%s); trying again every %.1f s", error, RECONNECT_S)
        elif error is None and self.down_since is not None:
            log.warning("the database answers again, after %.1f s", time.monotonic() - self.down_since)
            self.down_since = None


class QuietAttempts(logging.Filter):
    """psycopg_pool logs each failed attempt (a few a second while the database is down); the pool logs
    when the database stops answering and when it answers again."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("error connecting in")


QUIET = QuietAttempts()


def closed_by_server(conn: Any) -> bool:
    """An idle connection has nothing to read: when its socket has, the server has said goodbye and hung up."""
    if conn.closed:
        return True
    poll = select.poll()
    try:
        poll.register(conn.pgconn.socket, select.POLLIN)
    except psycopg.OperationalError:
        return True
    return bool(poll.poll(0))


def bound(datastore: PostgresDatastore, connect_timeout_s: int, statement_timeout_ms: int) -> None:
    """Makes a datastore that eventsourcing's factory built (before its pool opens) honour deadlines, give
    up connecting after `connect_timeout_s`, have the server cancel statements after `statement_timeout_ms`
    (0: never), and reconnect as soon as the database is back."""
    # The factory constructs PostgresDatastore and its pool itself; the subclasses add behaviour.
    datastore.__class__ = DeadlineDatastore
    pool = datastore.pool
    pool.__class__ = ReconnectingPool
    pool.reconnect_timeout = math.inf
    logging.getLogger("psycopg.pool").addFilter(QUIET)
    kwargs = pool.kwargs
    assert isinstance(kwargs, dict), "the pool is given its connection arguments as a dict"
    kwargs["connect_timeout"] = connect_timeout_s
    if statement_timeout_ms:
        kwargs["options"] = f"-c statement_timeout={statement_timeout_ms}"
