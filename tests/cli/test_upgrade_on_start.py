"""`tally worker` started on a store an older tally made (the golden store) upgrades it by itself: it rebuilds
every read model, says so in its log with how far it has got, and stops cleanly afterwards."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path

import psycopg
from psycopg.rows import dict_row

from projections.engine.registry import PROJECTIONS
from projections.engine.tracking import read_positions
from projections.engine.upgrades import outdated_in
from tests.cli.processes import TALLY, eventually
from tests.store.golden.restoring import restore


def test_tally_worker_on_an_old_store_rebuilds_every_read_model_and_logs_it(
    database_url: str, schema: str, tmp_path: Path
) -> None:
    restore(database_url, schema)
    with psycopg.connect(database_url, row_factory=dict_row) as conn:
        kept = sorted(read_positions(conn.cursor(), schema))  # projections added since are built anew
    log = tmp_path / "worker.log"
    env = {**os.environ, "DATABASE_URL": database_url, "TALLY_SCHEMA": schema}
    with log.open("w") as out:
        worker = subprocess.Popen(
            [TALLY, "worker", "--log-format", "json", "--nice", "0"], env=env, stdout=out, stderr=subprocess.STDOUT
        )

    def logged() -> list[dict[str, str]]:
        """Its whole lines so far (the last may be half written)."""
        return [json.loads(line) for line in log.read_text().split("\n")[:-1]]

    def upgraded() -> bool:
        rebuilt = [r for r in logged() if " rebuilt at version " in r["message"]]
        return len(rebuilt) == len(kept) or worker.poll() is not None

    try:
        eventually(upgraded, 120, "every read model rebuilt")
    finally:
        worker.send_signal(signal.SIGTERM)
        code = worker.wait(30)
    assert code == 0, log.read_text()
    said = [r["message"] for r in logged() if r["logger"] == "tally.upgrade"]
    for name in kept:
        version = PROJECTIONS[name].version
        assert f"upgrade: rebuilding {name} (built by version 0, the code's is {version})" in " ".join(said)
        assert any(m.startswith(f"upgrade: {name} at position ") and m.endswith("events/s") for m in said)
        assert any(m.startswith(f"upgrade: {name} rebuilt at version {version} and swapped in") for m in said)
    assert not [r for r in logged() if r["logger"] == "tally.upgrade" and r["level"] != "INFO"]
    with psycopg.connect(database_url, row_factory=dict_row) as conn:
        assert outdated_in(conn.cursor(), schema) == []
