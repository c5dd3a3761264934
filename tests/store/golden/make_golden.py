"""Makes the golden store: a small store as this version of tally writes it, dumped as SQL, and the invoices
it answers, as JSON. tests/store/test_golden_store.py opens the dump with the code of its day, lets start-up
upgrade it, and asks for the same invoices. Run it again only to make a new golden store (the old one stays
the older: keep both when you do, so the oldest store a release must open stays tested).

    .venv/bin/python -m tests.store.golden.make_golden [--out DIR]

It uses DATABASE_URL when set, else an embedded PostgreSQL of its own. What the store holds: three
customers; meters of every aggregation; a product with a graduated price, one with per-unit prices, one
spending a credit entitlement; a subscription changed from one plan to the other mid-cycle (an invoice at
the change), September closed (invoices), October's usage left open; the test closes October."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import psycopg
from litestar.testing import TestClient
from psycopg import sql

from application.tally import Tally
from domain.credit_rules import Attachment, EntitlementTerms
from domain.pricing_models import Tier
from domain.rating import UsagePrice
from domain.usage_event import IncomingEvent
from interfaces.bootstrap import open_store
from interfaces.cli.dump import program
from interfaces.http.app import create_app
from projections.engine.registry import all_projections
from projections.engine.worker import Worker, wait_for
from store.config import store_env

HERE = Path(__file__).parent
BUSINESS = "golden"
# The schema the dump names; the test puts its own in its place.
SCHEMA = "tally_golden_store"
SEPTEMBER = datetime(2026, 9, 1, tzinfo=timezone.utc)
CHANGE_AT = datetime(2026, 9, 16, tzinfo=timezone.utc)
OCTOBER = datetime(2026, 10, 1, tzinfo=timezone.utc)
SEPTEMBER_CLOSED_AT = datetime(2026, 10, 2, tzinfo=timezone.utc)
# When the test closes October, on the upgraded store.
OCTOBER_CLOSED_AT = datetime(2026, 11, 2, tzinfo=timezone.utc)
D = Decimal


@contextmanager
def database() -> Iterator[str]:
    if os.environ.get("DATABASE_URL"):
        yield os.environ["DATABASE_URL"]
        return
    from tests.conftest import embedded_server

    with embedded_server() as url:
        yield url


def usage(customer: str, name: str, start: datetime, n: int, metadata: Any, prefix: str) -> list[IncomingEvent]:
    """n events two hours apart from `start`; `metadata(i)` gives each its metadata."""
    return [
        IncomingEvent(f"{prefix}-{i}", customer, name, start + timedelta(hours=2 * i, minutes=i), metadata(i))
        for i in range(n)
    ]


def scenario(tally: Tally) -> dict[str, Any]:
    """Writes the store; answers the ids the test needs."""
    tally.businesses.create_key(BUSINESS)
    business = tally.businesses.business_named(BUSINESS)
    for external_id, name in (("cus_ada", "Ada"), ("cus_bo", "Bo"), ("cus_cy", None)):
        tally.customers.create_customer(business, external_id, name, f"{external_id}@example.com")
    meters = {
        kind: tally.meters.create_meter(business, f"{kind} meter", event, {"type": kind, **extra}).id
        for kind, event, extra in (
            ("count", "api.call", {}),
            ("sum", "llm", {"key": "tokens"}),
            ("max", "seats", {"key": "seats"}),
            ("min", "latency", {"key": "ms"}),
            ("avg", "cpu", {"key": "load"}),
            ("last", "storage", {"key": "gb"}),
            ("unique_count", "login", {"key": "user"}),
        )
    }
    credits = tally.entitlements.define(
        business,
        EntitlementTerms(
            "API credits",
            "credits",
            0,
            overage_enabled=True,
            overage_behavior="invoice_at_billing",
            price_per_unit=D("0.05"),
            currency="USD",
        ),
    ).id
    tiers = (Tier(D(5), D("0.10")), Tier(D(12), D("0.05"), D("1.00")), Tier(None, D("0.02")))

    def per_unit(kind: str, unit: str, free: str = "0") -> UsagePrice:
        return UsagePrice(str(meters[kind]), D(unit), D(free))

    basic = tally.catalogue.create_product(
        business,
        "Basic",
        "USD",
        D("10.00"),
        "month",
        1,
        [
            UsagePrice(str(meters["count"]), D(0), D(2), model="graduated", tiers=tiers),
            per_unit("sum", "0.001", "1000"),
            per_unit("max", "2.50"),
            per_unit("last", "0.25"),
            per_unit("unique_count", "1.10"),
        ],
    ).id
    pro = tally.catalogue.create_product(
        business,
        "Pro",
        "USD",
        D("30.00"),
        "month",
        1,
        [per_unit("count", "0.03", "10"), per_unit("min", "0.01"), per_unit("avg", "1.5"), per_unit("sum", "0.0005")],
    ).id
    metered_credits = tally.catalogue.create_product(
        business,
        "Credits",
        "USD",
        D(0),
        "month",
        1,
        [UsagePrice(str(meters["count"]), D(0), D(0), credit_entitlement_id=str(credits), meter_units_per_credit=D(1))],
        [Attachment(str(credits), D(10), {})],
    ).id
    ada = tally.subscriptions.start_subscription(business, "cus_ada", basic, SEPTEMBER, SEPTEMBER_CLOSED_AT).id
    bo = tally.subscriptions.start_subscription(business, "cus_bo", metered_credits, SEPTEMBER, SEPTEMBER_CLOSED_AT).id
    cy = tally.subscriptions.start_subscription(business, "cus_cy", basic, OCTOBER, SEPTEMBER_CLOSED_AT).id

    def ingest(events: list[IncomingEvent]) -> None:
        tally.ingestion.ingest(business, events, SEPTEMBER_CLOSED_AT + timedelta(days=60))

    for customer, start, prefix in (
        ("cus_ada", SEPTEMBER, "sep"),
        ("cus_ada", OCTOBER, "oct"),
        ("cus_cy", OCTOBER, "oct"),
    ):
        ingest(usage(customer, "api.call", start, 16, lambda i: {}, f"{customer}-{prefix}-call"))
        ingest(usage(customer, "llm", start, 8, lambda i: {"tokens": 400 + 75 * i}, f"{customer}-{prefix}-llm"))
        ingest(usage(customer, "seats", start, 4, lambda i: {"seats": [3, 5, 4, 2][i]}, f"{customer}-{prefix}-seat"))
        ingest(usage(customer, "latency", start, 4, lambda i: {"ms": 120 - 7 * i}, f"{customer}-{prefix}-ms"))
        ingest(
            usage(
                customer,
                "cpu",
                start,
                4,
                lambda i: {"load": ["0.5", "1.25", "2", "0.75"][i]},
                f"{customer}-{prefix}-cpu",
            )
        )
        ingest(usage(customer, "storage", start, 3, lambda i: {"gb": [10, 12, "11.5"][i]}, f"{customer}-{prefix}-gb"))
        ingest(usage(customer, "login", start, 6, lambda i: {"user": f"u{i % 4}"}, f"{customer}-{prefix}-login"))
    for start, prefix in ((SEPTEMBER, "sep"), (OCTOBER, "oct")):
        ingest(usage("cus_bo", "api.call", start, 14, lambda i: {}, f"cus_bo-{prefix}-call"))
    changed = tally.plan_changes.change_plan(
        business, ada, pro, 1, "prorated_immediately", CHANGE_AT, SEPTEMBER_CLOSED_AT
    )
    issued = [i.id for i in changed.invoices]
    for subscription in (ada, bo):
        issued += tally.billing.close_cycles(business, subscription, SEPTEMBER_CLOSED_AT)
    return {"business": str(business), "subscriptions": [str(s) for s in (ada, bo, cy)], "issued": issued}


def invoice_bodies(client: TestClient, key: str, ids: list[uuid.UUID]) -> list[dict[str, Any]]:
    auth = {"Authorization": f"Bearer {key}"}
    bodies = []
    for invoice in ids:
        answer = client.get(f"/invoices/{invoice}", headers=auth)
        answer.raise_for_status()
        bodies.append(answer.json())
    return bodies


# psql's own commands, comments, and a setting PostgreSQL before 17 does not know: not for psycopg.
SKIPPED = ("\\", "--", "SET transaction_timeout")
# A bytea literal as pg_dump writes it (hex), e.g. an event's JSON state.
BYTEA = re.compile(r"'\\x([0-9a-f]*)'")


def readable(found: re.Match[str]) -> str:
    """Bytes that are UTF-8 text (an event's JSON) written as that text, the same bytes once restored: diffs
    of the dump show what changed, at half the size of hex."""
    try:
        text = bytes.fromhex(found[1]).decode("utf-8")
    except UnicodeDecodeError:
        return found[0]
    if "\x00" in text:
        return found[0]
    return "convert_to('" + text.replace("'", "''") + "', 'UTF8')"


def dump(url: str, target: Path) -> None:
    """pg_dump of the schema as INSERTs (so the test restores it with psycopg alone, and diffs read), without
    psql's own commands."""
    done = subprocess.run(
        [program("pg_dump"), "--dbname", url, "--schema", SCHEMA, "--inserts", "--no-owner", "--no-privileges"],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = [line for line in done.stdout.splitlines() if not line.startswith(SKIPPED)]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
    target.write_text(BYTEA.sub(readable, text))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args()
    with database() as url:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(SCHEMA)))
        tally = open_store(store_env(url, SCHEMA))
        worker = Worker(tally.store, all_projections(SCHEMA))
        worker.setup()
        thread = threading.Thread(target=worker.run, daemon=True)
        thread.start()
        try:
            made = scenario(tally)
            assert wait_for(tally.store, [p.name for p in worker.projections], tally.store.head(), 60)
            key = tally.businesses.create_key(BUSINESS)
            assert wait_for(tally.store, [p.name for p in worker.projections], tally.store.head(), 60)
            with TestClient(create_app(tally)) as client:
                issued = invoice_bodies(client, key, made["issued"])
                worker.stop()
                thread.join(30)
                dump(url, args.out / "store.sql")
                worker = Worker(tally.store, all_projections(SCHEMA))
                thread = threading.Thread(target=worker.run, daemon=True)
                thread.start()
                business = uuid.UUID(made["business"])
                october = [
                    i
                    for s in made["subscriptions"]
                    for i in tally.billing.close_cycles(business, uuid.UUID(s), OCTOBER_CLOSED_AT)
                ]
                assert wait_for(tally.store, [p.name for p in worker.projections], tally.store.head(), 60)
                closed = invoice_bodies(client, key, october)
                worker.stop()
                thread.join(30)
        finally:
            worker.stop()
            thread.join(30)
            tally.close()
        record = {
            "made_by": "tests/store/golden/make_golden.py",
            "schema": SCHEMA,
            "business": BUSINESS,
            "issued": issued,
            "closed_by_the_test": {
                "subscriptions": made["subscriptions"],
                "at": OCTOBER_CLOSED_AT.isoformat(),
                "invoices": closed,
            },
        }
        (args.out / "invoices.json").write_text(json.dumps(record, indent=1, sort_keys=True) + "\n")
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(SCHEMA)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
