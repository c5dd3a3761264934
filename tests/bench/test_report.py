"""The benchmark's verdicts and table."""

from datetime import datetime, timezone

import msgspec

from bench.bodies import body
from bench.load import percentile
from bench.report import scale_table, simulation_table, table, verdict
from bench.sustained import next_rate


def test_targets_are_judged_in_their_direction():
    assert verdict("ingest_ratio", 0.75).startswith("met")
    assert verdict("ingest_ratio", 0.74).startswith("MISSED")
    assert verdict("projection_lag_p99_s", 1.0).startswith("met")
    assert verdict("projection_lag_p99_s", 1.01).startswith("MISSED")
    assert verdict("usage_query_p99_ms", 20.0).startswith("MISSED")
    assert verdict("usage_query_p99_ms", None) == "not measured"
    assert verdict("events_in_store", 5) == ""


def test_percentiles_pick_a_measured_value():
    assert percentile([], 50) is None
    assert percentile([3.0, 1.0, 2.0], 50) == 2.0
    assert percentile([float(n) for n in range(100)], 99) == 98.0


def test_the_table_shows_every_measure_and_the_run():
    result = {
        "mode": "quick",
        "date": "2026-11-25 17:00 UTC",
        "git_commit": "abc",
        "cores": 2,
        "postgres_version": "18.6",
        "api_processes_per_side": 2,
        "ingest_ratio": 0.81,
        "by_batch": {
            "100": {
                "baseline_events_per_s": 10,
                "tally_events_per_s": 6,
                "baseline_latency_p99_ms": 1.0,
                "tally_latency_p99_ms": 2.0,
            }
        },
        "sustained_window_s": 4,
        "sustained_steps": [{"offered_per_s": 5, "passed": True, "lag_max_s": 0.1}],
        "notes": ["quick mode"],
    }
    text = table(result)
    assert "| ingest ratio | 0.81 |  | met (>= 0.75) |" in text
    assert "commit abc" in text and "note: quick mode" in text


def test_the_simulation_row_is_judged_against_30_s_and_a_2_s_lag():
    assert verdict("simulation_s", 24.6).startswith("met") and verdict("simulation_s", 30.0).startswith("MISSED")
    assert verdict("simulation_usage_lag_max_s", 2.0).startswith("met")
    assert verdict("simulation_usage_lag_max_s", 2.01).startswith("MISSED")
    text = simulation_table(
        {
            "mode": "full",
            "date": "2026-11-26 16:00 UTC",
            "git_commit": "abc",
            "cores": 2,
            "postgres_version": "18.6",
            "simulation_subscribers": 10000,
            "simulation_s": 24.63,
            "simulation_usage_lag_max_s": 1.18,
        }
    )
    assert "| price simulation, POST to done | 24.6 | s | met (< 30) |" in text
    assert "| price simulation, subscribers x 3 cycles | 10,000 | subscribers |  |" in text


def test_the_scale_table_shows_what_is_read_at_that_size():
    text = scale_table(
        {
            "mode": "scale 10,000,000",
            "date": "2026-12-07 12:00 UTC",
            "git_commit": "abc",
            "cores": 2,
            "postgres_version": "18.6",
            "events_in_store": 10_000_000,
            "usage_query_p99_ms": 12.5,
            "rebuild_events_per_s": 40_000,
            "store_mb": 5400.0,
        }
    )
    assert "| usage query p99 | 12.5 | ms | met (< 20) |" in text
    assert "| projection rebuild | 40,000 | events/s | MISSED (>= 50,000) |" in text
    assert "| store size on disk | 5,400 | MB |  |" in text


def test_the_live_shape_stamps_every_event_with_the_time_and_the_spread_shape_back_dates_them():
    now = datetime(2026, 12, 7, 12, tzinfo=timezone.utc)
    live = msgspec.json.decode(body("l", range(50), 5, now, shape="live"))["events"]
    spread = msgspec.json.decode(body("s", range(50), 5, now))["events"]
    assert {e["timestamp"] for e in live} == {now.isoformat()}
    assert len({e["timestamp"] for e in spread}) == 50


def test_the_sustained_search_bisects_once_a_pass_and_a_fail_bracket_the_rate():
    def step(rate, passed):
        return {"offered_per_s": rate, "passed": passed}

    assert next_rate(100, True, [step(100, True)], 1000) == 125
    assert next_rate(100, False, [step(100, False)], 1000) == 80
    assert next_rate(125, True, [step(125, True)], 120) == 120
    assert next_rate(80, True, [step(100, False), step(80, True)], 1000) == 90
    assert next_rate(90, False, [step(100, False), step(80, True), step(90, False)], 1000) == 85
