"""What a kill -9 leaves in the embedded PostgreSQL's folder is cleared before the server is asked for."""

import json
import os
import subprocess
import sys

from interfaces.database import HANDLES, forget_dead_handles, forget_stale_postmaster


def dead_pid():
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_holders_that_died_are_forgotten_and_live_ones_kept(tmp_path):
    (tmp_path / HANDLES).write_text(json.dumps([dead_pid(), os.getpid()]))

    forget_dead_handles(tmp_path)

    assert json.loads((tmp_path / HANDLES).read_text()) == [os.getpid()]


def test_a_process_started_after_the_list_was_written_is_not_a_holder_even_with_a_dead_holders_pid(tmp_path):
    handles = tmp_path / HANDLES
    newcomer = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        handles.write_text(json.dumps([newcomer.pid]))
        os.utime(handles, (0, 0))

        forget_dead_handles(tmp_path)

        assert json.loads(handles.read_text()) == []
    finally:
        newcomer.kill()
        newcomer.wait()


def test_the_lock_files_of_a_folder_where_no_server_runs_are_removed_whatever_pid_they_name(tmp_path):
    lock, socket_lock = tmp_path / "postmaster.pid", tmp_path / ".s.PGSQL.5432.lock"
    lock.write_text(f"{os.getpid()}\n{tmp_path}\n1700000000\n5432\n{tmp_path}\n\n\nready\n")
    socket_lock.write_text(f"{os.getpid()}\n")

    forget_stale_postmaster(tmp_path)

    assert not lock.exists() and not socket_lock.exists()
