"""Tables a build loads in bulk (operations.build): their indexes are dropped when it starts and built again,
one sort each, at its end. Kept up row by row, they were most of a rebuild's time (docs/performance.md)."""

from __future__ import annotations

from typing import Any

from psycopg import Cursor, sql


def drop_indexes(cur: Cursor[Any], table: sql.Composable) -> list[sql.Composed | sql.SQL]:
    """Drops the table's indexes (its primary key too); answers the statements that create them again, under
    the same names."""
    cur.execute(
        "SELECT c.conname, pg_get_constraintdef(c.oid) AS constraint_def, pg_get_indexdef(i.indexrelid) AS index_def, "
        "i.indexrelid::regclass::text AS index_name "
        "FROM pg_index i LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid "
        "WHERE i.indrelid = %s::regclass ORDER BY i.indexrelid",
        (table.as_string(cur),),
    )
    again: list[sql.Composed | sql.SQL] = []
    for row in cur.fetchall():
        if row["conname"] is not None:
            cur.execute(sql.SQL("ALTER TABLE {} DROP CONSTRAINT {}").format(table, sql.Identifier(row["conname"])))
            again.append(
                sql.SQL("ALTER TABLE {} ADD CONSTRAINT {} ").format(table, sql.Identifier(row["conname"]))
                + sql.SQL(row["constraint_def"])
            )
        else:
            cur.execute(sql.SQL("DROP INDEX {}").format(sql.SQL(row["index_name"])))
            again.append(sql.SQL(row["index_def"]))
    return again


def create_indexes(cur: Cursor[Any], statements: list[sql.Composed | sql.SQL]) -> None:
    for statement in statements:
        cur.execute(statement)
