"""`tally bench`: tally against a hand-written baseline, in one run (docs/performance.md)."""

from __future__ import annotations

import argparse
import sys
import time

from bench.plan import FULL, QUICK
from bench.report import scale_table, simulation_table, table, write_json


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("bench", help="measure ingestion, projection lag and queries against a baseline")
    parser.add_argument("--quick", action="store_true", help="short run (under a minute), fewer events")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON to PATH")
    parser.add_argument("--only", choices=["simulation"], help="run one measure alone")
    parser.add_argument(
        "--scale",
        type=_events,
        metavar="N",
        help="instead: load N events (e.g. 10000000) through the API, then time the usage queries, audit "
        "explain and a rebuild at that size and report the store's size (long; no baseline)",
    )
    parser.set_defaults(run=bench)


def _events(text: str) -> int:
    count = int(text)
    if count < 1000:
        raise argparse.ArgumentTypeError("--scale takes at least 1000 events")
    return count


def bench(args: argparse.Namespace) -> int:
    # Imported here, not with this module: the load generator and the baseline are a third of a second of CPU
    # that every other command would pay too.
    from bench.at_scale import run_scale
    from bench.runner import run, run_simulation

    started = time.monotonic()
    plan = QUICK if args.quick else FULL
    say = lambda line: print(f"{time.monotonic() - started:6.1f}s  {line}", file=sys.stderr, flush=True)  # noqa: E731
    if args.scale:
        result = run_scale(args.scale, say)
        print(scale_table(result))
    elif args.only == "simulation":
        result = run_simulation(plan, say)
        print(simulation_table(result))
    else:
        result = run(plan, say)
        print(table(result))
    if args.json:
        write_json(result, args.json)
    return 0
