"""Runs the billing jobs (cycle closing, credit expiry) on their own thread,
beside the projection worker, paced by it.

In the worker's own loop, one big close froze every read model until it was
done. Apart, each job call is one bounded step, and after a step that did
something the runner waits until every read model has taken in what the step
wrote before it takes the next one: the jobs never run more than one step
ahead of the read models. Why a thread and not a process: docs/supervision.md.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable

from projections.engine.worker import wait_for
from store.log import EventLog

log = logging.getLogger("tally.jobs")

IDLE_WAIT_S = 0.5
# Past this, the read models are stuck rather than busy (see `tally projections status`): jobs go on.
PACE_WAIT_S = 30.0
PACE_POLL_S = 0.5


class JobRunner:
    def __init__(
        self, app: EventLog, read_models: Iterable[str], jobs: Iterable[Callable[[], bool]], stopping: threading.Event
    ) -> None:
        self.app = app
        self.read_models = list(read_models)
        self.jobs = list(jobs)
        self.stopping = stopping

    def run(self) -> None:
        while not self.stopping.is_set():
            did = False
            for job in self.jobs:
                try:
                    stepped = bool(job())
                except Exception:
                    log.exception("job step failed; retrying")
                    continue
                if stepped:
                    # After each job's step, not each round: two jobs' steps in a row would be two ahead.
                    self.pace()
                    did = True
            if not did:
                self.stopping.wait(IDLE_WAIT_S)

    def pace(self) -> None:
        """Waits until every read model has reached the head as it stands after the step."""
        head = self.app.head()
        deadline = time.monotonic() + PACE_WAIT_S
        while not self.stopping.is_set():
            if wait_for(self.app, self.read_models, head, PACE_POLL_S):
                return
            if time.monotonic() >= deadline:
                log.warning("read models still short of position %d after %.0f s; jobs go on", head, PACE_WAIT_S)
                return

    def start(self) -> threading.Thread:
        thread = threading.Thread(target=self.run, name="jobs", daemon=True)
        thread.start()
        return thread
