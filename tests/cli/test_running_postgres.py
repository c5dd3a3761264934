"""Which processes are a data folder's PostgreSQL server: a child its postmaster has just forked still wears
the postmaster's command line (until it sets its title), and is not a second server."""

import os
import subprocess
import sys

from interfaces.database import running_postgres

# A stand-in postmaster: forks a child that keeps the same command line; each writes its pid in one write (two
# processes share the pipe), then both wait for stdin to close.
FORKS = "import os, sys; os.fork(); os.write(1, b'%d\\n' % os.getpid()); sys.stdin.read()"


def test_a_freshly_forked_child_is_not_a_second_server(tmp_path):
    postgres = tmp_path / "postgres"
    postgres.symlink_to(os.path.realpath(sys.executable))
    pgdata = tmp_path / "pg"
    process = subprocess.Popen(
        [str(postgres), "-c", FORKS, str(pgdata)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        pids = {int(process.stdout.readline()), int(process.stdout.readline())}
        assert process.pid in pids and len(pids) == 2
        assert [p.pid for p in running_postgres(pgdata)] == [process.pid]
    finally:
        process.stdin.close()
        process.wait(10)
