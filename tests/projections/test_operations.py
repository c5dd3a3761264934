"""Projection operations: rebuild from zero equals the incremental result; verify finds every difference."""

import os
import subprocess
import sys

import pytest
from psycopg import sql

from projections.engine import operations
from projections.engine.registry import PROJECTIONS
from projections.engine.tracking import read_positions
from tests.projections.workload import drain, run_billing, run_workload


def snapshot(tally):
    """Every row of every live projection table, in key order, and the positions."""
    rows = {}
    with tally.store.datastore.transaction(commit=False) as cur:
        for cls in PROJECTIONS.values():
            for table, keys in cls.keys.items():
                order = sql.SQL(", ").join(sql.Identifier(k) for k in keys)
                cur.execute(
                    sql.SQL("SELECT * FROM {}.{} ORDER BY {}").format(
                        sql.Identifier(tally.store.schema), sql.Identifier(table), order
                    )
                )
                rows[table] = cur.fetchall()
        rows["positions"] = read_positions(cur, tally.store.schema)
    return rows


def relations(tally):
    with tally.store.datastore.transaction(commit=False) as cur:
        cur.execute(
            "SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE nspname = %s ORDER BY relname",
            (tally.store.schema,),
        )
        return [r["relname"] for r in cur.fetchall()]


@pytest.fixture
def worked(tally):
    meter = run_workload(tally)
    drain(tally)
    run_billing(tally, meter)
    drain(tally)
    return tally


def test_the_workload_counts_in_meters(worked):
    rows = snapshot(worked)
    assert len(rows["meters"]) == 7 and sum(m["skipped"] for m in rows["meters"]) > 0
    assert (
        rows["meter_usage"]
        and rows["meter_uniques"]
        and all(m["backfill_cursor"] == m["backfill_upto"] for m in rows["meters"])
    )


@pytest.mark.parametrize("name", list(PROJECTIONS))
def test_a_rebuild_from_zero_equals_the_incremental_result(worked, name):
    before, names = snapshot(worked), relations(worked)
    assert operations.rebuild(worked.store, name) == worked.store.head()
    assert snapshot(worked) == before
    after = relations(worked)
    assert len(after) == len(names) and not [n for n in after if "__" in n], "no __next table or index is left"
    assert [n for n in after if not n.endswith(("_idx", "_pkey", "_key"))] == [
        n for n in names if not n.endswith(("_idx", "_pkey", "_key"))
    ], "tables keep their live names"


def test_a_rebuild_whose_pages_split_buckets_merges_them_as_the_worker_did(worked, monkeypatch):
    """A build appends each page's minute buckets and merges them at its end: pages of 7 events leave many
    buckets in several parts."""
    before = snapshot(worked)
    monkeypatch.setattr(operations, "BUILD_PAGE_SIZE", 7)
    operations.rebuild(worked.store, "usage")
    assert snapshot(worked) == before


@pytest.mark.parametrize("name", list(PROJECTIONS))
def test_verify_finds_no_difference_after_the_workload(worked, name):
    names = relations(worked)
    assert operations.verify(worked.store, name).complete
    assert relations(worked) == names, "scratch tables are dropped"


def test_verify_reports_a_corrupted_bucket(worked):
    with worked.store.datastore.transaction(commit=True) as cur:
        cur.execute(
            sql.SQL(
                "UPDATE {}.meter_usage SET sum = sum + 1 WHERE ctid = (SELECT ctid FROM {}.meter_usage LIMIT 1)"
            ).format(sql.Identifier(worked.store.schema), sql.Identifier(worked.store.schema))
        )
    differences = operations.verify(worked.store, "usage").differences
    assert len(differences) == 2
    assert differences[0].startswith("meter_usage: only live")
    assert differences[1].startswith("meter_usage: only rebuilt")


def test_a_rebuild_while_the_worker_runs_counts_new_events_once(tally, worker):
    run_workload(tally)
    worker.caught_up()
    business = tally.businesses.register_business("acme")
    from tests.projections.workload import NOW, events

    tally.ingestion.ingest(business, events("d", 500), NOW)
    operations.rebuild(tally.store, "usage")
    tally.ingestion.ingest(business, events("e", 100), NOW)
    worker.caught_up()
    drain(tally)
    assert operations.verify(tally.store, "usage").differences == []


def cli(database_url, schema, *args):
    env = {**os.environ, "DATABASE_URL": database_url, "TALLY_SCHEMA": schema}
    return subprocess.run(
        [sys.executable, "-m", "interfaces.cli.main", "projections", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.long
def test_the_cli_shows_status_and_verify_exits_1_on_a_difference(worked, database_url, schema):
    status = cli(database_url, schema, "status")
    assert status.returncode == 0 and "usage" in status.stdout and "customers" in status.stdout
    assert cli(database_url, schema, "verify", "usage").returncode == 0
    rebuilt = cli(database_url, schema, "rebuild", "customers")
    assert rebuilt.returncode == 0 and "100.0%" in rebuilt.stderr
    with worked.store.datastore.transaction(commit=True) as cur:
        cur.execute(
            sql.SQL("DELETE FROM {}.customers WHERE customer_id = 'cus_1'").format(sql.Identifier(worked.store.schema))
        )
    failed = cli(database_url, schema, "verify", "customers")
    assert failed.returncode == 1 and "customers: only rebuilt" in failed.stdout
