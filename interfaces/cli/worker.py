"""`tally worker`: keeps every read model at the head of the log, closes due cycles and expires credits."""
from __future__ import annotations

import argparse
import signal
from datetime import datetime, timedelta, timezone

from interfaces.cli.close_cycles import add_grace
from interfaces.cli.common import add_data_dir, open_tally
from projections.registry import all_projections
from projections.worker import PAGE_SIZE, Worker


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("worker", help="run the projection worker alone (for separate processes)")
    parser.add_argument("--page-size", type=int, default=PAGE_SIZE,
                        help=f"log notifications applied per transaction (default {PAGE_SIZE})")
    add_grace(parser)
    add_data_dir(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    tally, _ = open_tally(args.data_dir)
    grace = timedelta(minutes=args.grace)
    clock = lambda: datetime.now(timezone.utc)  # noqa: E731
    jobs = [tally.jobs.closing_job(clock, grace), tally.jobs.expiry_job(clock, grace)]
    worker = Worker(tally.store, all_projections(tally.store.schema), jobs=jobs, page_size=args.page_size)
    signal.signal(signal.SIGTERM, lambda *_: worker.stop())
    signal.signal(signal.SIGINT, lambda *_: worker.stop())
    try:
        worker.run()
    finally:
        tally.close()
    return 0
