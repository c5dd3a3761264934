"""The one place the object graph is built, for `serve`, `worker`, the CLI, the
benchmark and the tests: the write side's services on the event store, with the
read models plugged into their ports."""
from __future__ import annotations

from application.tally import Tally
from projections.read_side import ReadModels
from store.event_store import EventStore
from store.log import EventLog


def open_store(env: dict[str, str]) -> Tally:
    store = EventStore(env)
    read_models = ReadModels(store.datastore, store.schema)
    return Tally(store, read_models, read_models)


def event_log(tally: Tally) -> EventLog:
    """What the projection worker, rebuilds and jobs are given: the log, not the application."""
    return tally.store
