"""`tally`: run the engine, manage keys and read models.

Quiet by default: tally's own notices, warnings and errors only; `-v` adds the libraries' logs and, on an
unexpected failure, the traceback. A mistake a person can fix is one line on stderr with a hint and a
non-zero exit (docs/cli.md)."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from typing import NoReturn

import psycopg
from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import PersistenceError

from domain.errors import NotFound, TallyError
from interfaces.cli import (
    audit,
    backup,
    bench,
    close_cycles,
    keys,
    projections,
    restore,
    serve,
    simulate,
    worker,
)
from interfaces.cli.common import UserError, add_data_dir, shared_defaults
from interfaces.observability import logs

COMMANDS = [
    serve,
    worker,
    keys,
    projections,
    close_cycles,
    audit,
    simulate,
    backup,
    restore,
    bench,
]

NOT_FOUND_HINT = "ids are as the API and the dashboard show them, and belong to one business"
NOT_FOUND_HINTS = {
    "business_not_found": "a business is named as it was given to `tally keys create --business`",
    "api_key_not_found": "`tally keys list --business NAME` shows the key ids",
}
DATABASE_HINT = (
    "check DATABASE_URL / --database-url, e.g. postgresql://user:password@host:5432/db, or unset it "
    "to use the embedded PostgreSQL in --data-dir"
)


class Parser(argparse.ArgumentParser):
    """argparse's own mistakes (a missing argument, an unknown flag) as one line too, not usage plus error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (hint: {self.prog} --help)\n")


def _parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """The parser and every subcommand's parser below it."""
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                found += _parsers(child)
    return found


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="tally",
        description="Self-hostable, event-sourced usage-based billing engine.",
        epilog="Uses DATABASE_URL when set; otherwise an embedded PostgreSQL in --data-dir (default .tally). "
        "Every option of `tally` itself may also come after the command.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS:
        module.register(sub)
    for each in _parsers(parser):
        add_data_dir(each)
    return parser


def explain(exc: BaseException, command: str) -> str | None:
    """One line for a failure a person can act on; None for anything else (a bug: its traceback under -v)."""
    if isinstance(exc, UserError):
        return str(exc)
    if isinstance(exc, NotFound):
        return f"{exc.detail} [{exc.code}] (hint: {NOT_FOUND_HINTS.get(exc.code, NOT_FOUND_HINT)})"
    if isinstance(exc, TallyError):
        faults = "".join(f"; {f.field}: {f.reason}" for f in exc.errors)
        return f"{exc.detail}{faults} [{exc.code}] (hint: `tally {command} --help` says what it takes)"
    if isinstance(exc, AggregateNotFoundError):
        return f"nothing is recorded under that id (hint: {NOT_FOUND_HINT})"
    if isinstance(exc, (psycopg.OperationalError, PersistenceError)):
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        return f"cannot use the database: {first} (hint: {DATABASE_HINT})"
    return None


def main(argv: list[str] | None = None) -> int:
    args = shared_defaults(build_parser().parse_args(argv))
    # Quiet by default: the embedded PostgreSQL alone logs some 60 lines (initdb's output included) on a first
    # start. `tally serve` turns on its access log itself.
    logs.configure(args.log_format, args.verbose)
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        line = explain(exc, args.command)
        if args.verbose:
            traceback.print_exc(file=sys.stderr)
        print(
            f"tally: {line or f'{type(exc).__name__}: {exc} (hint: run again with -v for the traceback)'}",
            file=sys.stderr,
        )
        return 2 if isinstance(exc, UserError) else 1


if __name__ == "__main__":
    sys.exit(main())
