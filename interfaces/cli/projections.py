"""`tally projections status|rebuild|verify|retry`: operate the read models."""

from __future__ import annotations

import argparse
import sys
import uuid
from functools import partial

from application.tally import Tally
from domain.ids import business_id
from interfaces.cli.common import open_tally
from projections.engine import operations
from projections.engine.parking import Stuck
from projections.engine.registry import PROJECTIONS
from projections.engine.retry import retry

BAR_WIDTH = 30


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("projections", help="status, blue/green rebuild, verify and retry of the read models")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("status", help="position, lag behind the log head, events/s, stuck businesses")
    for action, text in (
        ("rebuild", "rebuild from position 0 into fresh tables, then swap them in"),
        (
            "verify",
            "rebuild into scratch tables and report every difference, the events still to "
            "apply and the parked ones (exit 1 if any)",
        ),
    ):
        command = actions.add_parser(action, help=text)
        command.add_argument(
            "name",
            type=projection_name,
            metavar="NAME",
            help=f"{', '.join(PROJECTIONS)}; usage@I/N for partition I of a split usage projection",
        )
    again = actions.add_parser(
        "retry", help="apply parked events again, in order, once their cause is fixed (exit 1 if some stay parked)"
    )
    again.add_argument("name", nargs="?", type=projection_name, help="one projection (default: all)")
    again.add_argument("--business", type=business_ref, help="only this business (its id, or its name)")
    parser.set_defaults(run=run)


def projection_name(text: str) -> str:
    try:
        operations.projection(text, "public")
    except (KeyError, ValueError) as e:
        raise argparse.ArgumentTypeError(str(e)) from None
    return text


def business_ref(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError:
        return business_id(text)


def progress_bar(label: str) -> operations.Progress:
    def show(done: int, total: int) -> None:
        share = done / total if total else 1.0
        filled = int(share * BAR_WIDTH)
        sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {share:6.1%} {done}/{total}")
        sys.stderr.flush()

    return show


def stuck_line(s: Stuck) -> str:
    whose = f"business {s.business_id}" if s.business_id else "an event of unknown business (holds back all)"
    return (
        f"parked: {whose}: {s.events} event(s) from position {s.position} ({s.topic}) "
        f"since {s.since:%Y-%m-%d %H:%M:%S}Z: {s.error}"
    )


def run(args: argparse.Namespace) -> int:
    tally, _ = open_tally(args.data_dir, pool_size=2)
    try:
        if args.action == "status":
            print(f"{'projection':<14}{'position':>12}{'lag':>12}{'events/s':>12}")
            for s in operations.status(tally.store):
                print(f"{s.name:<14}{s.position:>12}{s.lag:>12}{s.events_per_s:>12.0f}")
                for line in s.pending + [stuck_line(p) for p in s.parked]:
                    print(f"  {line}")
            return 0
        if args.action == "retry":
            return run_retry(tally, args)
        bar = progress_bar(f"{args.action} {args.name}")
        if args.action == "rebuild":
            elsewhere = partial(print, f"{args.name} is being rebuilt elsewhere (a worker's start-up?); waiting for it")
            with operations.one_rebuild(tally.store, args.name, waiting=elsewhere):
                position = operations.rebuild(tally.store, args.name, bar)
            sys.stderr.write("\n")
            print(f"{args.name} rebuilt and swapped in at position {position}")
            for stuck in operations.stuck(tally.store, args.name):
                print(f"{args.name}: {stuck_line(stuck)}")
            return 0
        verdict = operations.verify(tally.store, args.name, bar)
        sys.stderr.write("\n")
        for line in verdict.differences:
            print(line)
        print(f"{args.name}: {len(verdict.differences)} difference(s)")
        if verdict.behind:
            print(f"{args.name}: {verdict.behind} events behind the log head")
        for stuck in verdict.parked:
            print(f"{args.name}: {stuck_line(stuck)}")
        return 0 if verdict.complete else 1
    finally:
        tally.close()


def run_retry(tally: Tally, args: argparse.Namespace) -> int:
    results = retry(tally.store, [args.name] if args.name else None, args.business)
    if not results:
        print("nothing is parked")
    for r in results:
        whose = f"business {r.business_id}" if r.business_id else "every business (an event of unknown business)"
        print(f"{r.projection}: {whose}: applied {r.applied} parked event(s)")
        if r.still_parked:
            first = r.still_parked[0]
            print(
                f"{r.projection}: {whose}: {len(r.still_parked)} event(s) still parked from position "
                f"{first.position} ({first.topic}): {first.error}"
            )
    return 1 if any(r.still_parked for r in results) else 0
