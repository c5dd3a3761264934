"""The `webhooks` projection: the outbox that falls out of the log. It keeps the endpoints and alerts as
the log has them, and for every fact in FACTS (projections/webhooks/facts.py) one delivery per endpoint of
that fact's business that was enabled, and wanted the fact's type, at that point of the log.

A delivery's id derives from (endpoint, position), its body is fixed when it is created, and the sending
state lives in `webhook_sends` (projections/webhooks/outbox.py), which is not part of the projection: a
rebuild makes the same deliveries with the same ids and bodies, and what was sent stays sent."""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

import msgspec
from psycopg import Cursor, sql
from psycopg.types.json import Jsonb

from domain.alert import Alert
from domain.alert_trigger import AlertTrigger
from domain.credit_wallet import CreditWallet
from domain.invoice import Invoice
from domain.limit_reached import LimitReached
from domain.low_balance import LowBalance
from domain.meter import Meter
from domain.money_wallet import MoneyWallet
from domain.subscription import Subscription
from domain.webhook_endpoint import WebhookEndpoint
from projections.engine.projection import Page, Projection
from projections.webhooks import outbox as webhook_outbox
from projections.webhooks.facts import FACTS, TEST_EVENT, Fact, Subject, envelope
from store.topics import events_of


def delivery_id(endpoint_id: uuid.UUID, position: int) -> uuid.UUID:
    return uuid.uuid5(endpoint_id, f"delivery:{position}")


class WebhooksProjection(Projection):
    name = "webhooks"
    version = 1
    topics = events_of(
        WebhookEndpoint,
        Alert,
        AlertTrigger,
        CreditWallet,
        Subscription,
        Invoice,
        Meter,
        LowBalance,
        MoneyWallet,
        LimitReached,
    )
    tables: ClassVar[dict[str, str]] = {
        "webhook_endpoints": """
            CREATE TABLE {webhook_endpoints} (
                id uuid PRIMARY KEY,
                business_id uuid NOT NULL,
                url text NOT NULL,
                description text NOT NULL,
                disabled boolean NOT NULL,
                filter_types text[] NOT NULL,
                headers jsonb NOT NULL,
                metadata jsonb NOT NULL,
                rate_limit integer,
                secret text NOT NULL,
                deleted boolean NOT NULL,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                position bigint NOT NULL
            );
            CREATE INDEX ON {webhook_endpoints} (business_id, created_at);
        """,
        "webhook_deliveries": """
            CREATE TABLE {webhook_deliveries} (
                id uuid PRIMARY KEY,
                endpoint_id uuid NOT NULL,
                business_id uuid NOT NULL,
                position bigint NOT NULL,
                event_type text NOT NULL,
                payload text NOT NULL,
                created_at timestamptz NOT NULL
            );
            CREATE INDEX ON {webhook_deliveries} (endpoint_id, position);
        """,
        "alerts": """
            CREATE TABLE {alerts} (
                id uuid PRIMARY KEY,
                business_id uuid NOT NULL,
                customer_id text,
                meter_id text,
                threshold numeric NOT NULL,
                kind text NOT NULL,
                deleted boolean NOT NULL,
                created_at timestamptz NOT NULL,
                position bigint NOT NULL
            );
            CREATE INDEX ON {alerts} (business_id, created_at);
        """,
        "webhook_subjects": """
            CREATE TABLE {webhook_subjects} (
                id uuid PRIMARY KEY,
                state jsonb NOT NULL
            );
        """,
    }
    keys: ClassVar[dict[str, tuple[str, ...]]] = {
        "webhook_endpoints": ("id",),
        "webhook_deliveries": ("id",),
        "alerts": ("id",),
        "webhook_subjects": ("id",),
    }

    def ddl(self, only: str | None = None) -> list[sql.Composed]:
        # The sending state outlives every generation of the projection's tables (see the module's docstring).
        return [*super().ddl(only), *(webhook_outbox.ddl(self.schema) if only in (None, "webhook_deliveries") else [])]

    def apply(self, cur: Cursor[Any], page: Page) -> None:
        subjects: dict[uuid.UUID, Subject] = {}
        for position, e in page.events:
            match e:
                case WebhookEndpoint.Created():
                    cur.execute(
                        sql.SQL(
                            "INSERT INTO {} (id, business_id, url, description, disabled, filter_types, headers, metadata, "
                            "rate_limit, secret, deleted, created_at, updated_at, position) "
                            "VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,false,%s,%s,%s)"
                        ).format(self.t("webhook_endpoints")),
                        (
                            e.originator_id,
                            e.business_id,
                            e.url,
                            e.description,
                            e.disabled,
                            e.filter_types,
                            Jsonb(e.headers),
                            Jsonb(e.metadata),
                            e.rate_limit,
                            e.secret,
                            e.timestamp,
                            e.timestamp,
                            position,
                        ),
                    )
                case WebhookEndpoint.Updated():
                    changes = {k: Jsonb(v) if isinstance(v, dict) else v for k, v in e.changes.items()}
                    assignments = sql.SQL(", ").join(sql.SQL("{} = %s").format(sql.Identifier(k)) for k in changes)
                    cur.execute(
                        sql.SQL("UPDATE {} SET {}, updated_at = %s, position = %s WHERE id = %s").format(
                            self.t("webhook_endpoints"), assignments
                        ),
                        (*changes.values(), e.timestamp, position, e.originator_id),
                    )
                case WebhookEndpoint.Deleted():
                    cur.execute(
                        sql.SQL("UPDATE {} SET deleted = true, updated_at = %s, position = %s WHERE id = %s").format(
                            self.t("webhook_endpoints")
                        ),
                        (e.timestamp, position, e.originator_id),
                    )
                case WebhookEndpoint.TestRequested():
                    self._test(cur, position, e)
                case Alert.Created():
                    cur.execute(
                        sql.SQL(
                            "INSERT INTO {} (id, business_id, customer_id, meter_id, threshold, kind, deleted, created_at, "
                            "position) VALUES (%s,%s,%s,%s,%s,%s,false,%s,%s)"
                        ).format(self.t("alerts")),
                        (
                            e.originator_id,
                            e.business_id,
                            e.customer_id,
                            e.meter_id,
                            e.threshold,
                            e.kind,
                            e.timestamp,
                            position,
                        ),
                    )
                case Alert.Deleted():
                    cur.execute(
                        sql.SQL("UPDATE {} SET deleted = true, position = %s WHERE id = %s").format(self.t("alerts")),
                        (position, e.originator_id),
                    )
                case _ if type(e) in FACTS:
                    self._fact(cur, position, e, subjects)
        if subjects:
            cur.executemany(
                sql.SQL(
                    "INSERT INTO {} (id, state) VALUES (%s, %s) ON CONFLICT (id) DO UPDATE SET state = excluded.state"
                ).format(self.t("webhook_subjects")),
                [(key, Jsonb(state)) for key, state in subjects.items()],
            )

    def _test(self, cur: Cursor[Any], position: int, e: WebhookEndpoint.TestRequested) -> None:
        """One `webhook.test` delivery to the endpoint asked, sent, signed and retried as any other."""
        cur.execute(
            sql.SQL("SELECT business_id FROM {} WHERE id = %s").format(self.t("webhook_endpoints")), (e.originator_id,)
        )
        row = cur.fetchone()
        if row is None:
            return
        fact = Fact(TEST_EVENT, row["business_id"], {"webhook_id": str(e.originator_id)})
        payload = msgspec.json.encode(envelope(fact, e.timestamp)).decode()
        delivery = delivery_id(e.originator_id, position)
        cur.execute(
            sql.SQL(
                "INSERT INTO {} (id, endpoint_id, business_id, position, event_type, payload, "
                "created_at) VALUES (%s,%s,%s,%s,%s,%s,%s)"
            ).format(self.t("webhook_deliveries")),
            (delivery, e.originator_id, fact.business_id, position, fact.type, payload, e.timestamp),
        )
        webhook_outbox.enqueue(cur, self.schema, [(delivery, e.originator_id)])

    def _fact(self, cur: Cursor[Any], position: int, e: Any, subjects: dict[uuid.UUID, Subject]) -> None:
        key = e.originator_id
        if key not in subjects:
            cur.execute(sql.SQL("SELECT state FROM {} WHERE id = %s").format(self.t("webhook_subjects")), (key,))
            row = cur.fetchone()
            subjects[key] = dict(row["state"]) if row else {}
        fact = FACTS[type(e)](e, subjects[key])
        if fact is None:
            return
        cur.execute(
            sql.SQL(
                "SELECT id FROM {} WHERE business_id = %s AND NOT disabled AND NOT deleted "
                "AND (filter_types = '{{}}' OR %s = ANY(filter_types))"
            ).format(self.t("webhook_endpoints")),
            (fact.business_id, fact.type),
        )
        endpoints = [row["id"] for row in cur.fetchall()]
        if not endpoints:
            return
        payload = msgspec.json.encode(envelope(fact, e.timestamp)).decode()
        rows = [
            (delivery_id(endpoint, position), endpoint, fact.business_id, position, fact.type, payload, e.timestamp)
            for endpoint in endpoints
        ]
        cur.executemany(
            sql.SQL(
                "INSERT INTO {} (id, endpoint_id, business_id, position, event_type, payload, "
                "created_at) VALUES (%s,%s,%s,%s,%s,%s,%s)"
            ).format(self.t("webhook_deliveries")),
            rows,
        )
        webhook_outbox.enqueue(cur, self.schema, [(row[0], row[1]) for row in rows])
