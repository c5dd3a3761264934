"""The ingestion fast path: UsageEvent.Recorded stored events built straight
from the checked batch, and written with one COPY under the recorder's lock.

`Application.save` builds an aggregate per event, maps it through the stdlib
JSON transcoder and inserts an array of composite values in psycopg pipeline
mode. For a 1,000-event batch that is ~70 % of ingestion time, and a large
batch can hang the pipeline (docs/performance.md). The bytes written here are
exactly the bytes the mapper would write (tests hold both paths equal), so
`app.mapper.to_domain_event` and `app.repository.get` read them as usual.
"""
from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import Any

import msgspec
from eventsourcing.persistence import Mapper
from eventsourcing.utils import get_topic
from psycopg import Cursor, sql

from domain.usage_event import IncomingEvent, MetadataValue, UsageEvent

TOPIC = get_topic(UsageEvent.Recorded)
ORIGINATOR_TOPIC = get_topic(UsageEvent)
_encode = msgspec.json.Encoder().encode


def _tagged(name: str, data: str) -> dict[str, str]:
    """The JSONTranscoder's form for a type it has a transcoding for."""
    return {"_type_": name, "_data_": data}


def _metadata_value(value: MetadataValue) -> Any:
    if type(value) is Decimal:
        return _tagged("decimal_str", str(value))
    if isinstance(value, str | int):
        return value
    raise TypeError(f"metadata value of type {type(value).__name__} has no stored form")


def recorded_states(business: uuid.UUID, batch: Iterable[IncomingEvent], now: datetime,
                    mapper: Mapper[Any]) -> list[bytes]:
    """The stored state of each event's `Recorded`, as `mapper.to_stored_event` would write it."""
    timestamp = _tagged("datetime_iso", UsageEvent.Recorded.create_timestamp().isoformat())
    business_hex = _tagged("uuid_hex", business.hex)
    states = []
    for e in batch:
        state = _encode({
            "timestamp": timestamp,
            "originator_topic": ORIGINATOR_TOPIC,
            "business_id": business_hex,
            "event_id": e.event_id,
            "customer_id": e.customer_id,
            "event_name": e.event_name,
            "occurred_at": _tagged("datetime_iso", (e.timestamp or now).isoformat()),
            "metadata": {k: _metadata_value(v) for k, v in e.metadata.items()},
        })
        if mapper.compressor:
            state = mapper.compressor.compress(state)
        if mapper.cipher:
            state = mapper.cipher.encrypt(state)
        states.append(state)
    return states


def insert_new(cur: Cursor[Any], recorder: Any, events_table: sql.Composable,
               records: list[tuple[uuid.UUID, bytes]]) -> tuple[int, int]:
    """Stores the records whose ids are not stored yet; returns (how many were stored, last position).

    Runs under the recorder's own `LOCK TABLE ... IN EXCLUSIVE MODE`, so ids are
    handed out in commit order (the projection worker relies on it) and the
    existence check cannot race with another writer: first write wins.
    """
    recorder._lock_table(cur)
    recorder._notify_channel(cur)
    cur.execute(sql.SQL("SELECT originator_id FROM {} WHERE originator_id = ANY(%s) AND originator_version = 1")
                .format(events_table), ([i for i, _ in records],))
    known = {row["originator_id"] for row in cur.fetchall()}
    fresh = [(i, state) for i, state in records if i not in known]
    if fresh:
        statement = sql.SQL("COPY {} (originator_id, originator_version, topic, state) FROM STDIN (FORMAT BINARY)")
        with cur.copy(statement.format(events_table)) as copy:
            copy.set_types(["uuid", "int8", "text", "bytea"])
            for i, state in fresh:
                copy.write_row((i, 1, TOPIC, state))
    cur.execute(sql.SQL("SELECT coalesce(max(notification_id), 0) AS p FROM {}").format(events_table))
    return len(fresh), cur.fetchone()["p"]
