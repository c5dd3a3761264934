"""`tally serve` on its embedded PostgreSQL, killed with -9 and started again on
the same data folder: it starts cleanly, and after SIGTERM no PostgreSQL of that
folder is left running."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

from interfaces.database import running_postgres
from tests.cli.processes import eventually, free_port, healthy, workers_of

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "d"
    yield folder
    for server in running_postgres(folder / "pg"):  # only when the test failed half-way
        server.terminate()


@pytest.fixture
def start_serve(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TALLY_SCHEMA")}
    env["PYTHONPATH"] = str(ROOT)
    started = []

    def start(data: Path) -> subprocess.Popen[bytes]:
        port = free_port()
        log = (tmp_path / f"serve-{len(started)}.log").open("w")
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "interfaces.cli.main",
                "serve",
                "--port",
                str(port),
                "--data-dir",
                str(data),
                "--no-access-log",
            ],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        started.append(process)
        eventually(lambda: process.poll() is not None or healthy(f"http://127.0.0.1:{port}"), 120, "serve answers")
        assert process.poll() is None, Path(log.name).read_text()
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
            process.wait()


def gone(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def test_serve_restarted_after_kill_9s_starts_cleanly_and_stops_its_postgresql_on_sigterm(start_serve, data):
    first = start_serve(data)
    orphans = workers_of(first.pid)
    first.kill()
    first.wait()
    assert running_postgres(data / "pg"), "the server outlives a kill -9 of serve"

    second = start_serve(data)
    [server] = running_postgres(data / "pg")
    second.kill()
    second.wait()
    server.kill()  # now postmaster.pid names a dead server
    eventually(lambda: gone(server.pid), 10, "the killed server is gone")

    third = start_serve(data)
    third.send_signal(signal.SIGTERM)

    assert third.wait(timeout=60) == 0
    eventually(lambda: not running_postgres(data / "pg"), 30, "no PostgreSQL of the data folder left")
    eventually(lambda: all(gone(w.pid) for w in orphans), 10, "the worker of the killed serve stopped by itself")
