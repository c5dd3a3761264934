"""`tally audit`: an aggregate's history as a timeline, an invoice re-derived
from the log, or every invoice and wallet verified."""

from __future__ import annotations

import argparse
import json
import sys
import uuid
from datetime import datetime
from typing import Any

import msgspec
from eventsourcing.application import AggregateNotFoundError

from application.audit import KINDS, History
from application.explain import Explanation
from domain.errors import NotFound
from domain.ids import business_id
from interfaces.cli.common import UserError, open_tally
from interfaces.cli.projections import progress_bar

# Kinds whose ids are the business's own (customer ids, event ids), not UUIDs.
EXTERNAL_KEYS = ("customer", "usage_event", "event", "wallet")
USAGE = """tally audit KIND ID [--at T | --version N] [--business NAME]
       tally audit explain INVOICE_ID
       tally audit verify [--business NAME]"""


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "audit",
        help="replay histories, explain invoices, verify everything from the log",
        usage=USAGE,
        description=f"KIND is one of: {', '.join(sorted(KINDS))}.",
    )
    parser.add_argument("what", choices=[*sorted(KINDS), "explain", "verify"], metavar="KIND|explain|verify")
    parser.add_argument(
        "id", nargs="?", help="aggregate id (customers, usage events, wallets: external id with --business)"
    )
    when = parser.add_mutually_exclusive_group()
    when.add_argument("--at", type=datetime.fromisoformat, help="state at this RFC 3339 time")
    when.add_argument("--version", type=int, help="state at this version")
    parser.add_argument("--business", help="business name (for external ids, or to verify one business)")
    parser.set_defaults(run=run)


def _show(value: Any) -> str:
    return json.dumps(msgspec.to_builtins(value), sort_keys=True)


def render_history(history: History) -> str:
    lines = [f"{history.kind} {history.id}"]
    for entry in history.events:
        marker = "*" if entry.version == history.version else " "
        lines.append(f"{marker} v{entry.version:<4} {entry.recorded_at.isoformat()}  {entry.type}")
        for name, value in entry.payload.items():
            lines.append(f"          {name}: {_show(value)}")
    lines.append(f"state at v{history.version}:")
    lines += [f"  {name}: {_show(value)}" for name, value in history.state.items()]
    return "\n".join(lines)


def render_explanation(e: Explanation) -> str:
    lines = [
        f"invoice {e.invoice_id}  customer {e.customer_id}  {e.currency}",
        f"cycle {e.cycle_start.isoformat()} .. {e.cycle_end.isoformat()}",
        f"usage up to log position {e.priced_at_position} (late after {e.late_after_position}); "
        f"product v{e.product_version}; credits available {e.credits_available}",
    ]
    for w in e.entitlements:
        t = w.terms
        lines.append(
            f"entitlement {t.name} ({w.entitlement_id}): balance {w.balance} {t.unit}, overage {w.overage}, "
            f"{w.used} used by this invoice; "
            f"overage {'enabled' if t.overage_enabled else 'disabled'} ({t.overage_behavior}, limit "
            f"{t.overage_limit}, {t.price_per_unit} {t.currency} per credit); rollover "
            f"{f'{t.kept_share * 100:.0f}% at most {t.max_rollover_count} times' if t.rollover_enabled else 'off'}"
        )
    for i, s in enumerate(e.segments):
        worked = (
            f"{s.unit_price} x {s.quantity} less segment {i - 1}'s"
            if s.fixed_share == "difference"
            else f"{s.unit_price} x {s.quantity} x {s.fixed_share}"
        )
        lines.append(
            f"segment {i}: {s.start.isoformat()} .. {s.end.isoformat()}  product {s.product_id} v{s.product_version}"
            f" x {s.quantity}; share {s.share} of the cycle; fixed {s.fixed}{' (trial)' if s.trial else ''}: "
            f"{worked} -> {s.fixed_amount}"
        )
    for line in e.lines:
        flag = " late" if line.late else ""
        flag += f" (segment {line.segment})" if line.segment is not None else ""
        group = "".join(f" [{k}={v}]" for k, v in (line.group or {}).items())
        priced = (
            f"x {line.unit_price}"
            if line.model == "per_unit"
            else f"{line.model} ("
            + " + ".join(
                f"{p.units} x {p.unit_price}" + (f" + {p.flat_price}" if p.flat_price else "") for p in line.parts
            )
            + ")"
        )
        lines.append(
            f"{'ok' if line.matches else 'MISMATCH':>8}  {line.meter_name}{group}{flag}: {line.events} events -> "
            f"quantity {line.quantity} - free {line.free} - credits {line.credits_used} = {line.billable} {priced} = "
            f"{line.exact_amount} -> {line.amount} (issued {line.issued_amount})"
        )
        if line.late_for:
            lines.append(
                f"          re-rates the cycle {line.late_for.start.isoformat()} .. {line.late_for.end.isoformat()} "
                f"(invoice {line.late_for.invoice_id}): billed {line.late_for.billed}, now {line.late_for.rerated}, "
                f"difference {line.amount}"
            )
    lines.append(
        f"fixed price {e.price}; total {e.total} (issued {e.issued_total}); wallet paid {e.wallet_paid} "
        f"(invoice shows {e.wallet_applied}): {'MATCHES' if e.matches else 'DOES NOT MATCH'}"
    )
    return "\n".join(lines)


def invoice_id(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError:
        raise UserError(
            f"{text!r} is not an invoice id", "an invoice id is a UUID, as `GET /invoices` or the dashboard shows it"
        ) from None


def check(args: argparse.Namespace) -> None:
    """Refuses what cannot succeed before opening the database, with what to do instead."""
    if args.what != "verify" and not args.id:
        raise UserError(f"`tally audit {args.what}` needs an id", "tally audit KIND ID, e.g. tally audit meter UUID")
    if args.what == "explain":
        invoice_id(args.id)
    if args.what in EXTERNAL_KEYS and not args.business:
        try:
            uuid.UUID(args.id)
        except ValueError:
            raise UserError(
                f"{args.what} {args.id!r} is an external id, which only means something within one business",
                f"add --business NAME, e.g. tally audit {args.what} {args.id} --business acme",
            ) from None


def run(args: argparse.Namespace) -> int:
    check(args)
    tally, _ = open_tally(args.data_dir, pool_size=2)
    business = business_id(args.business) if args.business else None
    try:
        if args.what == "explain":
            try:
                explanation = tally.explainer.explain_invoice(business, invoice_id(args.id))
            except AggregateNotFoundError:
                raise NotFound("invoice", args.id) from None
            print(render_explanation(explanation))
            return 0 if explanation.matches else 1
        if args.what == "verify":
            verdict = tally.verification.verify(business, progress_bar("verifying"))
            sys.stderr.write("\n")
            for f in verdict.findings:
                print(f"MISMATCH {f.kind} {f.id}: {f.detail}")
            print(
                f"{verdict.entitlements} credit entitlements, {verdict.invoices} invoices, {verdict.wallets} wallets "
                "verified; "
                f"{len(verdict.findings)} mismatch(es)"
            )
            return 1 if verdict.findings else 0
        print(render_history(tally.audit.history(business, args.what, args.id, version=args.version, at=args.at)))
        return 0
    finally:
        tally.close()
