"""The usage log: every usage event stored once, as one row of its own append-only table, the only source of
truth for usage (docs/usage-log.md).

Its rows take their positions from the event store's own sequence, under the event store's table lock, so
the store's events and the usage events form one log in one total order: a position means the same thing in
both, and commit order is position order (the projection worker relies on it). The unique (business_id,
event_id) index is the deduplication index. A usage event is an aggregate of one event that never changes:
what the event store's row held (a JSON state, a uuid key, the notification index) was the log row's columns
over again, and stored twice (there and in the usage read model) an event took 3.5 times the bytes of a
plain table's row (docs/performance.md)."""

from __future__ import annotations

import struct
import uuid
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import msgspec
from eventsourcing.persistence import Notification
from eventsourcing.utils import get_topic
from psycopg import Cursor, sql
from psycopg.rows import tuple_row

from domain.usage_event import IncomingEvent, UsageEvent, usage_event_id

TABLE = "usage_log"
TOPIC = get_topic(UsageEvent.Recorded)
RECORDED = UsageEvent.Recorded
ORIGINATOR_TOPIC = get_topic(UsageEvent)

COLUMNS = "position, business_id, event_id, customer_id, event_name, occurred_at, recorded_at, metadata::text"

_DDL = """
CREATE TABLE {log} (
    position bigint PRIMARY KEY DEFAULT nextval({sequence}::regclass),
    business_id uuid NOT NULL,
    event_id text COLLATE "C" NOT NULL,
    customer_id text COLLATE "C" NOT NULL,
    event_name text NOT NULL,
    occurred_at timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    metadata jsonb NOT NULL,
    UNIQUE (business_id, event_id)
);
CREATE INDEX ON {log} (business_id, customer_id, occurred_at);
CREATE INDEX ON {log} (business_id, occurred_at);
"""

_encode = msgspec.json.Encoder(decimal_format="number").encode
_decode_metadata = msgspec.json.Decoder(dict[str, Any], float_hook=Decimal).decode

_COPY = sql.SQL(
    "COPY {} (business_id, event_id, customer_id, event_name, occurred_at, metadata) FROM STDIN (FORMAT BINARY)"
)
_COPY_WITH_POSITIONS = sql.SQL(
    "COPY {} (position, recorded_at, business_id, event_id, customer_id, event_name, occurred_at, metadata) "
    "FROM STDIN (FORMAT BINARY)"
)
_SIGNATURE = b"PGCOPY\n\xff\r\n\x00" + struct.pack("!ii", 0, 0)
_TRAILER = struct.pack("!h", -1)
_LENGTH = struct.Struct("!i")
_TIME = struct.Struct("!iq")
_POSITION = struct.Struct("!hiq")
_SIX_FIELDS_AND_UUID = struct.pack("!hi", 6, 16)
_UUID = _LENGTH.pack(16)
_EPOCH = datetime(2000, 1, 1, tzinfo=timezone.utc)  # PostgreSQL's binary timestamps count from here
_MICROSECOND = timedelta(microseconds=1)


def create(cur: Cursor[Any], schema: str, events_table: str) -> bool:
    """Creates the log beside the events table, taking positions from the same sequence; False when it
    exists. The caller holds the store's setup lock."""
    log = sql.Identifier(schema, TABLE)
    cur.execute("SELECT to_regclass(%s) AS t", (f'"{schema}"."{TABLE}"',))
    if cur.fetchone()["t"] is not None:  # type: ignore[index]
        return False
    cur.execute("SELECT pg_get_serial_sequence(%s, 'notification_id') AS s", (f'"{schema}"."{events_table}"',))
    sequence = cur.fetchone()["s"]  # type: ignore[index]
    cur.execute(sql.SQL(_DDL).format(log=log, sequence=sql.Literal(sequence)))
    return True


def _text(value: str) -> bytes:
    data = value.encode()
    return _LENGTH.pack(len(data)) + data


def _time(value: datetime) -> bytes:
    return _TIME.pack(8, (value - _EPOCH) // _MICROSECOND)


def _json(metadata: dict[str, Any]) -> bytes:
    data = _encode(metadata)
    return _LENGTH.pack(len(data) + 1) + b"\x01" + data  # binary jsonb: a version byte, then the text


def _sent(event_id: str, customer_id: str, event_name: str, occurred_at: datetime, metadata: dict[str, Any]) -> bytes:
    """The columns of what the client sent, the last ones of either COPY, in its binary format."""
    return b"".join((_text(event_id), _text(customer_id), _text(event_name), _time(occurred_at), _json(metadata)))


def copy_rows(business: uuid.UUID, batch: Iterable[IncomingEvent], now: datetime) -> list[bytes]:
    """Each event's row in COPY's binary format, built before the table lock is taken so the lock is held
    only while PostgreSQL works. An event without a timestamp happened when it was received (`now`)."""
    head = _SIX_FIELDS_AND_UUID + business.bytes
    return [head + _sent(e.event_id, e.customer_id, e.event_name, e.timestamp or now, e.metadata) for e in batch]


def adopt_previous(cur: Cursor[Any], schema: str, events_table: sql.Composable, mapper: Any) -> int:
    """Fills a new log with the usage events a store of the previous release kept as event store rows, at their
    positions; those rows stay as they were written (events are history). Returns how many it copied."""
    log = sql.Identifier(schema, TABLE)
    copied = 0
    with cur.connection.cursor(name="tally_previous_usage", row_factory=tuple_row) as previous:
        previous.itersize = 5000
        previous.execute(
            sql.SQL(
                "SELECT notification_id, originator_id, originator_version, topic, state FROM {} "
                "WHERE topic = %s ORDER BY notification_id"
            ).format(events_table),
            (TOPIC,),
        )
        while batch := previous.fetchmany(5000):
            rows = []
            for position, originator, version, topic, state in batch:
                e = mapper.to_domain_event(
                    Notification(
                        originator_id=originator,
                        originator_version=version,
                        topic=topic,
                        state=bytes(state),
                        id=position,
                    )
                )
                rows.append(
                    b"".join(
                        (
                            _POSITION.pack(8, 8, position),
                            _time(e.timestamp),
                            _UUID,
                            e.business_id.bytes,
                            _sent(e.event_id, e.customer_id, e.event_name, e.occurred_at, e.metadata),
                        )
                    )
                )
            _copy(cur, _COPY_WITH_POSITIONS.format(log), rows)
            copied += len(rows)
    return copied


def _copy(cur: Cursor[Any], statement: sql.Composed, rows: list[bytes]) -> None:
    with cur.copy(statement) as copy:
        copy.write(b"".join((_SIGNATURE, *rows, _TRAILER)))


def stored_keys(cur: Cursor[Any], schema: str, keys: list[tuple[uuid.UUID, str]]) -> set[tuple[uuid.UUID, str]]:
    """Which (business, event_id) pairs are in the log (one lookup in its unique index)."""
    if not keys:
        return set()
    cur.execute(
        sql.SQL(
            "SELECT l.business_id, l.event_id FROM unnest(%s::uuid[], %s::text[]) AS k(business_id, event_id) "
            "JOIN {} AS l ON l.business_id = k.business_id AND l.event_id = k.event_id"
        ).format(sql.Identifier(schema, TABLE)),
        ([b for b, _ in keys], [e for _, e in keys]),
    )
    return {(r["business_id"], r["event_id"]) for r in cur.fetchall()}


def append(
    cur: Cursor[Any],
    recorder: Any,
    schema: str,
    keys: list[tuple[uuid.UUID, str]],
    rows: list[bytes],
    recheck: bool = False,
) -> tuple[set[tuple[uuid.UUID, str]], int]:
    """Writes the rows under the event store's own `LOCK TABLE ... IN EXCLUSIVE MODE`, so positions are handed
    out in commit order across the store's events and the log's; returns (the keys found already stored,
    whose rows were not written; the last position).

    Without `recheck`, a row whose key is already stored fails the whole COPY. With it, the keys already
    stored are dropped after the lock is taken: every writer takes that lock, so no key can be stored
    between the check and the COPY, and this append cannot fail on a duplicate."""
    recorder._lock_table(cur)
    stored: set[tuple[uuid.UUID, str]] = set()
    if recheck:
        stored = stored_keys(cur, schema, keys)
        rows = [row for key, row in zip(keys, rows, strict=True) if key not in stored]
    log = sql.Identifier(schema, TABLE)
    if rows:
        recorder._notify_channel(cur)
        _copy(cur, _COPY.format(log), rows)
    cur.execute(sql.SQL("SELECT coalesce(max(position), 0) AS p FROM {}").format(log))
    return stored, cur.fetchone()["p"]  # type: ignore[index]


def head(cur: Cursor[Any], schema: str, events_table: sql.Composable) -> int:
    """The last position of the whole log: the store's events and the usage events."""
    cur.execute(
        sql.SQL(
            "SELECT greatest((SELECT max(notification_id) FROM {}), (SELECT max(position) FROM {}), 0) AS h"
        ).format(events_table, sql.Identifier(schema, TABLE))
    )
    return int(cur.fetchone()["h"])  # type: ignore[index]


def size(conn: Any, schema: str, events_table: str) -> tuple[int, int]:
    """(events, last position) of the whole log, on a connection that answers tuples; a store of the previous
    release (no usage log yet) keeps every event in the events table."""
    events = sql.Identifier(schema, events_table)
    log = sql.Identifier(schema, TABLE)
    if conn.execute("SELECT to_regclass(%s)", (f'"{schema}"."{TABLE}"',)).fetchone()[0] is None:
        query = sql.SQL("SELECT count(*), coalesce(max(notification_id), 0) FROM {}").format(events)
        row = conn.execute(query).fetchone()
    else:
        query = sql.SQL(
            "SELECT (SELECT count(*) FROM {events} WHERE topic <> %s) + (SELECT count(*) FROM {log}), "
            "greatest((SELECT max(notification_id) FROM {events}), (SELECT max(position) FROM {log}), 0)"
        ).format(events=events, log=log)
        row = conn.execute(query, (TOPIC,)).fetchone()
    return int(row[0]), int(row[1])


class LoggedUsage(Notification):
    """A usage event as the worker reads the log: its position, business and event id, nothing decoded. The
    usage projection folds the events from the log itself (projections/usage/log_fold.py); the others skip
    them."""

    business_id: uuid.UUID
    event_id: str

    @property
    def originator_id(self) -> uuid.UUID:
        """Derived when asked (a parked event records it): the worker reads every event and asks for few."""
        return usage_event_id(self.business_id, self.event_id)


def recorded(row: tuple[Any, ...]) -> Any:
    """The `Recorded` event of a row selected as COLUMNS: the values `mapper.to_domain_event` gave for the same
    event when it was an event store's row."""
    position, business, event_id, customer, name, occurred_at, recorded_at, metadata = row
    event = object.__new__(RECORDED)
    object.__setattr__(
        event,
        "__dict__",
        {
            "timestamp": recorded_at,
            "originator_topic": ORIGINATOR_TOPIC,
            "business_id": business,
            "event_id": event_id,
            "customer_id": customer,
            "event_name": name,
            "occurred_at": occurred_at,
            "metadata": _decode_metadata(metadata),
            "originator_id": usage_event_id(business, event_id),
            "originator_version": 1,
        },
    )
    return event


def notification(position: int, business: uuid.UUID, event_id: str) -> LoggedUsage:
    n = object.__new__(LoggedUsage)
    object.__setattr__(
        n,
        "__dict__",
        {
            "id": position,
            "originator_version": 1,
            "topic": TOPIC,
            "state": b"",
            "business_id": business,
            "event_id": event_id,
        },
    )
    return n


def select(cur: Cursor[Any], query: sql.Composed, params: Any) -> list[tuple[Any, ...]]:
    """Rows of a query selecting COLUMNS, as plain tuples on a cursor of the caller's connection (its
    transaction)."""
    with cur.connection.cursor(row_factory=tuple_row) as rows:
        rows.execute(query, params, binary=True)
        return rows.fetchall()


def events(
    cur: Cursor[Any],
    schema: str,
    business: uuid.UUID | None,
    customer: str | None,
    after: int,
    upto: int | None,
    occurred: tuple[datetime, datetime] | None = None,
) -> Iterator[tuple[int, Any]]:
    """(position, event) of every usage event of the business (all businesses if None; and of the customer)
    with after < position <= upto and, when `occurred` = (since, before) is given, since <= timestamp < before;
    oldest first."""
    conditions = ["position > %s", "position <= %s"]
    params: list[Any] = [after, upto if upto is not None else 2**62]
    if occurred is not None:
        conditions += ["occurred_at >= %s", "occurred_at < %s"]
        params += list(occurred)
    if business is not None:
        conditions.append("business_id = %s")
        params.append(business)
    if customer is not None:
        conditions.append("customer_id = %s")
        params.append(customer)
    # Sorted here, not by the query: ordered by position, the planner walked the position key over the whole
    # log for one customer's history (3.3 s at 10 M events) where the customer index holds a few thousand.
    query = sql.SQL("SELECT " + COLUMNS + " FROM {} WHERE " + " AND ".join(conditions)).format(
        sql.Identifier(schema, TABLE)
    )
    for row in sorted(select(cur, query, params), key=_first):
        yield row[0], recorded(row)


def _first(row: tuple[Any, ...]) -> Any:
    return row[0]


def find(cur: Cursor[Any], schema: str, business: uuid.UUID, event_ids: list[str]) -> dict[str, tuple[int, Any]]:
    """(position, event) of each of these event ids the business sent."""
    query = sql.SQL("SELECT " + COLUMNS + " FROM {} WHERE business_id = %s AND event_id = ANY(%s)").format(
        sql.Identifier(schema, TABLE)
    )
    return {row[2]: (row[0], recorded(row)) for row in select(cur, query, (business, event_ids))}


_NOTIFIED = "SELECT position, business_id, event_id FROM {} "


def at_positions(cur: Cursor[Any], schema: str, positions: list[int]) -> list[LoggedUsage]:
    query = sql.SQL(_NOTIFIED + "WHERE position = ANY(%s) ORDER BY position").format(sql.Identifier(schema, TABLE))
    return [notification(*row) for row in select(cur, query, (positions,))]
