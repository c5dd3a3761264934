"""What the runner watches while load runs: projection lag behind the log head,
and the peak memory of each server process."""

from __future__ import annotations

import bisect
import threading
import time
from collections.abc import Callable
from typing import Any

import psutil
import psycopg
from psycopg import sql

from bench.servers import Service, is_projection_worker

SAMPLE_S = 0.1


class Sampler(threading.Thread):
    def __init__(self, sample: Callable[[], None], every: float = SAMPLE_S) -> None:
        super().__init__(daemon=True)
        self.sample, self.every = sample, every
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.wait(self.every):
            self.sample()

    def stop(self) -> None:
        self.stopping.set()
        self.join(timeout=5)


class Lag:
    """Lag of the slowest projection: now minus when the log head first passed its position."""

    def __init__(self, database_url: str, schema: str, projections: list[str]) -> None:
        self.conn = psycopg.connect(database_url, autocommit=True)
        self.query = sql.SQL(
            "SELECT greatest((SELECT max(notification_id) FROM {s}.tally_events), "
            "(SELECT max(position) FROM {s}.usage_log), 0) AS head, "
            "(SELECT coalesce(min(position), 0) FROM {s}.projection_tracking WHERE name = ANY(%s)) AS position"
        ).format(s=sql.Identifier(schema))
        self.projections = projections
        self.times: list[float] = []
        self.heads: list[int] = []
        self.samples: list[tuple[float, float]] = []
        self.sampler = Sampler(self.sample)

    def now(self) -> tuple[int, int]:
        head, position = self.conn.execute(self.query, (self.projections,)).fetchone()  # type: ignore[misc]
        return head, position

    def sample(self) -> None:
        head, position = self.now()
        t = time.monotonic()
        self.times.append(t)
        self.heads.append(head)
        # The first sample whose head covered the oldest notification not yet applied.
        first = bisect.bisect_left(self.heads, position + 1)
        self.samples.append((t, 0.0 if position >= head else t - self.times[first]))

    def window(self, since: float) -> list[float]:
        return [lag for t, lag in self.samples if t >= since]

    def caught_up(self, timeout: float) -> float:
        """Waits until every projection is at the head; returns the seconds it took."""
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            head, position = self.now()
            if position >= head:
                return time.monotonic() - started
            time.sleep(0.05)
        raise TimeoutError(f"projections did not reach the log head within {timeout:.0f}s")

    def close(self) -> None:
        self.sampler.stop()
        self.conn.close()


class PeakMemory:
    """Peak resident memory of every process of a service, sampled."""

    def __init__(self, service: Service) -> None:
        self.service = service
        self.peaks: dict[int, tuple[str, float]] = {}
        self.sampler = Sampler(self.sample, every=0.25)

    def sample(self) -> None:
        for process in self.service.processes():
            try:
                rss = process.memory_info().rss / 2**20
            except psutil.Error:
                continue
            role = "worker" if is_projection_worker(process) else "api"
            self.peaks[process.pid] = (role, max(rss, self.peaks.get(process.pid, (role, 0.0))[1]))

    def peak(self, role: str) -> float | None:
        values = [rss for r, rss in self.peaks.values() if r == role]
        return round(max(values), 1) if values else None

    def summary(self) -> dict[str, Any]:
        return {
            "api_processes": sum(r == "api" for r, _ in self.peaks.values()),
            "api_rss_mb": self.peak("api"),
            "worker_rss_mb": self.peak("worker"),
        }
