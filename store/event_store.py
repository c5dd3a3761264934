"""The one event store every aggregate lives in: a single total order, so any
log position means the same thing to every read model."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, ClassVar, TypeVar

import psycopg
from eventsourcing.application import (
    AggregateNotFoundError,
    Application,
    ProjectorFunction,
    Repository,
    project_aggregate,
)
from eventsourcing.domain import Snapshot
from eventsourcing.persistence import InfrastructureFactory, Transcoder
from eventsourcing.postgres import PostgresDatastore, PostgresFactory
from eventsourcing.utils import Environment
from psycopg import sql

from domain.credit_wallet import CreditWallet
from domain.errors import NotFound
from domain.invoice_numbering import InvoiceNumbering
from domain.subscription import Subscription
from store import usage_log
from store.config import CONNECT_TIMEOUT, STATEMENT_TIMEOUT
from store.connections import bound
from store.recorder import Recorder
from store.rows import one
from store.transcoder import MsgspecJSONTranscoder

T = TypeVar("T")
log = logging.getLogger("tally.store")


# Aggregates that keep gaining events for as long as a customer stays (a cycle closed every day, a
# grant or debit per cycle) are loaded from their latest snapshot plus fewer than this many events, so a
# load costs the same after years as after a month (docs/performance.md). Products change rarely and
# hold typed prices the snapshot's JSON has no transcoding for.
SNAPSHOT_EVERY = 100
# The events table eventsourcing's Postgres recorder makes for an application named "Tally".
EVENTS_TABLE = "tally_events"


class EventStore(Application[Any]):
    name = "Tally"  # eventsourcing names the events table after it: EVENTS_TABLE
    recorder: Recorder  # store.config names it as the recorder topic
    # A business's invoice numbering gains an event with every close, and every close loads it
    # (docs/invoices.md): `snapshotted` keeps it in memory and reads only the events after the version it
    # holds; after a restart a snapshot every 20 events bounds the replay. Subscriptions and wallets load
    # from their latest snapshot (SNAPSHOT_EVERY). Snapshots live in their own table, outside the log the
    # read models follow.
    snapshotting_intervals: ClassVar[dict[type[Any], int]] = {
        InvoiceNumbering: 20,
        Subscription: SNAPSHOT_EVERY,
        CreditWallet: SNAPSHOT_EVERY,
    }
    SNAPSHOTTED_CACHE = 10_000
    snapshotted: Repository[Any]

    def __init__(self, env: dict[str, str]) -> None:
        # Processes that start together on a new schema (workers of several partitions) would race to
        # create it and the events table: CREATE ... IF NOT EXISTS is not safe against a concurrent one.
        with _setup_lock(env):
            super().__init__(env=env)
            self._create_usage_log()

    def _create_usage_log(self) -> None:
        """The usage log beside the events table; a store of the previous release has its usage events copied
        into it, in the transaction that creates it (store/usage_log.py)."""
        with self.datastore.transaction(commit=True) as cur:
            if usage_log.create(cur, self.schema, self.recorder.events_table_name):
                copied = usage_log.adopt_previous(cur, self.schema, self.events_table, self.mapper)
                if copied:
                    # The usage read model's copy of each event: the log is read in its place now.
                    cur.execute(sql.SQL("DROP TABLE IF EXISTS {}").format(sql.Identifier(self.schema, "usage_events")))
                    log.info("usage log created: %d usage events of the previous release copied into it", copied)

    def construct_factory(self, env: Environment) -> InfrastructureFactory[Any]:
        factory = super().construct_factory(env)
        if isinstance(factory, PostgresFactory):
            bound(factory.datastore, int(env.get(CONNECT_TIMEOUT) or 10), int(env.get(STATEMENT_TIMEOUT) or 0))
        return factory

    def construct_repository(self) -> Repository[Any]:
        """`repository` starts a load from the latest snapshot, where there is one (long-lived subscriptions
        and wallets load in bounded time); `snapshotted` also keeps the aggregates in a cache fast-forwarded
        by the events stored since (each get hands out a copy, so a save that fails leaves the cache as
        stored): the invoice numbering, loaded by every close."""
        self.snapshotted = Repository(
            event_store=self.events,
            snapshot_store=self.snapshots,
            cache_maxsize=self.SNAPSHOTTED_CACHE,
            fastforward=True,
        )
        return Repository(event_store=self.events, snapshot_store=self.snapshots)

    def take_snapshot(
        self,
        aggregate_id: uuid.UUID,
        version: int | None = None,
        projector_func: ProjectorFunction[Any, Any] = project_aggregate,
    ) -> None:
        """From the last snapshot on, not the whole history."""
        assert self.snapshots is not None
        aggregate = self.snapshotted.get(aggregate_id, version=version, projector_func=projector_func)
        self.snapshots.put([Snapshot.take(aggregate)])

    def construct_transcoder(self) -> Transcoder:
        transcoder = MsgspecJSONTranscoder()
        self.register_transcodings(transcoder)
        return transcoder

    @property
    def datastore(self) -> PostgresDatastore:
        return self.recorder.datastore

    @property
    def schema(self) -> str:
        return str(self.datastore.schema)

    @property
    def events_table(self) -> sql.Composed:
        return sql.SQL("{}.{}").format(sql.Identifier(self.schema), sql.Identifier(self.recorder.events_table_name))

    def head(self) -> int:
        """The last position of the log: the store's events and the usage log's."""
        with self.datastore.transaction(commit=False) as cur:
            return usage_log.head(cur, self.schema, self.events_table)

    def usage_events(self, business: uuid.UUID, event_ids: list[str]) -> dict[str, tuple[int, Any]]:
        """(position, `UsageEvent.Recorded`) of each of these event ids the business sent, from the usage log."""
        with self.datastore.transaction(commit=False) as cur:
            return usage_log.find(cur, self.schema, business, event_ids)

    def position_of(self, aggregate_id: uuid.UUID) -> int:
        """Where the aggregate's latest event stands in the log (0 if it has none)."""
        query = sql.SQL("SELECT coalesce(max(notification_id), 0) AS p FROM {} WHERE originator_id = %s")
        with self.datastore.transaction(commit=False) as cur:
            cur.execute(query.format(self.events_table), (aggregate_id,))
            return int(one(cur)["p"])

    def existing_ids(self, ids: list[uuid.UUID]) -> set[uuid.UUID]:
        """Which of these aggregate ids are already in the store (one primary-key lookup)."""
        if not ids:
            return set()
        query = sql.SQL("SELECT originator_id FROM {} WHERE originator_id = ANY(%s) AND originator_version = 1")
        with self.datastore.transaction(commit=False) as cur:
            cur.execute(query.format(self.events_table), (ids,))
            return {row["originator_id"] for row in cur.fetchall()}

    def owned(self, business: uuid.UUID, cls: type[T], kind: str, aggregate_id: uuid.UUID) -> T:
        """The aggregate, read on behalf of a business: another business's id is not found (404, never 403)."""
        try:
            aggregate: Any = self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            raise NotFound(kind, aggregate_id) from None
        if not isinstance(aggregate, cls) or getattr(aggregate, "business_id", None) != business:
            raise NotFound(kind, aggregate_id)
        return aggregate

    def close(self) -> None:
        self.datastore.close()


@contextmanager
def _setup_lock(env: dict[str, str]) -> Iterator[None]:
    """Creates the schema (eventsourcing does not create the one it is told to use) and holds a lock on it
    until the caller has created its tables."""
    schema = env.get("POSTGRES_SCHEMA", "public")
    with psycopg.connect(
        dbname=env["POSTGRES_DBNAME"],
        host=env["POSTGRES_HOST"],
        port=env["POSTGRES_PORT"],
        user=env["POSTGRES_USER"],
        password=env["POSTGRES_PASSWORD"],
        autocommit=True,
        connect_timeout=int(env.get(CONNECT_TIMEOUT) or 10),
    ) as conn:
        conn.execute("SELECT pg_advisory_lock(hashtext(%s))", (f"tally-setup/{schema}",))
        conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema)))
        try:
            yield
        finally:
            conn.execute("SELECT pg_advisory_unlock(hashtext(%s))", (f"tally-setup/{schema}",))
