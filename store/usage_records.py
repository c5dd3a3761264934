"""The ingestion fast path: UsageEvent.Recorded stored events built straight
from the checked batch, and written with one binary COPY under the recorder's lock.

`Application.save` builds an aggregate per event, maps it through the stdlib
JSON transcoder and inserts an array of composite values in psycopg pipeline
mode. For a 1,000-event batch that is ~70 % of ingestion time, and a large
batch can hang the pipeline (docs/performance.md). The bytes written here are
exactly the bytes the mapper would write (tests hold both paths equal), so
`app.mapper.to_domain_event` and `app.repository.get` read them as usual.
"""

from __future__ import annotations

import struct
import uuid
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any

import msgspec
from eventsourcing.persistence import Mapper, Notification
from eventsourcing.utils import get_topic
from psycopg import Cursor, sql

from domain.usage_event import IncomingEvent, MetadataValue, UsageEvent
from store.rows import one

TOPIC = get_topic(UsageEvent.Recorded)
RECORDED = UsageEvent.Recorded
ORIGINATOR_TOPIC = get_topic(UsageEvent)

_encode = msgspec.json.Encoder().encode

_COPY = sql.SQL("COPY {} (originator_id, originator_version, topic, state) FROM STDIN (FORMAT BINARY)")
_SIGNATURE = b"PGCOPY\n\xff\r\n\x00" + struct.pack("!ii", 0, 0)
_TRAILER = struct.pack("!h", -1)
_LENGTH = struct.Struct("!i")
_ID_FIELD = struct.pack("!hi", 4, 16)  # four fields; the first, a uuid, is 16 bytes
_VERSION_AND_TOPIC = struct.pack("!iq", 8, 1) + _LENGTH.pack(len(TOPIC.encode())) + TOPIC.encode()


def _tagged(name: str, data: str) -> dict[str, str]:
    """The JSONTranscoder's form for a type it has a transcoding for."""
    return {"_type_": name, "_data_": data}


def _metadata_value(value: MetadataValue) -> Any:
    if type(value) is Decimal:
        return _tagged("decimal_str", str(value))
    if isinstance(value, str | int):
        return value
    raise TypeError(f"metadata value of type {type(value).__name__} has no stored form")


class _Stored(msgspec.Struct):
    """A `Recorded` state's keys in the mapper's order; the parts shared by the batch are encoded once."""

    timestamp: msgspec.Raw
    originator_topic: msgspec.Raw
    business_id: msgspec.Raw
    event_id: str
    customer_id: str
    event_name: str
    occurred_at: dict[str, str]
    metadata: dict[str, Any]


_TOPIC_JSON = msgspec.Raw(_encode(ORIGINATOR_TOPIC))
# Metadata values stored as JSON gives them; a Decimal is tagged, anything else has no stored form.
_AS_IS = frozenset({str, int, bool})


def recorded_states(
    business: uuid.UUID, batch: Iterable[IncomingEvent], now: datetime, mapper: Mapper[Any]
) -> list[bytes]:
    """The stored state of each event's `Recorded`, as `mapper.to_stored_event` would write it."""
    timestamp = msgspec.Raw(_encode(_tagged("datetime_iso", UsageEvent.Recorded.create_timestamp().isoformat())))
    business_hex = msgspec.Raw(_encode(_tagged("uuid_hex", business.hex)))
    states = []
    for e in batch:
        metadata = e.metadata
        state = _encode(
            _Stored(
                timestamp,
                _TOPIC_JSON,
                business_hex,
                e.event_id,
                e.customer_id,
                e.event_name,
                _tagged("datetime_iso", (e.timestamp or now).isoformat()),
                metadata
                if all(type(v) in _AS_IS for v in metadata.values())
                else {k: _metadata_value(v) for k, v in metadata.items()},
            )
        )
        if mapper.compressor:
            state = mapper.compressor.compress(state)
        if mapper.cipher:
            state = mapper.cipher.encrypt(state)
        states.append(state)
    return states


class _Tagged(msgspec.Struct, forbid_unknown_fields=True):
    type: str = msgspec.field(name="_type_")
    data: str = msgspec.field(name="_data_")


class _TaggedTime(msgspec.Struct, forbid_unknown_fields=True):
    """A tagged datetime, parsed by msgspec itself (the same values as `datetime.fromisoformat` gives
    for what `isoformat` wrote; anything else fails here and takes the mapper's path)."""

    type: str = msgspec.field(name="_type_")
    data: datetime = msgspec.field(name="_data_")


class _RecordedState(msgspec.Struct, forbid_unknown_fields=True):
    timestamp: _TaggedTime
    originator_topic: str
    business_id: _Tagged
    event_id: str
    customer_id: str
    event_name: str
    occurred_at: _TaggedTime
    metadata: dict[str, str | bool | int | _Tagged]


_decode_state = msgspec.json.Decoder(_RecordedState).decode
_NOT_OURS = (msgspec.DecodeError, msgspec.ValidationError, ValueError)


def _datetime(value: _TaggedTime) -> datetime:
    if value.type != "datetime_iso":
        raise ValueError(value.type)
    return value.data


def _metadata(value: str | bool | int | _Tagged) -> MetadataValue:
    if not isinstance(value, _Tagged):
        return value
    if value.type != "decimal_str":
        raise ValueError(value.type)
    return Decimal(value.data)


def decode_recorded(notification: Notification, mapper: Mapper[Any]) -> Any:
    """The `Recorded` event of a notification, as `mapper.to_domain_event` builds it, decoded in one typed
    msgspec pass: the worker decodes every usage event, and the generic path walks the parsed JSON in Python.
    Falls back to the mapper for any state that is not exactly the form `recorded_states` writes."""
    if mapper.cipher or mapper.compressor or RECORDED_VERSION != 1:
        return mapper.to_domain_event(notification)
    try:
        state = _decode_state(notification.state)
        if state.business_id.type != "uuid_hex":
            raise ValueError(state.business_id.type)
        metadata: dict[str, Any] = state.metadata
        if any(type(v) is _Tagged for v in metadata.values()):
            metadata = {k: _metadata(v) for k, v in state.metadata.items()}
        values = {
            "timestamp": _datetime(state.timestamp),
            "originator_topic": state.originator_topic,
            "business_id": _business(state.business_id.data),
            "event_id": state.event_id,
            "customer_id": state.customer_id,
            "event_name": state.event_name,
            "occurred_at": _datetime(state.occurred_at),
            "metadata": metadata,
            "originator_id": notification.originator_id,
            "originator_version": notification.originator_version,
        }
    except _NOT_OURS:
        return mapper.to_domain_event(notification)
    event = object.__new__(RECORDED)
    object.__setattr__(event, "__dict__", values)
    return event


# A page's events come from few businesses: their ids are parsed once (UUID() was a fifth of decoding).
@lru_cache(maxsize=10_000)
def _business(hex_: str) -> uuid.UUID:
    return uuid.UUID(hex_)


RECORDED_VERSION = getattr(RECORDED, "class_version", 1)


class _Owner(msgspec.Struct):
    business_id: _Tagged


_decode_owner = msgspec.json.Decoder(_Owner).decode


def peek_business(state: bytes) -> uuid.UUID | None:
    """The business of a stored `Recorded` state without decoding the rest; None when it cannot be read
    this way (encrypted, compressed, another form)."""
    try:
        return uuid.UUID(_decode_owner(state).business_id.data)
    except _NOT_OURS:
        return None


def copy_rows(records: list[tuple[uuid.UUID, bytes]]) -> list[bytes]:
    """Each row (originator_id, originator_version = 1, topic, state) in COPY's binary format,
    built before the table lock is taken so the lock is held only while PostgreSQL works."""
    return [
        b"".join((_ID_FIELD, originator_id.bytes, _VERSION_AND_TOPIC, _LENGTH.pack(len(state)), state))
        for originator_id, state in records
    ]


def append(
    cur: Cursor[Any],
    recorder: Any,
    events_table: sql.Composable,
    ids: list[uuid.UUID],
    rows: list[bytes],
    recheck: bool = False,
) -> tuple[set[uuid.UUID], int]:
    """Writes the rows under the recorder's own `LOCK TABLE ... IN EXCLUSIVE MODE`, so ids are
    handed out in commit order (the projection worker relies on it); returns (the ids found already stored,
    whose rows were not written; the last position).

    Without `recheck`, a row whose id is already stored fails the whole COPY. With it, the ids already
    stored are dropped after the lock is taken: every writer takes that lock, so no id can be stored
    between the check and the COPY, and this append cannot fail on a duplicate."""
    recorder._lock_table(cur)
    stored: set[uuid.UUID] = set()
    if recheck:
        cur.execute(
            sql.SQL("SELECT originator_id FROM {} WHERE originator_id = ANY(%s) AND originator_version = 1").format(
                events_table
            ),
            (ids,),
        )
        stored = {row["originator_id"] for row in cur.fetchall()}
        rows = [row for i, row in zip(ids, rows, strict=True) if i not in stored]
    if rows:
        recorder._notify_channel(cur)
        with cur.copy(_COPY.format(events_table)) as copy:
            copy.write(b"".join((_SIGNATURE, *rows, _TRAILER)))
    cur.execute(sql.SQL("SELECT max(notification_id) AS p FROM {}").format(events_table))
    return stored, one(cur)["p"] or 0
