"""`tally keys`: issue, list and revoke a business's API keys.

`create` prints the key alone on stdout; nothing else ever shows a key or its hash."""

from __future__ import annotations

import argparse
from datetime import datetime

from application.businesses import KEY_CACHE_SECONDS
from interfaces.cli.common import open_tally


def register(sub: argparse._SubParsersAction) -> None:
    keys = sub.add_parser("keys", help="manage API keys")
    actions = keys.add_subparsers(dest="action", required=True, metavar="ACTION")
    create = actions.add_parser("create", help="issue a new API key (registers the business if new)")
    create.add_argument("--business", required=True, help="business name; the same name means the same business")
    create.set_defaults(run=run_create)
    listing = actions.add_parser("list", help="a business's keys: id, created, revoked (never the key)")
    listing.add_argument("--business", required=True, help="business name")
    listing.set_defaults(run=run_list)
    revoke = actions.add_parser(
        "revoke",
        help="revoke a key by its id",
        description=f"Revokes the key. A running `tally serve` refuses it within {KEY_CACHE_SECONDS:g} s "
        "(each process caches a checked key that long).",
    )
    revoke.add_argument("key_id", metavar="KEY_ID", help="as `tally keys list` shows it")
    revoke.set_defaults(run=run_revoke)


def run_create(args: argparse.Namespace) -> int:
    tally, _ = open_tally(args.data_dir, pool_size=1)
    try:
        print(tally.businesses.create_key(args.business), flush=True)
    finally:
        tally.close()
    return 0


def _utc(at: datetime | None) -> str:
    return at.strftime("%Y-%m-%dT%H:%M:%SZ") if at else "-"


def run_list(args: argparse.Namespace) -> int:
    tally, _ = open_tally(args.data_dir, pool_size=1)
    try:
        keys = tally.businesses.list_keys(tally.businesses.business_named(args.business))
    finally:
        tally.close()
    rows = [("KEY_ID", "CREATED", "REVOKED")] + [(k.id, _utc(k.created_at), _utc(k.revoked_at)) for k in keys]
    width = max(len(row[0]) for row in rows)
    for key_id, created, revoked in rows:
        print(f"{key_id:<{width}}  {created:<20}  {revoked}")
    return 0


def run_revoke(args: argparse.Namespace) -> int:
    tally, _ = open_tally(args.data_dir, pool_size=1)
    try:
        tally.businesses.revoke_key(args.key_id)
    finally:
        tally.close()
    print(f"revoked {args.key_id}; a running `tally serve` refuses it within {KEY_CACHE_SECONDS:g} s", flush=True)
    return 0
