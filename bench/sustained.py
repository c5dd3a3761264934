"""Measure (b): the highest rate at which every projection stays within 2 s
of the log head for the whole window."""

from __future__ import annotations

import time
from typing import Any

from bench.load import percentile
from bench.monitor import Lag
from bench.plan import MAX_LAG_S, Plan, Say, ingest_job, load
from bench.servers import Service


def sustained(
    service: Service, key: str, plan: Plan, lag: Lag, start_rate: float, ceiling: float, say: Say
) -> dict[str, Any]:
    """Steps the offered rate up after a pass and down after a fail, then bisects; keeps the best pass."""
    rate, best, steps = start_rate, None, []
    for step in range(plan.sustained_steps):
        lag.caught_up(plan.drain_timeout_s)
        since = time.monotonic()
        run = load(
            ingest_job(
                service,
                key,
                plan,
                plan.sustained_batch,
                f"s{step}",
                rate=rate,
                duration=plan.sustained_window_s,
                concurrency=plan.concurrency * 4,
            )
        )
        window = lag.window(since)
        passed = bool(window) and max(window) <= MAX_LAG_S and run["events_per_s"] >= 0.9 * rate
        steps.append(
            {
                "offered_per_s": round(rate),
                "acked_per_s": round(run["events_per_s"]),
                "lag_max_s": round(max(window, default=0), 2),
                "passed": passed,
            }
        )
        say(
            f"tally sustained at {rate:,.0f}/s: acked {run['events_per_s']:,.0f}/s, "
            f"lag max {max(window, default=0):.2f}s -> {'pass' if passed else 'fail'}"
        )
        if passed and (best is None or run["events_per_s"] > best["events_per_s"]):
            best = {"events_per_s": run["events_per_s"], "lag": window}
        rate = next_rate(rate, passed, steps, ceiling)
    lags = best["lag"] if best else []
    return {
        "sustained_events_per_s": round(best["events_per_s"]) if best else 0,
        "projection_lag_p50_s": _round(percentile(lags, 50), 3),
        "projection_lag_p99_s": _round(percentile(lags, 99), 3),
        "sustained_steps": steps,
    }


def next_rate(rate: float, passed: bool, steps: list[dict[str, Any]], ceiling: float) -> float:
    """x1.25 after a pass and x0.8 after a fail until the rate is bracketed; then halfway between the highest
    rate that passed and the lowest that failed (alone, the two factors kept offering the same two rates)."""
    passes = [s["offered_per_s"] for s in steps if s["passed"]]
    fails = [s["offered_per_s"] for s in steps if not s["passed"]]
    if passes and fails and max(passes) < min(fails):
        return (max(passes) + min(fails)) / 2
    return min(rate * 1.25, ceiling) if passed else rate * 0.8


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)
