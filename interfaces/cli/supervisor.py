"""Keeps a child process running: `tally serve` restarts its worker when it
dies, and gives up when it keeps dying for about a minute (docs/supervision.md)."""

from __future__ import annotations

import logging
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

log = logging.getLogger("tally.supervisor")

# A child that keeps dying is restarted for about a minute, long enough to ride out a database restart or
# failover, and then given up on: restarting will not cure the cause.
GIVE_UP_S = 60.0
# Pauses between restarts double from the first, so a child that dies at once neither spins the CPU nor
# fills the log, up to the longest, so a cure is noticed soon.
FIRST_PAUSE_S = 0.5
LONGEST_PAUSE_S = 8.0
STOP_WAIT_S = 10.0


@dataclass
class RestartPolicy:
    """When to restart a child that died, and when to give up (docs/supervision.md). A child that dies
    within `give_up_s` of its start is failing; once it has been failing for `give_up_s`, the policy gives
    up. One that ran that long before dying starts afresh."""

    give_up_s: float = GIVE_UP_S
    first_pause_s: float = FIRST_PAUSE_S
    longest_pause_s: float = LONGEST_PAUSE_S
    failing_since: float | None = field(default=None, init=False)
    deaths: int = field(default=0, init=False)

    def pause(self, started: float, died: float) -> float | None:
        """Seconds to wait before restarting a child started at `started` and dead at `died`; None: give up."""
        if self.failing_since is None or died - started >= self.give_up_s:
            self.failing_since, self.deaths = died, 0
        self.deaths += 1
        if died - self.failing_since >= self.give_up_s:
            return None
        return min(self.first_pause_s * 2 ** (self.deaths - 1), self.longest_pause_s)


def describe(returncode: int) -> str:
    if returncode < 0:
        try:
            return f"killed by {signal.Signals(-returncode).name}"
        except ValueError:
            return f"killed by signal {-returncode}"
    return f"exit code {returncode}"


class Supervisor:
    def __init__(
        self,
        name: str,
        command: Sequence[str],
        env: dict[str, str] | None = None,
        on_give_up: Callable[[], None] = lambda: None,
        policy: RestartPolicy | None = None,
    ) -> None:
        self.name = name
        self.command = list(command)
        self.env = env
        self.on_give_up = on_give_up
        self.policy = policy or RestartPolicy()
        self.started = 0.0
        self.restarts = 0
        self.gave_up = False
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.process: subprocess.Popen[bytes] | None = None
        self.watcher = threading.Thread(target=self.watch, name=f"supervise-{name}", daemon=True)

    def start(self) -> None:
        self.process = self.spawn()
        self.watcher.start()

    def spawn(self) -> subprocess.Popen[bytes]:
        # Children end when the thread that started them does (the parent-death signal, parent_death.py):
        # the main thread, or the watcher, which outlives each child it starts.
        self.started = time.monotonic()
        return subprocess.Popen(self.command, env=self.env)

    def watch(self) -> None:
        while True:
            assert self.process is not None
            returncode = self.process.wait()
            if self.stopping.is_set():
                return
            died = time.monotonic()
            pause = self.policy.pause(self.started, died)
            if pause is None:
                log.critical(
                    "%s (pid %d) %s: died %d times in %.0f s; giving up",
                    self.name,
                    self.process.pid,
                    describe(returncode),
                    self.policy.deaths,
                    died - (self.policy.failing_since or died),
                )
                self.gave_up = True
                self.on_give_up()
                return
            if self.stopping.wait(pause):
                return
            with self.lock:
                if self.stopping.is_set():
                    return
                dead = self.process.pid
                self.process = self.spawn()
                self.restarts += 1
            log.error(
                "%s (pid %d) %s; restarted as pid %d after %.1f s (restart %d)",
                self.name,
                dead,
                describe(returncode),
                self.process.pid,
                pause,
                self.restarts,
            )

    def stop(self) -> None:
        with self.lock:
            self.stopping.set()
            process = self.process
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=STOP_WAIT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
