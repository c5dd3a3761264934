"""The supervisor `tally serve` keeps its worker running with, on plain child processes."""

import logging
import os
import re
import signal
import sys
import threading

import pytest

from interfaces.cli.supervisor import RestartPolicy, Supervisor
from tests.cli.processes import eventually

SLEEPER = [sys.executable, "-c", "import time; time.sleep(600)"]
FAILING = [sys.executable, "-c", "raise SystemExit(3)"]


@pytest.fixture
def supervised():
    started = []

    def supervise(command, **options):
        supervisor = Supervisor("child", command, **options)
        supervisor.start()
        started.append(supervisor)
        return supervisor

    yield supervise
    for supervisor in started:
        supervisor.stop()


def test_a_child_killed_with_sigkill_is_restarted_and_the_death_is_logged(supervised, caplog):
    caplog.set_level(logging.INFO, "tally.supervisor")
    supervisor = supervised(SLEEPER)
    first = supervisor.process.pid

    os.kill(first, signal.SIGKILL)

    eventually(lambda: supervisor.restarts == 1 and supervisor.process.pid != first, 5, "a restart")
    assert supervisor.process.poll() is None
    assert (
        f"child (pid {first}) killed by SIGKILL; restarted as pid {supervisor.process.pid} after 0.5 s (restart 1)"
        in caplog.text
    )


def test_a_child_that_keeps_dying_makes_the_supervisor_give_up(supervised, caplog):
    gave_up = threading.Event()
    supervisor = supervised(FAILING, on_give_up=gave_up.set, policy=RestartPolicy(give_up_s=1, first_pause_s=0.05))

    assert gave_up.wait(30)
    assert supervisor.gave_up and supervisor.restarts == supervisor.policy.deaths - 1 >= 2
    assert re.search(rf"exit code 3: died {supervisor.policy.deaths} times in \d+ s; giving up", caplog.text)


def test_a_stopped_supervisor_ends_its_child_and_restarts_nothing(supervised):
    supervisor = supervised(SLEEPER)
    child = supervisor.process

    supervisor.stop()
    supervisor.watcher.join(timeout=10)

    assert child.returncode == -signal.SIGTERM
    assert not supervisor.watcher.is_alive() and supervisor.restarts == 0
