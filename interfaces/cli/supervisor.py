"""Keeps a child process running: `tally serve` restarts its worker when it
dies, and gives up when it keeps dying (docs/supervision.md)."""

from __future__ import annotations

import logging
import signal
import subprocess
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence

log = logging.getLogger("tally.supervisor")

# More than MAX_DEATHS deaths within DEATH_WINDOW_S seconds: the cause will not go away by restarting.
MAX_DEATHS = 5
DEATH_WINDOW_S = 60.0
# A pause before each restart keeps a child that dies at once from spinning the CPU.
RESTART_PAUSE_S = 0.5
STOP_WAIT_S = 10.0


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
        max_deaths: int = MAX_DEATHS,
        window_s: float = DEATH_WINDOW_S,
        pause_s: float = RESTART_PAUSE_S,
    ) -> None:
        self.name = name
        self.command = list(command)
        self.env = env
        self.on_give_up = on_give_up
        self.max_deaths = max_deaths
        self.window_s = window_s
        self.pause_s = pause_s
        self.restarts = 0
        self.gave_up = False
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.process: subprocess.Popen[bytes] | None = None
        self.watcher = threading.Thread(target=self.watch, name=f"supervise-{name}", daemon=True)

    def start(self) -> None:
        self.process = subprocess.Popen(self.command, env=self.env)
        self.watcher.start()

    def watch(self) -> None:
        deaths: deque[float] = deque()
        while True:
            assert self.process is not None
            returncode = self.process.wait()
            if self.stopping.is_set():
                return
            now = time.monotonic()
            deaths.append(now)
            while deaths[0] < now - self.window_s:
                deaths.popleft()
            if len(deaths) > self.max_deaths:
                log.critical(
                    "%s (pid %d) %s: died %d times within %.0f s; giving up",
                    self.name,
                    self.process.pid,
                    describe(returncode),
                    len(deaths),
                    self.window_s,
                )
                self.gave_up = True
                self.on_give_up()
                return
            if self.stopping.wait(self.pause_s):
                return
            with self.lock:
                if self.stopping.is_set():
                    return
                dead = self.process.pid
                self.process = subprocess.Popen(self.command, env=self.env)
                self.restarts += 1
            log.error(
                "%s (pid %d) %s; restarted as pid %d (restart %d)",
                self.name,
                dead,
                describe(returncode),
                self.process.pid,
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
