"""`tally bench --scale N`: tally alone at a size the other runs never reach (issue 32: 10 M events)."""

from __future__ import annotations

import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from bench import scale
from bench.environment import machine, postgres
from bench.load import MAX_PREBUILT_EVENTS
from bench.monitor import Lag, PeakMemory
from bench.plan import FULL, SCHEMA, Say, ingest_job, load
from bench.runner import prepare_tally, reads
from bench.servers import start_tally
from projections.engine.registry import PROJECTIONS

# A scale load's one job may take this long (400,000 events at a few thousand a second on a busy machine).
SCALE_JOB_S = 3600


def run_scale(events: int, say: Say) -> dict[str, Any]:
    """`tally bench --scale N`: N events of today's load shape sent through `POST /events/ingest`, then what
    is read at that size (`reads`), the store's size and bytes per event. No baseline and no ratios."""
    plan = replace(FULL, name=f"scale {events:,}", query_events=0)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="tally-bench-") as tmp, postgres(Path(tmp)) as url:
        result: dict[str, Any] = {"mode": plan.name, **machine(url), "api_processes_per_side": plan.servers}
        say(f"PostgreSQL {result['postgres_version']} ready")
        key, meter = prepare_tally(url, plan)
        service = start_tally(url, SCHEMA, plan.servers, Path(tmp))
        memory = PeakMemory(service)
        memory.sampler.start()
        lag = Lag(url, SCHEMA, list(PROJECTIONS))
        lag.sampler.start()
        try:
            loading = time.monotonic()
            for first in range(0, events, MAX_PREBUILT_EVENTS):
                count = min(MAX_PREBUILT_EVENTS, events - first)
                job = ingest_job(service, key, plan, 1000, "scale", first=first, events=count, duration=SCALE_JOB_S)
                done = load(job)
                if done["events"] != count:
                    raise RuntimeError(f"the scale load stored {done['events']:,} of {count:,}: {done['statuses']}")
                say(f"loaded {first + count:,} of {events:,} events ({done['events_per_s']:,.0f} events/s)")
            catch_up = lag.caught_up(SCALE_JOB_S)
            result["scale_load_events_per_s"] = round(events / (time.monotonic() - loading))
            result["scale_catch_up_s"] = round(catch_up, 1)
            result.update(reads(url, service, key, meter, plan, lag, say))
            result.update(scale.store_size(url, SCHEMA))
        finally:
            lag.close()
            memory.sampler.stop()
            service.stop()
    result.update(memory.summary())
    result["duration_s"] = round(time.monotonic() - started, 1)
    return result
