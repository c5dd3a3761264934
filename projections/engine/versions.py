"""Which version of its projection's code each read model was built with (`projection_versions`, by tracking
name), so that start-up can rebuild the ones a new version of tally computes differently (upgrades.py).

A read model that has applied nothing yet will be built by the code that runs now: it is recorded at that
code's version when its worker sets it up. A read model with a position and no row was built before versions
were recorded: version 0, older than every projection's. A rebuild records the version it was built with in
the transaction that swaps it in (operations.py)."""

from __future__ import annotations

from typing import Any

from psycopg import Cursor, sql

from projections.engine.tracking import tracking_table
from store.rows import one


def versions_table(schema: str) -> sql.Composed:
    return sql.SQL("{}.projection_versions").format(sql.Identifier(schema))


def create_versions(cur: Cursor[Any], schema: str) -> None:
    cur.execute(
        sql.SQL(
            "CREATE TABLE IF NOT EXISTS {} (name text PRIMARY KEY, version integer NOT NULL, "
            "built_at timestamptz NOT NULL DEFAULT now())"
        ).format(versions_table(schema))
    )


def stored_versions(cur: Cursor[Any], schema: str) -> dict[str, int]:
    """Every read model's recorded version by tracking name; none at all where the table is not made yet."""
    cur.execute("SELECT to_regclass(%s) AS t", (f'"{schema}".projection_versions',))
    if one(cur)["t"] is None:
        return {}
    cur.execute(sql.SQL("SELECT name, version FROM {}").format(versions_table(schema)))
    return {row["name"]: row["version"] for row in cur.fetchall()}


def record_version(cur: Cursor[Any], schema: str, name: str, version: int) -> None:
    cur.execute(
        sql.SQL(
            "INSERT INTO {} (name, version) VALUES (%s, %s) "
            "ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, built_at = now()"
        ).format(versions_table(schema)),
        (name, version),
    )


def record_unbuilt(cur: Cursor[Any], schema: str, name: str, version: int) -> None:
    """A read model with no position and no version yet is built from the start by this code: `version`."""
    cur.execute(
        sql.SQL(
            "INSERT INTO {v} (name, version) SELECT %s, %s WHERE NOT EXISTS (SELECT FROM {t} WHERE name = %s) "
            "ON CONFLICT (name) DO NOTHING"
        ).format(v=versions_table(schema), t=tracking_table(schema)),
        (name, version, name),
    )


def copy_version(cur: Cursor[Any], schema: str, source: str, target: str) -> None:
    """A read model split into partitions: each partition was built as the whole was."""
    cur.execute(
        sql.SQL(
            "INSERT INTO {t} (name, version, built_at) SELECT %s, version, built_at FROM {t} WHERE name = %s "
            "ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, built_at = EXCLUDED.built_at"
        ).format(t=versions_table(schema)),
        (target, source),
    )


def forget_version(cur: Cursor[Any], schema: str, name: str) -> None:
    cur.execute(sql.SQL("DELETE FROM {} WHERE name = %s").format(versions_table(schema)), (name,))
