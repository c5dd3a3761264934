"""Where each projection has got to in the log. A position moves only forward,
and only in the transaction that wrote the rows it accounts for."""

from __future__ import annotations

from typing import Any

from eventsourcing.postgres import PostgresDatastore
from psycopg import Cursor, sql

from store.log import EventLog
from store.rows import one


class PositionConflict(Exception):
    """Another writer already recorded this position: the page was processed elsewhere."""


def tracking_table(schema: str) -> sql.Composed:
    return sql.SQL("{}.projection_tracking").format(sql.Identifier(schema))


def create_tracking(cur: Cursor[Any], schema: str) -> None:
    cur.execute(
        sql.SQL("CREATE TABLE IF NOT EXISTS {} (name text PRIMARY KEY, position bigint NOT NULL)").format(
            tracking_table(schema)
        )
    )


def read_position(cur: Cursor[Any], schema: str, name: str) -> int:
    cur.execute(sql.SQL("SELECT position FROM {} WHERE name = %s").format(tracking_table(schema)), (name,))
    row = cur.fetchone()
    return row["position"] if row else 0


def read_positions(cur: Cursor[Any], schema: str) -> dict[str, int]:
    cur.execute(sql.SQL("SELECT name, position FROM {}").format(tracking_table(schema)))
    return {row["name"]: row["position"] for row in cur.fetchall()}


def positions(app: EventLog) -> dict[str, int]:
    return positions_in(app.datastore, app.schema)


def positions_in(datastore: PostgresDatastore, schema: str) -> dict[str, int]:
    """Every tracking position by name, on this datastore (the primary, or a replica of it)."""
    with datastore.transaction(commit=False) as cur:
        cur.execute("SELECT to_regclass(%s) AS t", (f'"{schema}".projection_tracking',))
        if one(cur)["t"] is None:
            return {}
        return read_positions(cur, schema)


def record_position(cur: Cursor[Any], schema: str, name: str, position: int) -> None:
    record_positions(cur, schema, [name], position)


def record_positions(cur: Cursor[Any], schema: str, names: list[str], position: int) -> None:
    """Moves every named projection to `position` in one statement (one round trip per page, not one per
    projection); if any of them is already there, none moves and the page is someone else's."""
    cur.execute(
        sql.SQL(
            "INSERT INTO {t} (name, position) SELECT unnest(%s::text[]), %s ON CONFLICT (name) DO UPDATE "
            "SET position = EXCLUDED.position WHERE {t}.position < EXCLUDED.position RETURNING name"
        ).format(t=tracking_table(schema)),
        (names, position),
    )
    moved = {row["name"] for row in cur.fetchall()}
    if len(moved) < len(set(names)):
        raise PositionConflict(f"{', '.join(sorted(set(names) - moved))} already at or past {position}")
