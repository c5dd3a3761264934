"""`tally projections status|rebuild|verify`: operate the read models."""
from __future__ import annotations

import argparse
import sys

from interfaces.cli.common import add_data_dir, open_tally
from projections import operations
from projections.registry import PROJECTIONS

BAR_WIDTH = 30


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("projections", help="status, blue/green rebuild and verify of the read models")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("status", help="position, lag behind the log head, events/s")
    for action, text in (("rebuild", "rebuild from position 0 into fresh tables, then swap them in"),
                         ("verify", "rebuild into scratch tables and report every difference (exit 1 if any)")):
        command = actions.add_parser(action, help=text)
        command.add_argument("name", choices=list(PROJECTIONS))
    add_data_dir(parser)
    parser.set_defaults(run=run)


def progress_bar(label: str) -> operations.Progress:
    def show(done: int, total: int) -> None:
        share = done / total if total else 1.0
        filled = int(share * BAR_WIDTH)
        sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {share:6.1%} {done}/{total}")
        sys.stderr.flush()
    return show


def run(args: argparse.Namespace) -> int:
    tally, _ = open_tally(args.data_dir, pool_size=2)
    try:
        if args.action == "status":
            print(f"{'projection':<14}{'position':>12}{'lag':>12}{'events/s':>12}")
            for s in operations.status(tally.store):
                print(f"{s.name:<14}{s.position:>12}{s.lag:>12}{s.events_per_s:>12.0f}")
                for line in s.pending:
                    print(f"  {line}")
            return 0
        bar = progress_bar(f"{args.action} {args.name}")
        if args.action == "rebuild":
            position = operations.rebuild(tally.store, args.name, bar)
            sys.stderr.write("\n")
            print(f"{args.name} rebuilt and swapped in at position {position}")
            return 0
        differences = operations.verify(tally.store, args.name, bar)
        sys.stderr.write("\n")
        for line in differences:
            print(line)
        print(f"{args.name}: {len(differences)} difference(s)")
        return 1 if differences else 0
    finally:
        tally.close()
