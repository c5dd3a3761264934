"""`tally keys create`: a new API key for a business, printed alone on stdout."""
from __future__ import annotations

import argparse

from interfaces.cli.common import add_data_dir, open_tally


def register(sub: argparse._SubParsersAction) -> None:
    keys = sub.add_parser("keys", help="manage API keys")
    actions = keys.add_subparsers(dest="action", required=True, metavar="ACTION")
    create = actions.add_parser("create", help="issue a new API key (registers the business if new)")
    create.add_argument("--business", required=True, help="business name; the same name means the same business")
    add_data_dir(create)
    create.set_defaults(run=run_create)


def run_create(args: argparse.Namespace) -> int:
    tally, _ = open_tally(args.data_dir, pool_size=1)
    try:
        print(tally.businesses.create_key(args.business), flush=True)
    finally:
        tally.close()
    return 0
