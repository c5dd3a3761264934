"""The read models as the interfaces ask them: every list and lookup the API and
the dashboard show, on the store's connection pool. The application's questions
go through projections/ports/read_side.py instead; this is the other reader."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from typing import Any

from eventsourcing.postgres import PostgresDatastore
from psycopg import sql

from domain.meter import Meter
from projections.balances import credit_queries
from projections.balances.credit_queries import CreditsView
from projections.balances.entitlement_queries import EntitlementReads
from projections.balances.wallet_queries import WalletEntryRow, WalletRow, wallet_entries, wallets_of
from projections.charges import queries as charge_queries
from projections.customers import projection as customer_queries
from projections.customers.projection import CustomerFilter, CustomerView
from projections.engine.parking import Stuck, stuck
from projections.engine.tracking import positions_in
from projections.engine.upgrades import Rebuilding, rebuilding_in
from projections.invoices import queries as invoice_queries
from projections.invoices.queries import ExportRow, InvoiceFilter, InvoiceView
from projections.reads import overview as overview_queries
from projections.reads import revenue as revenue_queries
from projections.reads.pages import PageOf
from projections.reads.vitals import Vitals, vitals
from projections.simulations import queries as simulation_queries
from projections.simulations.queries import SimulationSummaryView, SimulationView
from projections.usage import event_queries, meter_queries, meter_views
from projections.usage.event_queries import EventFilter, EventView
from projections.usage.meter_views import MeterView
from projections.webhooks import outbox as webhook_outbox
from projections.webhooks import queries as webhook_queries
from projections.webhooks.queries import AlertView, DeliveryView, WebhookPage


class Queries:
    def __init__(self, datastore: PostgresDatastore, schema: str, events_table: sql.Composable) -> None:
        self.datastore = datastore
        self.schema = schema
        self.entitlements = EntitlementReads(datastore, schema)
        self.events_table = events_table

    def customers(
        self,
        business: uuid.UUID,
        page_number: int = 0,
        page_size: int = 10,
        matching: CustomerFilter = CustomerFilter(),
        order: str = "newest",
    ) -> PageOf[CustomerView]:
        return customer_queries.list_customers(
            self.datastore, self.schema, business, page_number, page_size, matching, order
        )

    def events(
        self,
        business: uuid.UUID,
        *,
        customer_id: str | None = None,
        event_name: str | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
        meter: Meter | None = None,
        page_number: int = 0,
        page_size: int = 10,
        metadata: tuple[tuple[str, str], ...] = (),
    ) -> PageOf[EventView]:
        """Newest first; with `meter`, only the events that meter selects."""
        return event_queries.list_events(
            self.datastore,
            self.schema,
            business,
            customer_id=customer_id,
            event_name=event_name,
            start=start,
            end=end,
            meter=meter,
            page_number=page_number,
            page_size=page_size,
            metadata=metadata,
        )

    def count_events(self, business: uuid.UUID, matching: EventFilter, at_most: int) -> int:
        return event_queries.count_events(self.datastore, self.schema, business, matching, at_most)

    def stream_events(self, business: uuid.UUID, matching: EventFilter, at_most: int) -> Iterator[EventView]:
        return event_queries.stream_events(self.datastore, self.schema, business, matching, at_most)

    def revenue(self, business: uuid.UUID, start: datetime, end: datetime) -> tuple[list[dict[str, Any]], ...]:
        """Billed per month by status, and MRR per month and product, on one snapshot so they agree."""
        with self.datastore.transaction(commit=False) as cur:
            billed = revenue_queries.billed_per_month(cur, self.schema, business, start, end)
            mrr = revenue_queries.mrr_per_month(cur, self.schema, business, start, end)
        return billed, mrr

    def last_event_times(self, business: uuid.UUID, customer_ids: list[str]) -> dict[str, datetime]:
        return event_queries.last_event_times(self.datastore, self.schema, business, customer_ids)

    def credit_balances(self, business: uuid.UUID, customer_ids: list[str]) -> dict[str, Decimal]:
        with self.datastore.transaction(commit=False) as cur:
            return credit_queries.balances_of(cur, self.schema, business, customer_ids)

    def event(self, business: uuid.UUID, event_id: str) -> EventView:
        return event_queries.get_event(self.datastore, self.schema, business, event_id)

    def meters(
        self, business: uuid.UUID, archived: bool | None = False, page_number: int = 0, page_size: int = 10
    ) -> PageOf[MeterView]:
        return meter_views.list_meters(self.datastore, self.schema, business, archived, page_number, page_size)

    def meter(self, meter: Meter) -> MeterView:
        return meter_views.meter_view(self.datastore, self.schema, meter)

    def meter_usage(
        self, meter_id: uuid.UUID, customer_id: str | None, start: datetime, end: datetime, window: str
    ) -> tuple[Decimal | None, list[tuple[datetime, datetime, Decimal | None]]]:
        """The total and the windows, read by one statement so they agree. NotFound until the read model has the
        meter."""
        with self.datastore.transaction(commit=False) as cur:
            return meter_queries.usage_windows(cur, self.schema, meter_id, customer_id, start, end, window)

    def meter_usage_groups(
        self,
        meter_id: uuid.UUID,
        customer_id: str | None,
        start: datetime,
        end: datetime,
        window: str,
        keys: tuple[str, ...],
    ) -> list[meter_queries.GroupUsage]:
        """The usage per combination of the keys' values, each with its windows."""
        with self.datastore.transaction(commit=False) as cur:
            return meter_queries.usage_groups(cur, self.schema, meter_id, customer_id, start, end, keys, window)

    def events_counted(self, meter_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
        with self.datastore.transaction(commit=False) as cur:
            return meter_queries.events_counted(cur, self.schema, meter_ids)

    def products(self, business: uuid.UUID, page_number: int, page_size: int) -> list[dict[str, Any]]:
        """Rows of the catalogue, one more than `page_size` when a next page exists."""
        with self.datastore.transaction(commit=False) as cur:
            return charge_queries.list_products(cur, self.schema, business, page_number, page_size)

    def addon_ids(self, business: uuid.UUID, page_number: int, page_size: int) -> list[uuid.UUID]:
        """Ids of the business's add-ons, newest first, one more than `page_size` when a next page exists."""
        with self.datastore.transaction(commit=False) as cur:
            return charge_queries.addon_ids(cur, self.schema, business, page_number, page_size)

    def subscription_ids(
        self,
        business: uuid.UUID,
        customer_id: str | None,
        product_id: uuid.UUID | None,
        page_number: int,
        page_size: int,
    ) -> list[uuid.UUID]:
        with self.datastore.transaction(commit=False) as cur:
            return charge_queries.subscription_ids(
                cur, self.schema, business, customer_id, product_id, page_number, page_size
            )

    def subscribers(self, business: uuid.UUID, product_id: uuid.UUID, limit: int) -> list[str]:
        with self.datastore.transaction(commit=False) as cur:
            return charge_queries.subscribers(cur, self.schema, business, product_id, limit)

    def invoices(
        self,
        business: uuid.UUID,
        customer_id: str | None,
        status: str | None,
        page_number: int = 0,
        page_size: int = 10,
    ) -> PageOf[InvoiceView]:
        return invoice_queries.list_invoices(
            self.datastore, self.schema, business, customer_id, status, page_number, page_size
        )

    def invoice_rows(
        self,
        business: uuid.UUID,
        customer_id: str | None,
        status: str | None,
        offset: int,
        limit: int,
        matching: InvoiceFilter | None = None,
    ) -> list[InvoiceView]:
        return invoice_queries.invoice_rows(
            self.datastore, self.schema, business, customer_id, status, offset, limit, matching
        )

    def invoice_totals(self, business: uuid.UUID, matching: InvoiceFilter) -> list[dict[str, Any]]:
        return invoice_queries.invoice_totals(self.datastore, self.schema, business, matching)

    def issued_between(
        self, business: uuid.UUID, start: datetime, end: datetime, status: str | None
    ) -> Iterator[ExportRow]:
        return invoice_queries.issued_between(self.datastore, self.schema, business, start, end, status)

    def invoice_numbers(self, business: uuid.UUID, ids: list[str]) -> dict[str, str]:
        """Invoice id -> number, for the ids (of any text) that are the business's issued invoices."""
        valid = []
        for i in ids:
            try:
                valid.append(uuid.UUID(i))
            except ValueError:
                continue
        return invoice_queries.numbers_of(self.datastore, self.schema, business, valid)

    def invoice(self, business: uuid.UUID, invoice_id: uuid.UUID) -> InvoiceView:
        return invoice_queries.get_invoice(self.datastore, self.schema, business, invoice_id)

    def credits(self, business: uuid.UUID, customer_id: str, page_number: int = 0, page_size: int = 100) -> CreditsView:
        return credit_queries.credits_of(self.datastore, self.schema, business, customer_id, page_number, page_size)

    def money_wallets(self, business: uuid.UUID, customer_id: str) -> list[WalletRow]:
        return wallets_of(self.datastore, self.schema, business, customer_id)

    def wallet_entries(
        self, business: uuid.UUID, customer_id: str, currency: str | None, offset: int, limit: int
    ) -> list[WalletEntryRow]:
        return wallet_entries(self.datastore, self.schema, business, customer_id, currency, offset, limit)

    def webhooks(self, business: uuid.UUID, limit: int, iterator: int) -> WebhookPage:
        return webhook_queries.list_webhooks(self.datastore, self.schema, business, limit, iterator)

    def deliveries(
        self, business: uuid.UUID, endpoint: uuid.UUID, status: str | None, page_number: int = 0, page_size: int = 10
    ) -> PageOf[DeliveryView]:
        return webhook_queries.deliveries(
            self.datastore, self.schema, business, endpoint, status, page_number, page_size
        )

    def retry_delivery(self, business: uuid.UUID, endpoint: uuid.UUID, delivery: uuid.UUID) -> None:
        """The one write made here: a delivery's sending state is not a fact of the log but the outbox's
        (projections/webhooks/outbox.py). NotFound unless the business's endpoint has the delivery."""
        webhook_queries.delivery_of(self.datastore, self.schema, business, endpoint, delivery)
        with self.datastore.transaction(commit=True) as cur:
            webhook_outbox.retry(cur, self.schema, delivery)

    def alerts(self, business: uuid.UUID, page_number: int = 0, page_size: int = 10) -> PageOf[AlertView]:
        return webhook_queries.list_alerts(self.datastore, self.schema, business, page_number, page_size)

    def events_since(self, business: uuid.UUID, since: dict[str, datetime], until: datetime) -> dict[str, int]:
        with self.datastore.transaction(commit=False) as cur:
            return overview_queries.events_since(cur, self.schema, business, since, until)

    def open_cycles(self, business: uuid.UUID, limit: int, customer_id: str | None = None) -> list[dict[str, Any]]:
        with self.datastore.transaction(commit=False) as cur:
            return overview_queries.open_cycles(cur, self.schema, business, limit, customer_id)

    def positions(self) -> dict[str, int]:
        """Every read model's tracking position where these queries read them: what a read-your-writes
        wait must watch (interfaces/resources/freshness.py), the replica's when they read one."""
        return positions_in(self.datastore, self.schema)

    def stuck(self, projections: list[str]) -> list[Stuck]:
        with self.datastore.transaction(commit=False) as cur:
            return stuck(cur, self.schema, projections)

    def rebuilding(self, head: int) -> list[Rebuilding]:
        with self.datastore.transaction(commit=False) as cur:
            return rebuilding_in(cur, self.schema, head)

    def vitals(self) -> Vitals:
        return vitals(self.datastore, self.schema, self.events_table)

    def simulations(
        self, business: uuid.UUID, page_number: int = 0, page_size: int = 10
    ) -> PageOf[SimulationSummaryView]:
        return simulation_queries.list_simulations(self.datastore, self.schema, business, page_number, page_size)

    def simulation(
        self, business: uuid.UUID, simulation_id: uuid.UUID, page_number: int = 0, page_size: int = 100
    ) -> SimulationView:
        return simulation_queries.get_simulation(
            self.datastore, self.schema, business, simulation_id, page_number, page_size
        )
