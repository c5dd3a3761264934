"""`tally serve` as a process on its own embedded PostgreSQL, in a data folder of the test's."""

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from interfaces.database import running_postgres
from tests.cli.embedded import Served
from tests.cli.processes import eventually, free_port, healthy, start_serve
from tests.conftest import data_folder


@pytest.fixture
def data(scratch_folder):
    folder = scratch_folder / "d"
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


@pytest.fixture
def scratch_folder():
    """Data folders outside pytest's temp dirs: a concurrent pytest session makes those unreadable to the
    embedded PostgreSQL's user (it resets their mode to 0700)."""
    made = data_folder("tally-cli-test-")
    yield made
    shutil.rmtree(made, ignore_errors=True)


@pytest.fixture
def embedded_serve(scratch_folder):
    """`tally serve` on a data folder, with options and environment of the test's; answers a `Served`."""
    started: list[Served] = []

    def start(data: Path, *args: str, env: dict[str, str] | None = None) -> Served:
        served = Served(data, scratch_folder / f"serve-{len(started)}.log", *args, env=env)
        started.append(served)
        return served

    yield start
    for served in started:
        if served.process.poll() is None:
            served.process.kill()
            served.process.wait()
        for server in running_postgres(served.data / "pg"):
            server.terminate()
