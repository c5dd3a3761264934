"""`tally`: run the engine, manage keys and read models."""
from __future__ import annotations

import argparse
import logging
import sys

from domain.errors import TallyError
from interfaces.cli import (
    audit,
    bench,
    close_cycles,
    keys,
    projections,
    serve,
    simulate,
    worker,
)

COMMANDS = [
    serve,
    worker,
    keys,
    projections,
    close_cycles,
    audit,
    simulate,
    bench,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tally", description="Self-hostable, event-sourced usage-based billing engine.",
        epilog="Uses DATABASE_URL when set; otherwise an embedded PostgreSQL in --data-dir (default .tally).")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS:
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s",
                        stream=sys.stderr)
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        return 130
    except TallyError as exc:
        print(f"tally: {exc.code}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
