"""`tally worker`: keeps every read model at the head of the log; on a thread
of its own, closes due cycles, expires credits and records crossed alerts; and
on another, sends webhook deliveries."""

from __future__ import annotations

import argparse
import os
import signal
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

from application.tally import Tally
from interfaces.bootstrap import event_log
from interfaces.cli.close_cycles import add_grace
from interfaces.cli.common import open_tally
from interfaces.cli.parent_death import end_with_parent
from interfaces.observability import metrics, tracing
from interfaces.webhook_sender import Sender, retry_delays
from projections.engine.jobs import JobRunner
from projections.engine.partitions import Partition
from projections.engine.registry import live_names, worker_projections
from projections.engine.worker import PAGE_SIZE, Worker
from projections.reads.queries import Queries

# The API and the worker share the cores of one machine by default (`tally serve`): acknowledging a burst of
# usage comes before applying it, which the worker does as soon as the burst leaves it the CPU.
DEFAULT_NICE = 10
JOBS_STOP_S = 30.0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("worker", help="run the projection worker alone (for separate processes)")
    parser.add_argument(
        "--page-size",
        type=int,
        default=PAGE_SIZE,
        help=f"log notifications applied per transaction (default {PAGE_SIZE})",
    )
    parser.add_argument(
        "--partition",
        type=partition_arg,
        metavar="I/N",
        help="apply only partition I of N of the usage projection (its businesses; run one "
        "worker per partition); partition 0 also runs every other projection and the "
        "billing jobs (docs/scaling.md)",
    )
    parser.add_argument(
        "--nice",
        type=int,
        default=DEFAULT_NICE,
        choices=range(0, 20),
        metavar="N",
        help=f"run at this much lower CPU priority than the API, 0-19 (default {DEFAULT_NICE}): on a "
        "shared machine a burst of ingestion is acknowledged first and the read models catch "
        "up after it; on a machine of its own it changes nothing (docs/scaling.md)",
    )
    # Set by `tally serve` to its pid: Ctrl-C is for serve, which stops its worker itself; and a worker whose
    # serve was killed stops instead of running on as an orphan (parent_death.py).
    parser.add_argument("--supervisor", type=int, help=argparse.SUPPRESS)
    add_grace(parser)
    parser.set_defaults(run=run)


def partition_arg(text: str) -> Partition:
    try:
        return Partition.parse(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def serve_metrics(tally: Tally, supervisor: int | None) -> None:
    """A worker of `tally serve` counts into the folder serve shares (the API answers for both); one run on
    its own answers its own metrics when TALLY_METRICS names a port."""
    port = metrics.setting().port
    if port is None or supervisor or os.environ.get(metrics.MULTIPROCESS_ENV):
        return
    queries = Queries(tally.store.datastore, tally.store.schema, tally.store.events_table)
    metrics.serve_on_port(metrics.scrape_registry(queries.vitals), "0.0.0.0", port)


def stopping(worker: Worker) -> Callable[..., None]:
    """A signal handler that stops the worker once. A second SIGTERM (serve's death signal and serve's own stop
    arriving together) ran the handler again inside the first one's `Event.set`, which holds the event's lock:
    the handler waited on it forever, and the orphaned worker never ended (seen in CI). The event's flag is set
    before that lock is let go, so a handler that finds it set returns at once."""

    def stop(*_: object) -> None:
        if not worker.stopping.is_set():
            worker.stop()

    return stop


def run(args: argparse.Namespace) -> int:
    if args.supervisor:
        end_with_parent(args.supervisor)
    if args.nice:
        os.nice(args.nice)
    tally, _ = open_tally(args.data_dir)
    grace = timedelta(minutes=args.grace)
    clock = lambda: datetime.now(timezone.utc)  # noqa: E731
    partition = args.partition
    log = event_log(tally)
    worker = Worker(
        log, worker_projections(tally.store.schema, partition), page_size=args.page_size, span=tracing.from_env().span
    )
    worker.setup()
    serve_metrics(tally, args.supervisor)
    metrics.sample_pools("worker", {"primary": tally.store.datastore}, worker.stopping)
    jobs = JobRunner(
        log,
        live_names(partition),
        [
            tally.jobs.closing_job(clock, grace),
            tally.jobs.expiry_job(clock, grace),
            tally.alerts.alert_job(),
            tally.thresholds.job(clock),
            tally.limits.limit_job(clock),
            tally.meter_jobs.backfill_job(),
            tally.simulations.job(clock),
        ],
        worker.stopping,
    )
    signal.signal(signal.SIGTERM, stopping(worker))
    signal.signal(signal.SIGINT, signal.SIG_IGN if args.supervisor else stopping(worker))
    # The jobs and the webhook sender run once, beside partition 0 (docs/scaling.md).
    first = partition is None or partition.index == 0
    thread = jobs.start() if first else None
    sending = (
        Sender(log.datastore, log.schema, worker.stopping, retry_delays(), tally.webhooks.allow_private).start()
        if first
        else None
    )
    try:
        worker.run()
    finally:
        worker.stop()
        if thread:
            thread.join(JOBS_STOP_S)
        if sending:
            sending.join(JOBS_STOP_S)
        tally.close()
    return 0
