"""One benchmark run: the baseline and tally on the same PostgreSQL, driven by
the same load generator process, measured the same way, their maximum-ingest
runs alternating (docs/performance.md)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

import psycopg

from bench import access, baseline, dashboard_overview, portal, scale, usage_query
from bench.bodies import customer
from bench.environment import machine, postgres
from bench.monitor import Lag, PeakMemory
from bench.plan import BATCHES, SCHEMA, Plan, Say, ingest_job, load
from bench.rebuild import rebuild_rate
from bench.servers import Service, start_baseline, start_tally
from bench.simulation import simulation_run
from bench.sustained import sustained
from interfaces.bootstrap import open_store
from projections.engine.registry import PROJECTIONS
from store.config import store_env

BASELINE_KEY = "bench-baseline-key"
SCALE_KEYS = (
    "all_customer_query_p99_ms",
    "long_history_events",
    "long_history_load_ms",
    "bytes_per_event",
    "baseline_bytes_per_event",
    "pace_events",
    "pace_businesses_per_partition",
    "worker_events_per_s_n1",
    "worker_events_per_s_n2",
    "audit_explain_ms",
    "audit_explain_events",
    "audit_explain_matches",
    "portal_page_p50_ms",
    "portal_page_p99_ms",
    "access_check_p50_ms",
    "access_check_p99_ms",
    "access_check_ingest_per_s",
    "consume_one_per_s",
    "consume_many_per_s",
)
# Measured only when the plan seeds invoices for it (the full run).
OVERVIEW_KEYS = ("overview_invoices", "overview_revenue_p50_ms", "overview_revenue_p99_ms")

LIVE_KEYS = ("live_ingest_events_per_s", "live_ingest_ratio", "live_catch_up_s")


def start_both(url: str, plan: Plan, folder: Path, say: Say) -> tuple[Service, Service, str, str]:
    """Both services up at once, so their maximum-ingest runs can alternate a few seconds apart:
    on a shared machine that keeps the ratio honest when the background load drifts."""
    baseline.create_table(url)
    key, meter = prepare_tally(url, plan)
    base = start_baseline(url, BASELINE_KEY, plan.servers, folder)
    try:
        mine = start_tally(url, SCHEMA, plan.servers, folder)
    except Exception:
        base.stop()
        raise
    say("baseline and tally serve are up")
    return base, mine, key, meter


def prepare_tally(url: str, plan: Plan) -> tuple[str, str]:
    """A business, its key, the customers the events name and a meter, written through tally itself."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
    tally = open_store(store_env(url, SCHEMA, pool_size=2))
    try:
        key = tally.businesses.create_key("bench")
        business = tally.businesses.authenticate(key)
        for n in range(plan.customers):
            tally.customers.create_customer(business, customer(n, plan.customers), None, None)
        meter = usage_query.create_meter(tally, business)
    finally:
        tally.close()
    return key, meter


def measure(url: str, plan: Plan, folder: Path, say: Say) -> dict[str, Any]:
    base, service, key, meter = start_both(url, plan, folder, say)
    base_memory, memory = PeakMemory(base), PeakMemory(service)
    base_memory.sampler.start()
    memory.sampler.start()
    lag = Lag(url, SCHEMA, list(PROJECTIONS))
    lag.sampler.start()
    out: dict[str, Any] = {"runs": {}, "baseline_runs": {}}
    try:
        for round_ in range(plan.rounds):
            for batch in BATCHES if round_ == 0 else BATCHES[-1:]:  # repeats only where the maxima lie
                theirs = load(ingest_job(base, BASELINE_KEY, plan, batch, f"m{batch}r{round_}"))
                _, before = lag.now()
                started = time.monotonic()
                run = load(ingest_job(service, key, plan, batch, f"m{batch}r{round_}"))
                say(
                    f"{batch}-event batches: baseline {theirs['events_per_s']:,.0f} events/s, "
                    f"tally {run['events_per_s']:,.0f} events/s"
                )
                head, position = lag.now()
                catch_up = lag.caught_up(plan.drain_timeout_s)
                # The worker's pace, where the sustained search starts: on its backlog once the load stopped,
                # or, when it kept nearly up with the load (a backlog too small to time), every event of the
                # run applied between the run's start and the catch-up, under the run's contention.
                paces = [out.get("worker_events_per_s", 0), (head - before) / (time.monotonic() - started)]
                if catch_up > 0.3:
                    paces.append((head - position) / catch_up)
                out["worker_events_per_s"] = round(max(paces))
                out["baseline_runs"][batch] = _best(out["baseline_runs"].get(batch), theirs)
                if _best(out["runs"].get(batch), run) is run:
                    out["runs"][batch], out[f"catch_up_after_{batch}_s"] = run, round(catch_up, 2)
        base_memory.sampler.stop()
        base.stop()
        baseline_max = max(r["events_per_s"] for r in out["baseline_runs"].values())
        out.update(live_round(service, key, plan, lag, baseline_max, say))
        dup = load(ingest_job(service, key, plan, 1000, "dup", resend_prefix="m1000r0"))
        out["duplicate_events_per_s"] = round(dup["events_per_s"])
        say(f"tally, half resent: {dup['events_per_s']:,.0f} events/s")
        fresh = max(r["events_per_s"] for r in out["runs"].values())
        # The worker draining a backlog with the API idle (N = 1), and split in two (N = 2); the sustained
        # search starts from the better of that and what the runs above showed of the worker.
        out.update(scale.worker_pace(url, plan.pace_events))
        say(
            f"worker pace over {out['pace_events']:,} events of {scale.BUSINESSES} businesses: "
            f"N=1 {out['worker_events_per_s_n1']:,}/s, N=2 {out['worker_events_per_s_n2']:,}/s"
        )
        worker_rate = max(out.get("worker_events_per_s", 0), out["worker_events_per_s_n1"])
        out["worker_events_per_s"] = worker_rate
        out.update(sustained(service, key, plan, lag, 0.8 * min(worker_rate, fresh), fresh, say))
        # Open loop at half the sustained rate beside the access checks: a rate of 0 would send flat out.
        half = max(out["sustained_events_per_s"] / 2, 100)
        out.update(reads(url, service, key, meter, plan, lag, say, half))
        out.update(scale.bytes_per_event(url, SCHEMA, baseline.TABLE))
    finally:
        lag.close()
        memory.sampler.stop()
        service.stop()
        base.stop()
    out.update(memory.summary())
    out["baseline_api_rss_mb"] = base_memory.summary()["api_rss_mb"]
    return out


def reads(
    url: str, service: Service, key: str, meter: str, plan: Plan, lag: Lag, say: Say, ingest_rate: float | None = None
) -> dict[str, Any]:
    """What is read once the store holds the plan's events: the usage query of one customer's month and of
    every customer's, the access check (with ingest at `ingest_rate` beside it) and consumes, the customer
    portal's page, a wallet with a long history, `audit explain` of one invoice, the dashboard's overview with
    the revenue charts over 10,000 invoices, and a rebuild. Without an `ingest_rate` (a scale run) the access,
    portal and overview measures are left out."""
    out: dict[str, Any] = {}
    tally = open_store(store_env(url, SCHEMA, pool_size=4))
    try:
        business = tally.businesses.authenticate(key)
        added = usage_query.seed(tally, business, plan.customers, plan.query_events)
        if added:
            say(f"seeded {added:,} events for the usage query")
        lag.caught_up(plan.drain_timeout_s + added / 5000)
        out["events_in_store"] = tally.store.head()
        usage_query.settle(url, SCHEMA)
        query = load(
            {
                "kind": "query",
                "host": "127.0.0.1",
                "port": service.port,
                "key": key,
                "warmup": usage_query.WARMUP,
                "paths": usage_query.month_paths(meter, plan.customers, usage_query.WARMUP + plan.queries),
            }
        )
        if query["failed_requests"]:
            raise RuntimeError(f"usage queries failed: {query['failure_sample']}")
        out["usage_query_p50_ms"], out["usage_query_p99_ms"] = round(query["p50_ms"], 2), round(query["p99_ms"], 2)
        say(
            f"usage query over {out['events_in_store']:,} events: p50 {query['p50_ms']:.1f} ms, "
            f"p99 {query['p99_ms']:.1f} ms"
        )
        everyone = load(
            {
                "kind": "query",
                "host": "127.0.0.1",
                "port": service.port,
                "key": key,
                "warmup": usage_query.WARMUP,
                "paths": usage_query.month_paths(meter, None, usage_query.WARMUP + plan.queries // 5),
            }
        )
        if everyone["failed_requests"]:
            raise RuntimeError(f"usage queries failed: {everyone['failure_sample']}")
        out["all_customer_query_p99_ms"] = round(everyone["p99_ms"], 2)
        say(f"every customer's month: p99 {everyone['p99_ms']:.1f} ms")
        if ingest_rate is not None:
            access.subscribe(tally, business, meter, plan.customers)
            lag.caught_up(plan.drain_timeout_s)
            out.update(access.measure(service, key, plan, meter, ingest_rate, say))
            out.update(portal.measure(service, key, plan, customer(0, plan.customers), say))
        out.update(scale.long_history_load(tally, business, customer(0, plan.customers), plan.history_events))
        say(f"wallet of {plan.history_events:,} events loads in {out['long_history_load_ms']} ms")
        out.update(scale.explain_time(tally, business, meter, customer(7, plan.customers)))
        say(
            f"audit explain of one invoice ({out['audit_explain_events']:,} events counted): "
            f"{out['audit_explain_ms']} ms"
        )
        if ingest_rate is not None and plan.overview_invoices:
            out["overview_invoices"] = dashboard_overview.seed_invoices(tally, business, plan.overview_invoices)
            lag.caught_up(plan.drain_timeout_s)
            out.update(dashboard_overview.overview_p99(service.port, key))
            say(
                f"overview with the revenue charts ({out['overview_invoices']:,} invoices, "
                f"{tally.store.head():,} events in the log): p99 {out['overview_revenue_p99_ms']} ms"
            )
        out["rebuild_events_per_s"] = round(rebuild_rate(tally.store, plan.rebuild_events))
    finally:
        tally.close()
    say(f"rebuild of every projection: {out['rebuild_events_per_s']:,} events/s")
    return out


def live_round(service: Service, key: str, plan: Plan, lag: Lag, baseline_max: float, say: Say) -> dict[str, Any]:
    """The "live" load shape (every event stamped now, many per customer-minute) in its own rows: one
    maximum-ingest run of 1,000-event batches, and the catch-up after it. Its ratio is against the baseline's
    best spread run: the baseline stores a row whatever its timestamp, so a live run of its own would only
    add the machine's noise."""
    run = load(ingest_job(service, key, plan, 1000, "live", shape="live"))
    catch_up = lag.caught_up(plan.drain_timeout_s)
    say(f"live shape, 1000-event batches: tally {run['events_per_s']:,.0f} events/s, caught up {catch_up:.2f}s after")
    return {
        "live_ingest_events_per_s": round(run["events_per_s"]),
        "live_ingest_ratio": round(run["events_per_s"] / baseline_max, 3),
        "live_catch_up_s": round(catch_up, 2),
    }


def run(plan: Plan, say: Say) -> dict[str, Any]:
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="tally-bench-") as tmp, postgres(Path(tmp)) as url:
        result: dict[str, Any] = {"mode": plan.name, **machine(url), "api_processes_per_side": plan.servers}
        say(f"PostgreSQL {result['postgres_version']} ready")
        mine = measure(url, plan, Path(tmp), say)
        simulation = simulation_run(url, plan.simulation_subscribers, Path(tmp), say)
    base = mine["baseline_runs"]
    baseline_max = max(base[b]["events_per_s"] for b in BATCHES)
    ingest_max = max(mine["runs"][b]["events_per_s"] for b in BATCHES)
    result.update(
        {
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
            "baseline_api_rss_mb": mine["baseline_api_rss_mb"],
            "by_batch": {
                str(b): {
                    "baseline_events_per_s": round(base[b]["events_per_s"]),
                    "tally_events_per_s": round(mine["runs"][b]["events_per_s"]),
                    "baseline_latency_p99_ms": round(base[b]["latency_p99_ms"], 1),
                    "tally_latency_p99_ms": round(mine["runs"][b]["latency_p99_ms"], 1),
                }
                for b in BATCHES
            },
            **simulation,
            "sustained_steps": mine["sustained_steps"],
            "sustained_window_s": plan.sustained_window_s,
            "catch_up_s": {str(b): mine[f"catch_up_after_{b}_s"] for b in BATCHES},
            "duration_s": round(time.monotonic() - started, 1),
            **{k: mine[k] for k in SCALE_KEYS + LIVE_KEYS},
            **{k: mine[k] for k in OVERVIEW_KEYS if k in mine},
            "notes": []
            if mine["events_in_store"] >= 1_000_000
            else [f"usage query measured over {mine['events_in_store']:,} stored events, not 1 M (quick mode)"],
        }
    )
    return result


def run_simulation(plan: Plan, say: Say) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="tally-bench-") as tmp, postgres(Path(tmp)) as url:
        result: dict[str, Any] = {"mode": plan.name, **machine(url)}
        say(f"PostgreSQL {result['postgres_version']} ready")
        result.update(simulation_run(url, plan.simulation_subscribers, Path(tmp), say))
    return result


def _best(kept: dict[str, Any] | None, run: dict[str, Any]) -> dict[str, Any]:
    return run if kept is None or run["events_per_s"] > kept["events_per_s"] else kept
