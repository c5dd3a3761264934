"""Reading the event log: what a reader of it is given (`EventLog`), and pages
of notifications read on the caller's cursor."""
from __future__ import annotations

from typing import Any, Protocol

from eventsourcing.persistence import Mapper, Notification
from eventsourcing.postgres import PostgresDatastore
from psycopg import Cursor, sql
from psycopg.rows import tuple_row


class EventLog(Protocol):
    """The log as the projection worker, rebuilds and jobs read it: where the events are, how to decode
    them, the connection pool and the head. The event store is one; the worker is never given more."""

    @property
    def schema(self) -> str: ...

    @property
    def events_table(self) -> sql.Composed: ...

    @property
    def datastore(self) -> PostgresDatastore: ...

    @property
    def mapper(self) -> Mapper[Any]: ...

    def head(self) -> int: ...


def read_page(cur: Cursor[Any], events_table: sql.Composable, after: int, limit: int,
              stop: int | None = None) -> list[Notification]:
    """Notifications with after < id (<= stop), oldest first. Ids have gaps; only order matters."""
    query = sql.SQL(
        "SELECT notification_id, originator_id, originator_version, topic, state FROM {} "
        "WHERE notification_id > %s AND notification_id <= %s ORDER BY notification_id LIMIT %s"
    ).format(events_table)
    return _notifications(cur, query, (after, stop if stop is not None else 2**62, limit))


def read_notifications(cur: Cursor[Any], events_table: sql.Composable, ids: list[int]) -> list[Notification]:
    """The notifications with these ids, oldest first."""
    query = sql.SQL(
        "SELECT notification_id, originator_id, originator_version, topic, state FROM {} "
        "WHERE notification_id = ANY(%s) ORDER BY notification_id"
    ).format(events_table)
    return _notifications(cur, query, (ids,))


def _notifications(cur: Cursor[Any], query: sql.Composed, params: tuple[Any, ...]) -> list[Notification]:
    # Plain tuples on a cursor of the same connection (same transaction): a dict per row was a twentieth
    # of the worker's time.
    with cur.connection.cursor(row_factory=tuple_row) as rows:
        rows.execute(query, params)
        return [Notification(id=i, originator_id=originator, originator_version=version, topic=topic,
                             state=state if type(state) is bytes else bytes(state))
                for i, originator, version, topic, state in rows.fetchall()]
