"""`tally serve` as a process on its own embedded PostgreSQL, in a data folder of the test's."""

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from interfaces.database import running_postgres
from tests.cli.processes import eventually, free_port, healthy, start_serve


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "d"
    yield folder
    for server in running_postgres(folder / "pg"):  # only when the test failed half-way
        server.terminate()


@pytest.fixture
def serve_on(tmp_path):
    """Starts `tally serve` on a data folder and waits until it answers (fails if it exits instead)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TALLY_SCHEMA")}
    started = []

    def start(
        data: Path,
        *options: str,
        port: int | None = None,
        within: float = 120,
        ready: Callable[[], bool] = lambda: True,
    ) -> subprocess.Popen[bytes]:
        port = port or free_port()
        log = tmp_path / f"serve-{len(started)}.log"
        process = start_serve(log, env, "--port", str(port), "--data-dir", str(data), *options)
        started.append(process)
        base = f"http://127.0.0.1:{port}"
        eventually(lambda: process.poll() is not None or (ready() and healthy(base)), within, "serve answers")
        assert process.poll() is None, log.read_text()
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
            process.wait()
