"""The one event store every aggregate lives in: a single total order, so any
log position means the same thing to every read model."""
from __future__ import annotations

from typing import Any

from eventsourcing.application import Application
from eventsourcing.persistence import InfrastructureFactory, Transcoder
from eventsourcing.postgres import PostgresFactory
from eventsourcing.utils import Environment
from psycopg import sql

from application.audit import AuditQueries
from application.billing import BillingCommands
from application.billing_jobs import BillingJobs
from application.businesses import BusinessCommands
from application.config import CONNECT_TIMEOUT, STATEMENT_TIMEOUT
from application.credits import CreditCommands
from application.customers import CustomerCommands
from application.deadlines import bound
from application.explain import InvoiceExplainer
from application.ingestion import IngestionCommands
from application.meters import MeterCommands
from application.ownership import Ownership
from application.products import ProductCommands
from application.subscriptions import SubscriptionCommands
from application.transcoder import MsgspecJSONTranscoder
from application.upcoming import UpcomingQueries
from application.verification import Verification


class Tally(
    BusinessCommands,
    CustomerCommands,
    IngestionCommands,
    MeterCommands,
    AuditQueries,
    InvoiceExplainer,
    Verification,
    Ownership,
    ProductCommands,
    SubscriptionCommands,
    BillingCommands,
    BillingJobs,
    CreditCommands,
    UpcomingQueries,
    Application[Any],
):
    name = "Tally"

    def __init__(self, env: dict[str, str]) -> None:
        _ensure_schema(env)
        super().__init__(env=env)

    def construct_factory(self, env: Environment) -> InfrastructureFactory:
        factory = super().construct_factory(env)
        if isinstance(factory, PostgresFactory):
            bound(factory.datastore, int(env.get(CONNECT_TIMEOUT) or 10), int(env.get(STATEMENT_TIMEOUT) or 0))
        return factory

    def construct_transcoder(self) -> Transcoder:
        transcoder = MsgspecJSONTranscoder()
        self.register_transcodings(transcoder)
        return transcoder

    @property
    def schema(self) -> str:
        return self.recorder.datastore.schema

    @property
    def events_table(self) -> sql.Composed:
        return sql.SQL("{}.{}").format(sql.Identifier(self.schema), sql.Identifier(self.recorder.events_table_name))

    def head(self) -> int:
        return self.recorder.max_notification_id() or 0

    def position_of(self, aggregate_id: Any) -> int:
        """Where the aggregate's latest event stands in the log (0 if it has none)."""
        query = sql.SQL("SELECT coalesce(max(notification_id), 0) AS p FROM {} WHERE originator_id = %s")
        with self.recorder.datastore.transaction(commit=False) as cur:
            cur.execute(query.format(self.events_table), (aggregate_id,))
            return int(cur.fetchone()["p"])

    def existing_ids(self, ids: list[Any]) -> set[Any]:
        """Which of these aggregate ids are already in the store (one primary-key lookup)."""
        if not ids:
            return set()
        query = sql.SQL("SELECT originator_id FROM {} WHERE originator_id = ANY(%s) AND originator_version = 1")
        with self.recorder.datastore.transaction(commit=False) as cur:
            cur.execute(query.format(self.events_table), (ids,))
            return {row["originator_id"] for row in cur.fetchall()}

    def close(self) -> None:
        self.recorder.datastore.close()


def _ensure_schema(env: dict[str, str]) -> None:
    """eventsourcing does not create the schema it is told to use."""
    import psycopg

    schema = env.get("POSTGRES_SCHEMA", "public")
    with psycopg.connect(
        dbname=env["POSTGRES_DBNAME"], host=env["POSTGRES_HOST"], port=env["POSTGRES_PORT"],
        user=env["POSTGRES_USER"], password=env["POSTGRES_PASSWORD"], autocommit=True,
        connect_timeout=int(env.get(CONNECT_TIMEOUT) or 10),
    ) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema)))
