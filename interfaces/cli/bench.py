"""`tally bench`: tally against a hand-written baseline, in one run (docs/performance.md)."""
from __future__ import annotations

import argparse
import sys
import time

from bench.plan import FULL, QUICK
from bench.report import table, write_json
from bench.runner import run


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("bench", help="measure ingestion, projection lag and queries against a baseline")
    parser.add_argument("--quick", action="store_true", help="short run (under a minute), fewer events")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON to PATH")
    parser.set_defaults(run=bench)


def bench(args: argparse.Namespace) -> int:
    started = time.monotonic()
    result = run(QUICK if args.quick else FULL,
                 lambda line: print(f"{time.monotonic() - started:6.1f}s  {line}", file=sys.stderr, flush=True))
    print(table(result))
    if args.json:
        write_json(result, args.json)
    return 0
