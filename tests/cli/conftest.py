"""Fixtures of the tests that run tally's own processes."""

import shutil
import tempfile
from pathlib import Path

import pytest

from interfaces.database import running_postgres
from tests.cli.embedded import Served


@pytest.fixture
def scratch_folder():
    """Data folders outside pytest's temp dirs: a concurrent pytest session makes those unreadable to the
    embedded PostgreSQL's user (it resets their mode to 0700)."""
    made = Path(tempfile.mkdtemp(prefix="tally-cli-test-"))
    yield made
    shutil.rmtree(made, ignore_errors=True)


@pytest.fixture
def embedded_serve(scratch_folder):
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
