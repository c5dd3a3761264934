"""Events a projection could not apply, parked per business.

A parked event's business stays stuck at it: every later event of that business for that projection is
parked behind it, in log order, while other businesses' events flow on. Rows are written in the
transaction that records the projection's position, so parking is exactly once like the rows
themselves. `business_id` NULL means the event's business could not be found: nobody can say whose
later events depend on it, so it holds back every later event of the projection.

The worker's page transactions take a shared advisory lock per projection and `retry` (and the
rebuild's swap) an exclusive one, so a retry never interleaves with a page of the same projection.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from psycopg import Cursor, sql

from store.rows import one

MAX_ERROR = 2000


@dataclass(frozen=True)
class ParkedEvent:
    position: int
    business_id: uuid.UUID | None
    originator_id: uuid.UUID | str
    topic: str
    error: str


@dataclass(frozen=True)
class Stuck:
    """One business stuck in one projection: its first parked event and how many are parked."""

    projection: str
    business_id: uuid.UUID | None
    position: int
    topic: str
    error: str
    events: int
    since: datetime


def parked_table(schema: str) -> sql.Composed:
    return sql.SQL("{}.projection_parked").format(sql.Identifier(schema))


def create_parking(cur: Cursor[Any], schema: str) -> None:
    cur.execute(
        sql.SQL(
            "CREATE TABLE IF NOT EXISTS {} (projection text NOT NULL, position bigint NOT NULL, business_id uuid, "
            "originator_id uuid NOT NULL, topic text NOT NULL, error text NOT NULL, "
            "parked_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (projection, position))"
        ).format(parked_table(schema))
    )


def exists(cur: Cursor[Any], schema: str) -> bool:
    cur.execute("SELECT to_regclass(%s) AS t", (f'"{schema}".projection_parked',))
    return one(cur)["t"] is not None


def hold(cur: Cursor[Any], schema: str, names: list[str], exclusive: bool = False) -> None:
    """Serialises a page (shared) against a retry or a swap (exclusive) of the same projections,
    until the transaction ends."""
    function = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
    cur.execute(
        sql.SQL("SELECT {}(hashtext(k)) FROM unnest(%s::text[]) AS k").format(sql.Identifier(function)),
        (sorted(f"{schema}/{name}" for name in names),),
    )


def held_back(cur: Cursor[Any], schema: str, names: list[str]) -> dict[str, dict[uuid.UUID | None, int]]:
    """For each projection, the stuck businesses and the position each is stuck at."""
    cur.execute(
        sql.SQL(
            "SELECT projection, business_id, min(position) AS position FROM {} "
            "WHERE projection = ANY(%s) GROUP BY projection, business_id"
        ).format(parked_table(schema)),
        (names,),
    )
    held: dict[str, dict[uuid.UUID | None, int]] = {}
    for row in cur.fetchall():
        held.setdefault(row["projection"], {})[row["business_id"]] = row["position"]
    return held


def park(cur: Cursor[Any], schema: str, name: str, events: list[ParkedEvent]) -> None:
    """Parks new events, or records the latest error of events parked already."""
    if not events:
        return
    cur.execute(
        sql.SQL(
            "INSERT INTO {} (projection, position, business_id, originator_id, topic, error) "
            "SELECT %s, * FROM unnest(%s::bigint[], %s::uuid[], %s::uuid[], %s::text[], %s::text[]) "
            "ON CONFLICT (projection, position) DO UPDATE SET error = EXCLUDED.error"
        ).format(parked_table(schema)),
        (
            name,
            [e.position for e in events],
            [e.business_id for e in events],
            [e.originator_id for e in events],
            [e.topic for e in events],
            [printable(e.error) for e in events],
        ),
    )


def unpark(cur: Cursor[Any], schema: str, name: str, positions: list[int]) -> None:
    cur.execute(
        sql.SQL("DELETE FROM {} WHERE projection = %s AND position = ANY(%s)").format(parked_table(schema)),
        (name, positions),
    )


def parked_events(cur: Cursor[Any], schema: str, name: str) -> list[ParkedEvent]:
    cur.execute(
        sql.SQL(
            "SELECT position, business_id, originator_id, topic, error FROM {} WHERE projection = %s ORDER BY position"
        ).format(parked_table(schema)),
        (name,),
    )
    return [ParkedEvent(**row) for row in cur.fetchall()]


def stuck(cur: Cursor[Any], schema: str, names: list[str]) -> list[Stuck]:
    """Every stuck business of the named projections, with the event it is stuck at."""
    if not exists(cur, schema):
        return []
    cur.execute(
        sql.SQL(
            "SELECT DISTINCT ON (projection, business_id) projection, business_id, position, topic, error, "
            "count(*) OVER (PARTITION BY projection, business_id) AS events, "
            "min(parked_at) OVER (PARTITION BY projection, business_id) AS since "
            "FROM {} WHERE projection = ANY(%s) ORDER BY projection, business_id, position"
        ).format(parked_table(schema)),
        (names,),
    )
    return sorted((Stuck(**row) for row in cur.fetchall()), key=lambda s: (s.projection, s.position))


def stuck_at(cur: Cursor[Any], schema: str, name: str, business: uuid.UUID) -> int | None:
    """Where `business` is stuck in the projection (an event of unknown business stops every business),
    or None when its read model is complete up to the projection's position."""
    if not exists(cur, schema):
        return None
    cur.execute(
        sql.SQL(
            "SELECT min(position) AS p FROM {} WHERE projection = %s AND (business_id = %s OR business_id IS NULL)"
        ).format(parked_table(schema)),
        (name, business),
    )
    return one(cur)["p"]


def forget(cur: Cursor[Any], schema: str, name: str) -> None:
    cur.execute(sql.SQL("DELETE FROM {} WHERE projection = %s").format(parked_table(schema)), (name,))


def rename(cur: Cursor[Any], schema: str, old: str, new: str) -> None:
    """A rebuilt generation's parked events become the live projection's."""
    forget(cur, schema, new)
    cur.execute(sql.SQL("UPDATE {} SET projection = %s WHERE projection = %s").format(parked_table(schema)), (new, old))


def printable(text: str) -> str:
    """An error may quote the very value PostgreSQL refused (a NUL, a lone surrogate): it must still store."""
    text = text.encode("utf-8", "backslashreplace").decode("utf-8").replace("\x00", "\\x00")
    return text[:MAX_ERROR]
