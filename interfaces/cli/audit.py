"""`tally audit`: an aggregate's history as a readable timeline."""
from __future__ import annotations

import argparse
import json
from datetime import datetime
from typing import Any

import msgspec

from application.audit import KINDS, History
from domain.ids import business_id
from interfaces.cli.common import add_data_dir, open_tally


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("audit", help="replay an aggregate's history from the event store")
    parser.add_argument("kind", choices=sorted(KINDS), help="aggregate kind")
    parser.add_argument("id", help="aggregate id (customers and usage events: external id with --business)")
    when = parser.add_mutually_exclusive_group()
    when.add_argument("--at", type=datetime.fromisoformat, help="state at this RFC 3339 time")
    when.add_argument("--version", type=int, help="state at this version")
    parser.add_argument("--business", help="business name (needed for external ids)")
    add_data_dir(parser)
    parser.set_defaults(run=run)


def render(history: History) -> str:
    def show(value: Any) -> str:
        return json.dumps(msgspec.to_builtins(value), sort_keys=True)

    lines = [f"{history.kind} {history.id}"]
    for entry in history.entries:
        marker = "*" if entry.version == history.version else " "
        lines.append(f"{marker} v{entry.version:<4} {entry.recorded_at.isoformat()}  {entry.type}")
        for name, value in entry.payload.items():
            lines.append(f"          {name}: {show(value)}")
    lines.append(f"state at v{history.version}:")
    lines += [f"  {name}: {show(value)}" for name, value in history.state.items()]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    tally, _ = open_tally(args.data_dir, pool_size=1)
    try:
        business = business_id(args.business) if args.business else None
        print(render(tally.history(business, args.kind, args.id, version=args.version, at=args.at)))
    finally:
        tally.close()
    return 0
