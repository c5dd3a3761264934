"""`tally serve` supervises its worker: killed with -9, it comes back and the read
models catch up. serve runs as a process on the test's database and schema."""

import os
import signal
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import psutil
import pytest

from domain.usage_event import IncomingEvent
from interfaces.cli.supervisor import MAX_DEATHS
from projections.engine.registry import all_projections
from projections.engine.worker import wait_for
from tests.cli.processes import eventually, free_port, healthy, workers_of

ROOT = Path(__file__).resolve().parents[2]
# The bound: a dead worker is restarted within 5 s.
RESTART_S = 5


@pytest.fixture
def serving(tally, database_url, schema, tmp_path):
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "DATABASE_URL": database_url, "TALLY_SCHEMA": schema, "PYTHONPATH": str(ROOT)}
    with log.open("w") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "interfaces.cli.main",
                "serve",
                "--port",
                str(port),
                "--data-dir",
                str(tmp_path / "data"),
                "--no-access-log",
            ],
            env=env,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        eventually(lambda: process.poll() is not None or healthy(f"http://127.0.0.1:{port}"), 60, "serve answers")
        assert process.poll() is None, log.read_text()
        yield process, log
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_a_worker_killed_with_sigkill_is_restarted_and_the_read_models_catch_up(serving, tally):
    process, log = serving
    [first] = eventually(lambda: workers_of(process.pid), 30, "serve's worker")
    business = tally.businesses.register_business("acme")
    tally.customers.create_customer(business, "cus_1", None, None)

    first.send_signal(signal.SIGKILL)
    tally.ingestion.ingest(business, [IncomingEvent("after-kill", "cus_1", "api.call")], datetime.now(timezone.utc))

    [second] = eventually(lambda: [w for w in workers_of(process.pid) if w.pid != first.pid], RESTART_S, "a new worker")
    names = [p.name for p in all_projections(tally.store.schema)]
    assert wait_for(tally.store, names, tally.store.head(), timeout=30)
    assert f"worker (pid {first.pid}) killed by SIGKILL; restarted as pid {second.pid} (restart 1)" in log.read_text()

    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0
    assert not psutil.pid_exists(second.pid) or second.status() == psutil.STATUS_ZOMBIE


def test_serve_exits_non_zero_when_its_worker_keeps_dying(serving):
    process, log = serving
    killed: set[int] = set()
    for _ in range(MAX_DEATHS + 1):
        [worker] = eventually(
            lambda: [w for w in workers_of(process.pid) if w.pid not in killed], RESTART_S, "a new worker"
        )
        worker.send_signal(signal.SIGKILL)
        killed.add(worker.pid)

    assert process.wait(timeout=60) == 1
    assert f"died {MAX_DEATHS + 1} times within 60 s; giving up" in log.read_text()
