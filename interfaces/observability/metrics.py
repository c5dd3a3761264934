"""Prometheus metrics (docs/operations.md lists them with their meaning).

Counters and histograms are counted where the work is done: HTTP requests and ingestion in the API
processes, webhook deliveries and cycle closes in the worker. `tally serve` runs several processes (API
processes with `--workers N`, the projection worker), so it uses prometheus_client's multiprocess mode:
each process writes its values into files in one folder (PROMETHEUS_MULTIPROC_DIR, made by serve for its
run in the data folder) and whichever process answers `/metrics` adds them up. Gauges of the read side
(positions, lag, parked events, the webhook outbox) are read from the database when scraped, so any API
process answers them the same.

prometheus_client chooses its mode when it is first imported, from the environment: only this module
imports it, and only once `share_between_processes` had its chance (serve calls it first).

Labels are bounded: a method, a route template (never a path: ids would make a series per customer), a
status, a projection name, an outcome. No business, customer or key ever is one."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import psutil

from projections.reads.vitals import Vitals

if TYPE_CHECKING:
    from prometheus_client import CollectorRegistry
    from prometheus_client.metrics_core import Metric

SETTING_ENV = "TALLY_METRICS"
MULTIPROCESS_ENV = "PROMETHEUS_MULTIPROC_DIR"
POOL_SAMPLE_S = 5.0
# Request durations: an ingest of 1,000 events takes some 50 ms, a read a few; a close or a PDF longer.
REQUEST_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
CLOSE_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)


@dataclass(frozen=True)
class Setting:
    """TALLY_METRICS: `on` (the default: `GET /metrics` on the API, no key), `off`, or a port number: the
    metrics on that port of the API's host instead, apart from the API."""

    on: bool
    port: int | None = None


def setting(env: dict[str, str] | os._Environ[str] = os.environ) -> Setting:
    text = env.get(SETTING_ENV, "on").strip().lower()
    if text in ("on", "true", "1", ""):
        return Setting(True)
    if text in ("off", "false", "0"):
        return Setting(False)
    if text.isdigit() and 0 < int(text) < 65536:
        return Setting(True, int(text))
    raise SystemExit(f"{SETTING_ENV} must be on, off or a port number, not {text!r}")


def share_between_processes(data_dir: str) -> Path:
    """Makes the folder every process of one `tally serve` writes its values into
    (`DATA_DIR/metrics/<serve's pid>`); the processes it starts find it in the environment. Folders left by
    a serve that was killed (its pid gone) are removed, so a kill -9 leaves nothing behind for long."""
    parent = Path(data_dir).expanduser().resolve() / "metrics"
    parent.mkdir(parents=True, exist_ok=True)
    for left in parent.iterdir():
        if not (left.name.isdigit() and psutil.pid_exists(int(left.name))):
            shutil.rmtree(left, ignore_errors=True)
    folder = parent / str(os.getpid())
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(mode=0o700)
    os.environ[MULTIPROCESS_ENV] = str(folder)
    return folder


def forget(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def process_died(pid: int) -> None:
    """A dead process's live gauges (its pool) no longer count; its counters still do."""
    if os.environ.get(MULTIPROCESS_ENV):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(pid)


class Instruments:
    def __init__(self, registry: CollectorRegistry | None) -> None:
        from prometheus_client import Counter, Gauge, Histogram

        self.requests = Counter(
            "tally_http_requests",
            "HTTP requests answered, by method, route template and status",
            ["method", "route", "status"],
            registry=registry,
        )
        self.request_seconds = Histogram(
            "tally_http_request_duration_seconds",
            "Time from a request's arrival to the end of its answer, by method and route template",
            ["method", "route"],
            buckets=REQUEST_BUCKETS,
            registry=registry,
        )
        self.ingested = Counter(
            "tally_usage_events_ingested", "Usage events stored by POST /events/ingest", registry=registry
        )
        self.duplicates = Counter(
            "tally_usage_events_duplicates",
            "Usage events sent again (an event_id already stored) and skipped",
            registry=registry,
        )
        self.deliveries = Counter(
            "tally_webhook_deliveries",
            "Webhook delivery attempts by outcome: delivered, retrying (failed, tried again later), "
            "failed (failed, no retries left)",
            ["outcome"],
            registry=registry,
        )
        self.cycles_closed = Counter(
            "tally_cycles_closed", "Billing cycles closed into invoices (by the worker or a command)", registry=registry
        )
        self.close_seconds = Histogram(
            "tally_cycle_close_duration_seconds",
            "Time to close one subscription's due cycles",
            buckets=CLOSE_BUCKETS,
            registry=registry,
        )
        self.pool_in_use = Gauge(
            "tally_db_pool_connections_in_use",
            "Database connections checked out of the pool, by process kind and pool",
            ["process", "pool"],
            multiprocess_mode="livesum",
            registry=registry,
        )
        self.pool_waiting = Gauge(
            "tally_db_pool_requests_waiting",
            "Requests waiting for a database connection from the pool, by process kind and pool",
            ["process", "pool"],
            multiprocess_mode="livesum",
            registry=registry,
        )

    def request(self, method: str, route: str, status: int, seconds: float) -> None:
        self.requests.labels(method, route, str(status)).inc()
        self.request_seconds.labels(method, route).observe(seconds)

    def ingest(self, ingested: int, duplicates: int) -> None:
        self.ingested.inc(ingested)
        self.duplicates.inc(duplicates)

    def delivery(self, outcome: str) -> None:
        self.deliveries.labels(outcome).inc()

    def closed(self, cycles: int, seconds: float) -> None:
        self.cycles_closed.inc(cycles)
        self.close_seconds.observe(seconds)


_made: Instruments | None = None
_own: CollectorRegistry | None = None
_lock = threading.Lock()


def instruments() -> Instruments:
    """This process's instruments, made on first use (after serve has set the mode)."""
    global _made, _own
    with _lock:
        if _made is None:
            from prometheus_client import CollectorRegistry, disable_created_metrics

            # As in multiprocess mode, which has none: a `_created` series per counter says nothing useful.
            disable_created_metrics()
            # In multiprocess mode values live in the shared files and are read from there; else in a registry
            # of tally's own, not prometheus_client's global one (which holds the process's own metrics).
            _own = None if os.environ.get(MULTIPROCESS_ENV) else CollectorRegistry(auto_describe=True)
            _made = Instruments(_own)
        return _made


class VitalsCollector:
    """The read side's gauges, read from the database at each scrape. A database that does not answer is
    `tally_database_up 0`, not a failed scrape."""

    def __init__(self, read: Callable[[], Vitals]) -> None:
        self.read = read

    def describe(self) -> list[Metric]:
        return []  # registering must not query the database

    def collect(self) -> Iterator[Metric]:
        from prometheus_client.core import GaugeMetricFamily

        try:
            vitals = self.read()
        except Exception:
            yield GaugeMetricFamily("tally_database_up", "1 when the database answered this scrape", value=0)
            return
        yield GaugeMetricFamily("tally_database_up", "1 when the database answered this scrape", value=1)
        yield GaugeMetricFamily("tally_log_head_position", "Position of the last event in the log", value=vitals.head)
        families = {
            "position": GaugeMetricFamily(
                "tally_projection_position", "Log position each read model has applied", labels=["projection"]
            ),
            "behind": GaugeMetricFamily(
                "tally_projection_lag_events", "Events in the log a read model has not applied", labels=["projection"]
            ),
            "behind_s": GaugeMetricFamily(
                "tally_projection_lag_seconds",
                "Age of the oldest event a read model has not applied (0 at the head)",
                labels=["projection"],
            ),
            "parked": GaugeMetricFamily(
                "tally_projection_parked_events",
                "Events a read model could not apply, parked with their business",
                labels=["projection"],
            ),
        }
        for read_model in vitals.read_models:
            for field, family in families.items():
                family.add_metric([read_model.name], getattr(read_model, field))
        yield from families.values()
        yield GaugeMetricFamily(
            "tally_webhook_outbox_pending",
            "Webhook deliveries not yet delivered nor failed",
            value=vitals.webhooks_pending,
        )
        yield GaugeMetricFamily(
            "tally_webhook_outbox_due", "Webhook deliveries due to be sent now", value=vitals.webhooks_due
        )
        if vitals.worker_silent_s is not None:
            yield GaugeMetricFamily(
                "tally_worker_heartbeat_age_seconds",
                "Seconds since a projection worker last said it was alive",
                value=vitals.worker_silent_s,
            )


class _Registered:
    """A registry's metrics, collected into another registry."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.registry = registry

    def describe(self) -> list[Metric]:
        return []

    def collect(self) -> Iterable[Metric]:
        return self.registry.collect()


def scrape_registry(read_vitals: Callable[[], Vitals]) -> CollectorRegistry:
    """What one `/metrics` answers: every process's counted values and the read side's gauges."""
    from prometheus_client import CollectorRegistry
    from prometheus_client.multiprocess import MultiProcessCollector

    instruments()  # families appear (at 0) before their first use
    registry = CollectorRegistry(auto_describe=True)
    if os.environ.get(MULTIPROCESS_ENV):
        MultiProcessCollector(registry)
    else:
        assert _own is not None
        registry.register(_Registered(_own))
    registry.register(VitalsCollector(read_vitals))
    return registry


def exposition(registry: CollectorRegistry) -> tuple[bytes, str]:
    from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

    return generate_latest(registry), CONTENT_TYPE_LATEST


def serve_on_port(registry: CollectorRegistry, host: str, port: int) -> None:
    """TALLY_METRICS=PORT: the metrics on a port of their own (a thread of this process)."""
    from prometheus_client import start_http_server

    start_http_server(port, host, registry=registry)


def sample_pools(process: str, pools: dict[str, Any], stopping: threading.Event) -> threading.Thread:
    """Every POOL_SAMPLE_S, how many connections of each pool are in use and how many requests wait."""
    gauges = instruments()

    def run() -> None:
        while True:
            for name, datastore in pools.items():
                stats = datastore.pool.get_stats()
                in_use = stats.get("pool_size", 0) - stats.get("pool_available", 0)
                gauges.pool_in_use.labels(process, name).set(in_use)
                gauges.pool_waiting.labels(process, name).set(stats.get("requests_waiting", 0))
            if stopping.wait(POOL_SAMPLE_S):
                return

    thread = threading.Thread(target=run, name="pool-metrics", daemon=True)
    thread.start()
    return thread
