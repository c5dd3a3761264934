"""The one place the object graph is built, for `serve`, `worker`, the CLI, the
benchmark and the tests: the write side on the event store, with the read
models plugged into its ports."""
from __future__ import annotations

from application.tally import Tally
from projections.read_side import ReadModels


def open_store(env: dict[str, str]) -> Tally:
    return Tally(env, ReadModels)
