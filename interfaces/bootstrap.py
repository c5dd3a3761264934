"""The one place the object graph is built, for `serve`, `worker`, the CLI, the
benchmark and the tests: the write side's services on the event store, with the
read models plugged into their ports."""
from __future__ import annotations

from eventsourcing.postgres import PostgresDatastore

from application.tally import Tally
from projections.read_side import ReadModels
from store.config import SERVING
from store.event_store import EventStore
from store.log import EventLog
from store.replica import read_datastore

READ_POOL_SIZE = 4


def open_store(env: dict[str, str]) -> Tally:
    store = EventStore(env)
    return Tally(store, ReadModels(store.datastore, store.schema))


def event_log(tally: Tally) -> EventLog:
    """What the projection worker, rebuilds and jobs are given: the log, not the application."""
    return tally.store


def query_datastore(tally: Tally) -> PostgresDatastore:
    """Where an API process's queries read: the replica TALLY_READ_DATABASE_URL names, else the primary."""
    return read_datastore(tally.store.datastore, READ_POOL_SIZE, SERVING)
