"""The golden store brought back into a schema of the test's database, and what it answered when made."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import psycopg

GOLDEN = Path(__file__).parent
RECORD: dict[str, Any] = json.loads((GOLDEN / "invoices.json").read_text())


def restore(database_url: str, schema: str) -> None:
    """The dump names its own schema; the test's takes its place. One transaction: all of it or nothing."""
    script = (GOLDEN / "store.sql").read_text().replace(RECORD["schema"], schema)
    with psycopg.connect(database_url) as conn:
        conn.execute(script)  # type: ignore[arg-type]  # the dump is trusted text of our own
