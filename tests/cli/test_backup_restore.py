"""`tally backup FILE` while `tally serve` ingests, `tally restore FILE --data-dir NEW`, and `tally serve` on
NEW: every event acknowledged before the backup began is there, batches are whole, the invoices are the
same, and `tally audit verify` finds no mismatch."""

import threading
import time
from datetime import datetime, timedelta, timezone

import pytest

from tests.cli.embedded import Served, tally
from tests.cli.processes import eventually

BATCH = 100


def iso(at: datetime) -> str:
    return at.isoformat().replace("+00:00", "Z")


def events_of(served: Served, key: str, customer: str) -> int:
    total, page = 0, 0
    while True:
        status, body = served.call("GET", f"/events?customer_id={customer}&page_size=1000&page_number={page}", key)
        assert status == 200, body
        items = body["items"]
        total += len(items)
        if len(items) < 1000:
            return total
        page += 1


def invoices_of(served: Served, key: str, customer: str) -> list[tuple[str, str, str]]:
    status, body = served.call("GET", f"/invoices?customer_id={customer}", key)
    assert status == 200, body
    return sorted((i["id"], i["total"], i["status"]) for i in body["items"])


@pytest.mark.long
def test_a_backup_taken_while_ingesting_restores_to_a_server_with_the_same_events_and_invoices(
    embedded_serve, scratch_folder
):
    source = embedded_serve(scratch_folder / "a")
    created = tally("keys", "create", "--business", "acme", "--data-dir", str(scratch_folder / "a"))
    assert created.returncode == 0, created.stderr
    key = created.stdout.strip().splitlines()[-1]
    now = datetime.now(timezone.utc)
    last_month = (now.replace(day=1) - timedelta(days=1)).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    _, meter = source.call(
        "POST", "/meters", key, {"name": "Calls", "event_name": "api.call", "aggregation": {"type": "count"}}
    )
    _, product = source.call(
        "POST",
        "/products",
        key,
        {
            "name": "Plan",
            "currency": "USD",
            "billing_interval": "month",
            "usage_prices": [{"meter_id": meter["id"], "unit_price": "0.02", "free_threshold": "10"}],
        },
    )
    for customer in ("cus_a", "cus_load"):
        assert source.call("POST", "/customers", key, {"customer_id": customer})[0] in (200, 201)
    events = [
        {
            "event_id": f"a-{i}",
            "customer_id": "cus_a",
            "event_name": "api.call",
            "timestamp": iso(last_month + timedelta(days=2, minutes=i)),
        }
        for i in range(300)
    ]
    assert source.call("POST", "/events/ingest", key, {"events": events})[0] == 200
    status, subscription = source.call(
        "POST",
        "/subscriptions",
        key,
        {"customer_id": "cus_a", "product_id": product["id"], "start": iso(last_month)},
    )
    assert status in (200, 201), subscription
    assert source.call("POST", f"/subscriptions/{subscription['id']}/close-cycle", key, {})[0] == 200
    invoices = eventually(lambda: invoices_of(source, key, "cus_a"), 30, "the closed cycle's invoice is listed")

    acked, stop = [0], threading.Event()

    def load() -> None:
        for i in range(500):
            if stop.is_set():
                return
            batch = [
                {
                    "event_id": f"load-{i}-{j}",
                    "customer_id": "cus_load",
                    "event_name": "api.call",
                    "timestamp": iso(last_month + timedelta(days=3, seconds=i * BATCH + j)),
                }
                for j in range(BATCH)
            ]
            if source.call("POST", "/events/ingest", key, {"events": batch})[0] == 200:
                acked[0] += 1

    loader = threading.Thread(target=load, daemon=True)
    loader.start()
    eventually(lambda: acked[0] >= 3, 60, "three batches acknowledged")
    acked_before = acked[0] * BATCH
    backup = scratch_folder / "tally.backup"
    started = time.monotonic()
    written = tally("backup", str(backup), "--data-dir", str(scratch_folder / "a"))
    took = time.monotonic() - started
    stop.set()
    loader.join(60)
    assert written.returncode == 0, written.stderr
    acked_after = acked[0] * BATCH
    print(f"backup under load: {written.stdout.strip()} (wall {took:.1f} s); {acked_before} events acked before it")
    source.stop()

    restored = tally("restore", str(backup), "--data-dir", str(scratch_folder / "b"))
    assert restored.returncode == 0, restored.stderr
    target = embedded_serve(scratch_folder / "b")
    assert eventually(lambda: invoices_of(target, key, "cus_a") == invoices, 60, "the same invoices")
    assert events_of(target, key, "cus_a") == 300
    loaded = events_of(target, key, "cus_load")
    assert loaded % BATCH == 0 and acked_before <= loaded <= acked_after
    target.stop()
    verified = tally("audit", "verify", "--data-dir", str(scratch_folder / "b"))
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "0 mismatch(es)" in verified.stdout
