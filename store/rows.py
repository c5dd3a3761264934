"""Reading rows off a cursor whose query always answers one."""

from __future__ import annotations

from typing import Any

from psycopg import Cursor


def one(cur: Cursor[Any]) -> Any:
    """The single row an aggregate query (count, exists, max) or a known key always answers."""
    row = cur.fetchone()
    if row is None:
        raise LookupError("the query answered no row")
    return row
