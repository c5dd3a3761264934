"""`tally close-cycles`: invoice every cycle that ended more than the grace ago."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime, timedelta, timezone

from application.billing_jobs import DEFAULT_GRACE
from interfaces.cli.common import open_tally
from interfaces.cli.projections import progress_bar


def add_grace(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--grace",
        type=float,
        default=DEFAULT_GRACE.total_seconds() / 60,
        help="minutes after a cycle's end before it is closed (default 60), so late usage lands",
    )


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("close-cycles", help="close every billing cycle whose end + grace has passed")
    add_grace(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    tally, _ = open_tally(args.data_dir, pool_size=2)
    try:
        started = time.monotonic()
        issued = tally.jobs.close_due(
            datetime.now(timezone.utc),
            timedelta(minutes=args.grace),
            wait=True,
            progress=progress_bar("closing cycles"),
        )
        sys.stderr.write("\n")
        print(f"{issued} invoice(s) issued in {time.monotonic() - started:.1f}s")
    finally:
        tally.close()
    return 0
