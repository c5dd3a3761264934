"""`tally serve` supervises its worker: killed with -9, it comes back and the read
models catch up. serve runs as a process on the test's database and schema."""

import os
import re
import signal
from datetime import datetime, timezone

import psutil
import pytest

from domain.usage_event import IncomingEvent
from projections.engine.registry import all_projections
from projections.engine.worker import wait_for
from tests.cli.processes import eventually, free_port, healthy, start_serve, workers_of

# The bound: a dead worker is restarted within 5 s.
RESTART_S = 5
# serve gives up on a worker that keeps dying after a minute by default (test_restart_policy.py); here sooner.
GIVE_UP_S = 3


@pytest.fixture
def serving(tally, database_url, schema, tmp_path):
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "DATABASE_URL": database_url, "TALLY_SCHEMA": schema}
    process = start_serve(
        log, env, "--port", str(port), "--data-dir", str(tmp_path / "data"), "--give-up-after", str(GIVE_UP_S)
    )
    try:
        eventually(lambda: process.poll() is not None or healthy(f"http://127.0.0.1:{port}"), 60, "serve answers")
        assert process.poll() is None, log.read_text()
        yield process, log
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.long
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
    restarted = f"worker (pid {first.pid}) killed by SIGKILL; restarted as pid {second.pid} after 0.5 s (restart 1)"
    assert restarted in log.read_text()

    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0
    assert not psutil.pid_exists(second.pid) or second.status() == psutil.STATUS_ZOMBIE


@pytest.mark.long
def test_serve_exits_non_zero_when_its_worker_keeps_dying(serving):
    process, log = serving
    killed: set[int] = set()
    while process.poll() is None:
        for worker in workers_of(process.pid):
            if worker.pid not in killed:
                worker.send_signal(signal.SIGKILL)
                killed.add(worker.pid)
        eventually(
            lambda: process.poll() is not None or set(w.pid for w in workers_of(process.pid)) - killed,
            30,
            "a new worker or serve's exit",
        )

    assert process.wait(timeout=60) == 1
    assert re.search(rf"died {len(killed)} times in \d+ s; giving up", log.read_text()), log.read_text()
