"""The run as a table for people and as JSON for machines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

TARGETS = {
    "ingest_ratio": (">=", 0.75),
    "sustained_ratio": (">=", 0.5),
    "projection_lag_p99_s": ("<=", 1.0),
    "usage_query_p99_ms": ("<", 20.0),
    "rebuild_events_per_s": (">=", 50_000.0),
    "all_customer_query_p99_ms": ("<", 50.0),
    "audit_explain_ms": ("<", 1000.0),
    "overview_revenue_p99_ms": ("<", 200.0),
    "api_rss_mb": ("<", 300.0),
    "worker_rss_mb": ("<", 300.0),
    "simulation_s": ("<", 30.0),
    "simulation_usage_lag_max_s": ("<=", 2.0),
    "access_check_p99_ms": ("<", 10.0),
    "portal_page_p99_ms": ("<", 100.0),
    "consume_one_per_s": (">=", 2000.0),
    "consume_many_per_s": (">=", 5000.0),
}

ROWS = [
    ("baseline, max ingest", "baseline_events_per_s", "events/s"),
    ("tally, max ingest", "ingest_events_per_s", "events/s"),
    ("ingest ratio", "ingest_ratio", ""),
    ("tally, max ingest, live shape", "live_ingest_events_per_s", "events/s"),
    ("ingest ratio, live shape (against the baseline's max)", "live_ingest_ratio", ""),
    ("catch-up after the live-shape run", "live_catch_up_s", "s"),
    ("tally, sustained (lag <= 2 s)", "sustained_events_per_s", "events/s"),
    ("sustained ratio", "sustained_ratio", ""),
    ("projection lag p50", "projection_lag_p50_s", "s"),
    ("projection lag p99", "projection_lag_p99_s", "s"),
    ("projection worker pace", "worker_events_per_s", "events/s"),
    ("worker pace, usage whole (N = 1)", "worker_events_per_s_n1", "events/s"),
    ("worker pace, usage split in 2 (N = 2)", "worker_events_per_s_n2", "events/s"),
    ("tally, half the events resent", "duplicate_events_per_s", "events/s"),
    ("resent vs fresh", "duplicate_vs_fresh", ""),
    ("usage query p50", "usage_query_p50_ms", "ms"),
    ("usage query p99", "usage_query_p99_ms", "ms"),
    ("every customer's month, p99", "all_customer_query_p99_ms", "ms"),
    ("wallet with a long history, load", "long_history_load_ms", "ms"),
    ("audit explain of one invoice", "audit_explain_ms", "ms"),
    ("customer portal page p50", "portal_page_p50_ms", "ms"),
    ("customer portal page p99", "portal_page_p99_ms", "ms"),
    ("access check p50, ingest at half the sustained rate", "access_check_p50_ms", "ms"),
    ("access check p99, ingest at half the sustained rate", "access_check_p99_ms", "ms"),
    ("ingest beside the access checks", "access_check_ingest_per_s", "events/s"),
    ("consume, one customer", "consume_one_per_s", "consumes/s"),
    ("consume, 100 customers", "consume_many_per_s", "consumes/s"),
    ("invoices behind the overview", "overview_invoices", ""),
    ("overview with the revenue charts p99 (target at 1 M events, 10,000 invoices)", "overview_revenue_p99_ms", "ms"),
    ("bytes on disk per event (store + read models)", "bytes_per_event", "B"),
    ("baseline bytes on disk per event", "baseline_bytes_per_event", "B"),
    ("projection rebuild", "rebuild_events_per_s", "events/s"),
    ("events in store", "events_in_store", ""),
    ("API peak RSS (largest process)", "api_rss_mb", "MB"),
    ("worker peak RSS", "worker_rss_mb", "MB"),
    ("baseline API peak RSS", "baseline_api_rss_mb", "MB"),
]
SIMULATION_ROWS = [
    ("price simulation, subscribers x 3 cycles", "simulation_subscribers", "subscribers"),
    ("price simulation, POST to done", "simulation_s", "s"),
    ("usage projection lag max during it", "simulation_usage_lag_max_s", "s"),
]


def verdict(key: str, value: Any) -> str:
    if key not in TARGETS:
        return ""
    op, bound = TARGETS[key]
    if value is None:
        return "not measured"
    ok = value >= bound if op == ">=" else value <= bound if op == "<=" else value < bound
    return f"{'met' if ok else 'MISSED'} ({op} {bound:,g})"


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float) and value < 100:
        return f"{value:.3g}" if value < 10 else f"{value:.1f}"
    return f"{value:,}" if isinstance(value, int) else f"{value:,.0f}"


def table(result: dict[str, Any]) -> str:
    lines = [
        f"tally bench ({result['mode']}) {result['date']}, commit {result['git_commit']}, "
        f"{result['cores']} cores, PostgreSQL {result['postgres_version']}, "
        f"{result['api_processes_per_side']} API processes per side",
        "PostgreSQL settings: " + ", ".join(f"{k}={v}" for k, v in result.get("postgres_settings", {}).items()),
        "",
        "| measure | value | unit | target |",
        "|---|---:|---|---|",
    ]
    lines += _rows(result, ROWS + SIMULATION_ROWS)
    lines += [
        "",
        "| batch | baseline events/s | tally events/s | baseline p99 ms | tally p99 ms |",
        "|---:|---:|---:|---:|---:|",
    ]
    for batch, row in result["by_batch"].items():
        lines.append(
            f"| {batch} | {row['baseline_events_per_s']:,} | {row['tally_events_per_s']:,} | "
            f"{row['baseline_latency_p99_ms']} | {row['tally_latency_p99_ms']} |"
        )
    lines += [
        "",
        f"sustained search ({result['sustained_window_s']:g} s per step): "
        + "; ".join(
            f"{s['offered_per_s']:,}/s {'pass' if s['passed'] else 'fail'} (lag max {s['lag_max_s']} s)"
            for s in result["sustained_steps"]
        ),
    ]
    if result.get("notes"):
        lines += [f"note: {n}" for n in result["notes"]]
    return "\n".join(lines)


def _rows(result: dict[str, Any], rows: list[tuple[str, str, str]]) -> list[str]:
    return [
        f"| {label} | {_fmt(result.get(key))} | {unit} | {verdict(key, result.get(key))} |" for label, key, unit in rows
    ]


SCALE_ROWS = [
    ("events in store", "events_in_store", ""),
    ("load through POST /events/ingest", "scale_load_events_per_s", "events/s"),
    ("catch-up after the load", "scale_catch_up_s", "s"),
    ("usage query p50", "usage_query_p50_ms", "ms"),
    ("usage query p99", "usage_query_p99_ms", "ms"),
    ("every customer's month, p99", "all_customer_query_p99_ms", "ms"),
    ("audit explain of one invoice", "audit_explain_ms", "ms"),
    ("projection rebuild", "rebuild_events_per_s", "events/s"),
    ("bytes on disk per event (store + read models)", "bytes_per_event", "B"),
    ("store size on disk", "store_mb", "MB"),
    ("API peak RSS (largest process)", "api_rss_mb", "MB"),
    ("worker peak RSS", "worker_rss_mb", "MB"),
]


def scale_table(result: dict[str, Any]) -> str:
    """`tally bench --scale N`: what is read at N events, and the store's size."""
    return "\n".join(
        [
            f"tally bench ({result['mode']} events) {result['date']}, commit {result['git_commit']}, "
            f"{result['cores']} cores, PostgreSQL {result['postgres_version']}",
            "",
            "| measure | value | unit | target |",
            "|---|---:|---|---|",
            *_rows(result, SCALE_ROWS),
        ]
    )


def simulation_table(result: dict[str, Any]) -> str:
    """`tally bench --only simulation`: the simulation's rows alone."""
    return "\n".join(
        [
            f"tally bench ({result['mode']}, simulation only) {result['date']}, commit "
            f"{result['git_commit']}, {result['cores']} cores, PostgreSQL {result['postgres_version']}",
            "",
            "| measure | value | unit | target |",
            "|---|---:|---|---|",
            *_rows(result, SIMULATION_ROWS),
        ]
    )


def write_json(result: dict[str, Any], path: str) -> None:
    Path(path).write_text(json.dumps(result, indent=2) + "\n")
