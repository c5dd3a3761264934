"""`tally serve` on its embedded PostgreSQL stops what it started, and nothing else: a serve that cannot
have its port never opens the database, and the server is stopped at exit even after a restart by hand."""

import os
import signal
import socket
import subprocess

import pytest

from interfaces.database import running_postgres
from tests.cli.processes import eventually, free_port, healthy, pg_ctl, start_serve


def test_a_serve_that_cannot_have_its_port_says_so_and_never_opens_the_database(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TALLY_SCHEMA")}
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        serve = start_serve(tmp_path / "serve.log", env, "--port", str(port), "--data-dir", str(tmp_path / "d"))

        assert serve.wait(timeout=60) == 2
    output = (tmp_path / "serve.log").read_text()
    assert f"cannot listen on 127.0.0.1:{port}" in output and "hint:" in output, output
    assert not (tmp_path / "d" / "pg").exists()


@pytest.mark.long
def test_serve_stops_its_postgresql_at_exit_even_after_it_was_restarted_by_hand(serve_on, data):
    port = free_port()
    serve = serve_on(data, port=port)
    [before] = running_postgres(data / "pg")

    try:
        pg_ctl(data / "pg", "-w", "restart")
    except subprocess.CalledProcessError:
        # serve restarts a PostgreSQL of its own that it sees stopped: between pg_ctl's stop and its start it may
        # have started it first (seen once in CI), and the server running is then serve's. Either way it is a new one.
        pass
    eventually(lambda: [p.pid for p in running_postgres(data / "pg")] not in ([], [before.pid]), 30, "a new PostgreSQL")
    [after] = running_postgres(data / "pg")
    assert after.pid != before.pid
    eventually(lambda: healthy(f"http://127.0.0.1:{port}"), 30, "serve answers again")
    serve.send_signal(signal.SIGTERM)

    assert serve.wait(timeout=60) == 0
    eventually(lambda: not running_postgres(data / "pg"), 30, "no PostgreSQL of the data folder left")
