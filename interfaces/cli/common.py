"""Options and set-up every command shares, and the one kind of error a command reports to a person."""

from __future__ import annotations

import argparse
import os

from application.tally import Tally
from interfaces.bootstrap import open_store
from interfaces.database import database_url, holds_database
from interfaces.observability.logs import FORMAT_ENV, FORMATS, log_format
from store.config import BACKGROUND, Timeouts, store_env

DEFAULT_DATA_DIR = ".tally"


class UserError(Exception):
    """A mistake the person can fix: shown as one line with a hint, never a traceback, exit 2."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.args[0]} (hint: {self.hint})" if self.hint else str(self.args[0])


def add_data_dir(parser: argparse.ArgumentParser) -> None:
    """The options every command and subcommand takes, in any position: `tally --data-dir X projections status`
    and `tally projections status --data-dir X` mean the same. Defaults are SUPPRESSed so that a subcommand's
    parser does not overwrite what an earlier position set; `shared_defaults` fills them in after parsing.
    Adding them twice to one parser is a no-op, so a command module may call this itself."""
    if any("--data-dir" in action.option_strings for action in parser._actions):
        return
    shared = parser.add_argument_group("shared options")
    shared.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        metavar="DIR",
        help=f"folder of the embedded PostgreSQL, the demo key and the session secret "
        f"(default: $TALLY_DATA_DIR or {DEFAULT_DATA_DIR})",
    )
    shared.add_argument(
        "--database-url",
        default=argparse.SUPPRESS,
        metavar="URL",
        help="an external PostgreSQL >= 15 (default: $DATABASE_URL; when neither is set, the "
        "embedded one in --data-dir)",
    )
    shared.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS,
        help="also show the libraries' logs (embedded PostgreSQL, uvicorn) and tracebacks",
    )
    shared.add_argument(
        "--log-format",
        choices=FORMATS,
        default=argparse.SUPPRESS,
        help=f"text for a person, or json: one JSON object per line for a log collector "
        f"(default: ${FORMAT_ENV}, else text; docs/operations.md)",
    )


def shared_defaults(args: argparse.Namespace) -> argparse.Namespace:
    args.data_dir = getattr(args, "data_dir", None) or os.environ.get("TALLY_DATA_DIR") or DEFAULT_DATA_DIR
    args.database_url = getattr(args, "database_url", None)
    args.verbose = getattr(args, "verbose", False)
    args.log_format = log_format(getattr(args, "log_format", None))
    return args


def store_url(data_dir: str) -> str:
    """The database of a data dir that holds a store. Only `tally serve` makes a new one: any other command
    pointed at a folder without one (a mistyped --data-dir) says so rather than start on an empty store."""
    if not os.environ.get("DATABASE_URL") and not holds_database(data_dir):
        raise UserError(
            f"no tally store in {os.path.abspath(data_dir)}",
            "name the --data-dir `tally serve` runs on (default: $TALLY_DATA_DIR or .tally), or set DATABASE_URL",
        )
    return database_url(data_dir)


def open_tally(
    data_dir: str, pool_size: int = 4, timeouts: Timeouts = BACKGROUND, create: bool = False
) -> tuple[Tally, str]:
    url = database_url(data_dir) if create else store_url(data_dir)
    return open_store(store_env(url, pool_size=pool_size, timeouts=timeouts)), url
