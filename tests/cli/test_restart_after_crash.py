"""`tally serve` on its embedded PostgreSQL, killed with -9 and started again on
the same data folder: it starts cleanly, on the same port too, and after SIGTERM
no PostgreSQL of that folder is left running."""

import signal

import psutil
import pytest

from interfaces.database import running_postgres
from tests.cli.processes import eventually, free_port, workers_of


def command(process: psutil.Process) -> str:
    try:
        return " ".join(process.cmdline())
    except psutil.Error:
        return "(gone)"


def gone(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


@pytest.mark.long
def test_serve_restarted_after_kill_9s_starts_cleanly_and_stops_its_postgresql_on_sigterm(serve_on, data):
    first = serve_on(data)
    orphans = workers_of(first.pid)
    first.kill()
    first.wait()
    assert running_postgres(data / "pg"), "the server outlives a kill -9 of serve"

    second = serve_on(data)
    [server] = running_postgres(data / "pg")
    second.kill()
    second.wait()
    server.kill()  # now postmaster.pid names a dead server
    eventually(lambda: gone(server.pid), 10, "the killed server is gone")

    third = serve_on(data)
    third.send_signal(signal.SIGTERM)

    assert third.wait(timeout=60) == 0
    eventually(lambda: not running_postgres(data / "pg"), 30, "no PostgreSQL of the data folder left")
    eventually(lambda: all(gone(w.pid) for w in orphans), 10, "the worker of the killed serve stopped by itself")


@pytest.mark.long
def test_serve_with_api_processes_killed_with_9_leaves_none_of_its_children_and_serve_restarts_on_its_port(
    serve_on, data
):
    port = free_port()
    first = serve_on(data, "--workers", "2", port=port)
    children = psutil.Process(first.pid).children()
    api = [c for c in children if "multiprocessing.spawn" in command(c)]
    assert len(api) == 2 and workers_of(first.pid), [command(c) for c in children]
    try:
        first.kill()
        first.wait()

        # Answered by the new serve: none of the killed one's API processes, which held the port, is left.
        serve_on(data, port=port, ready=lambda: all(gone(c.pid) for c in api))
        eventually(lambda: all(gone(c.pid) for c in children), 30, "the killed serve's worker ends too")
    finally:
        for child in children:  # only when the test failed: orphans would hold the port
            if not gone(child.pid):
                child.kill()
