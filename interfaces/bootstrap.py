"""The one place the object graph is built, for `serve`, `worker`, the CLI, the
benchmark and the tests: the write side's services on the event store, with the
read models plugged into their ports."""

from __future__ import annotations

import os

from eventsourcing.postgres import PostgresDatastore

from application.tally import Tally
from interfaces.observability.observer import Instrumented
from projections.ports.exact_usage import ExactUsage
from projections.ports.read_side import ReadModels
from projections.ports.shown import ShownModels
from store.config import SERVING
from store.event_store import EventStore
from store.evidence import LogEvidence
from store.log import EventLog
from store.replica import read_datastore

READ_POOL_SIZE = 4

# The operator's switch for webhook targets on loopback or private networks (docs/webhooks.md).
ALLOW_PRIVATE = "TALLY_WEBHOOK_ALLOW_PRIVATE"


def open_store(env: dict[str, str], allow_private_webhooks: bool | None = None) -> Tally:
    store = EventStore(env)
    if allow_private_webhooks is None:
        allow_private_webhooks = os.environ.get(ALLOW_PRIVATE, "").strip().lower() in ("1", "true", "yes")
    read_models = ReadModels(store.datastore, store.schema)
    shown = ShownModels(store.datastore, store.schema)
    return Tally(
        store,
        read_models,
        read_models,
        LogEvidence(store),
        shown,
        ExactUsage(store),
        allow_private_webhooks,
        Instrumented(),
    )


def event_log(tally: Tally) -> EventLog:
    """What the projection worker, rebuilds and jobs are given: the log, not the application."""
    return tally.store


def query_datastore(tally: Tally) -> PostgresDatastore:
    """Where an API process's queries read: the replica TALLY_READ_DATABASE_URL names, else the primary."""
    return read_datastore(tally.store.datastore, READ_POOL_SIZE, SERVING)
