"""Reading the log: what a reader of it is given (`EventLog`), and pages of notifications read on the caller's
cursor. The log is the event store's events and the usage log's events (store/usage_log.py), one sequence of
positions over both tables."""

from __future__ import annotations

import uuid
from typing import Any, Protocol

from eventsourcing.persistence import Mapper, Notification
from eventsourcing.postgres import PostgresDatastore
from psycopg import Cursor, sql
from psycopg.rows import tuple_row

from store import usage_log


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


def read_page(cur: Cursor[Any], log: EventLog, after: int, limit: int, stop: int | None = None) -> list[Notification]:
    """Notifications with after < position (<= stop), oldest first, from both tables. Positions have gaps; only
    order matters.

    The page is read from a window of positions first. Open-ended, the planner's estimate of the rows past
    `after` comes from statistics taken when the table was smaller (autovacuum analyzes it a minute late at
    best), and with a backlog it chose to fetch and sort every row past `after` for each page: 7 ms a page
    at a 15 k backlog, growing with it. A window holds at most WINDOW x limit rows whatever the plan. Only
    a window short of a page (the head, or a gap left by rolled-back writes) is followed by the open
    query, which then has few rows to read, or a gap to step over."""
    upper = stop if stop is not None else 2**62
    window = min(upper, after + WINDOW * limit)
    page = _merged(cur, log, after, window, limit)
    if len(page) < limit and window < upper:
        # From the last position seen, not the window's end: a write in progress may still commit inside it.
        page += _merged(cur, log, page[-1].id if page else after, upper, limit - len(page))
    return page


def _merged(cur: Cursor[Any], log: EventLog, after: int, upto: int, limit: int) -> list[Notification]:
    """The first `limit` notifications of both tables in (after, upto], read by one statement: one snapshot.
    Read by two, a store event and a usage event committed between them left the store event behind the
    usage event's position, and the page's end moved the tracking past it (a meter the worker never saw)."""
    query = _MERGED.format(events=log.events_table, log=sql.Identifier(log.schema, usage_log.TABLE))
    with cur.connection.cursor(row_factory=tuple_row) as rows:
        rows.execute(query, (after, upto, usage_log.TOPIC, limit, after, upto, limit, limit), binary=True)
        return [
            _stored(row) if row[5] is None else usage_log.notification(row[0], row[5], row[6])
            for row in rows.fetchall()
        ]


WINDOW = 2
_SELECT = sql.SQL("SELECT notification_id, originator_id, originator_version, topic, state FROM {} ")
# A store of the previous release kept usage events in the events table: they are read from the usage log,
# which holds them at the same positions (store/usage_log.py, `adopt_previous`).
# Each table gives at most `limit`: the first `limit` of their union are among those. A usage row has no
# originator columns, only its business and event id (the last two).
_MERGED = sql.SQL(
    "(SELECT notification_id, originator_id, originator_version, topic, state, NULL::uuid, NULL::text "
    "FROM {events} WHERE notification_id > %s AND notification_id <= %s AND topic <> %s "
    "ORDER BY notification_id LIMIT %s) "
    "UNION ALL (SELECT position, NULL, NULL, NULL, NULL, business_id, event_id FROM {log} "
    "WHERE position > %s AND position <= %s ORDER BY position LIMIT %s) ORDER BY 1 LIMIT %s"
)


def read_notifications(cur: Cursor[Any], log: EventLog, positions: list[int]) -> list[Notification]:
    """The notifications at these positions, oldest first."""
    query = _SELECT.format(log.events_table) + sql.SQL(
        "WHERE notification_id = ANY(%s) AND topic <> %s ORDER BY notification_id"
    )
    found = [
        *_notifications(cur, query, (positions, usage_log.TOPIC)),
        *usage_log.at_positions(cur, log.schema, positions),
    ]
    return sorted(found, key=_position)


def _position(n: Notification) -> int:
    return n.id


def read_history(log: EventLog, aggregate_id: uuid.UUID) -> list[tuple[int, Any]]:
    """(log position, event) of each of one aggregate's events, oldest first: where its story stands among
    the others' (snapshots set aside)."""
    query = _SELECT.format(log.events_table) + sql.SQL("WHERE originator_id = %s ORDER BY originator_version")
    with log.datastore.transaction(commit=False) as cur:
        notifications = _notifications(cur, query, (aggregate_id,))
    return [(n.id, log.mapper.to_domain_event(n)) for n in notifications]


def _notifications(cur: Cursor[Any], query: sql.Composed, params: tuple[Any, ...]) -> list[Notification]:
    # Plain tuples on a cursor of the same connection (same transaction): a dict per row was a twentieth
    # of the worker's time.
    with cur.connection.cursor(row_factory=tuple_row) as rows:
        rows.execute(query, params, binary=True)
        return [_stored(row) for row in rows.fetchall()]


def _stored(row: tuple[Any, ...]) -> Notification:
    i, originator, version, topic, state = row[:5]
    return Notification(
        id=i,
        originator_id=originator,
        originator_version=version,
        topic=topic,
        state=state if type(state) is bytes else bytes(state),
    )
