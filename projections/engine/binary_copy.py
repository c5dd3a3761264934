"""Rows written with binary COPY: PostgreSQL takes numbers, times and ids as they are instead of
parsing their text, and psycopg dumps them in C. The worker writes two rows per usage event this way
(the staged meter bucket and its hourly row); in text they were a fifth of its time."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from psycopg import Cursor, postgres, sql
from psycopg.adapt import Dumper
from psycopg.pq import Format


class JsonText(Dumper):
    """jsonb from JSON text the caller encoded already (bytes): binary jsonb is a version byte and the text."""

    format = Format.BINARY
    oid = postgres.types["jsonb"].oid

    def dump(self, obj: Any) -> bytes:
        return b"\x01" + obj


def copy_binary(
    cur: Cursor[Any], statement: sql.Composable, types: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """`statement` (COPY table (columns)) FROM STDIN in binary, of rows whose columns have these types; a
    `jsonb` column takes JSON text as bytes (on this cursor only)."""
    if "jsonb" in types:
        cur.adapters.register_dumper(None, JsonText)
    with cur.copy(sql.SQL("{} FROM STDIN (FORMAT BINARY)").format(statement)) as copy:
        copy.set_types(types)
        for row in rows:
            copy.write_row(row)
