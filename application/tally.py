"""The write side: every command, on the one event store, with the read side it
consults plugged in as a port."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from application.audit import AuditQueries
from application.billing import BillingCommands
from application.billing_jobs import BillingJobs
from application.businesses import BusinessCommands
from application.credits import CreditCommands
from application.customers import CustomerCommands
from application.explain import InvoiceExplainer
from application.ingestion import IngestionCommands
from application.meters import MeterCommands
from application.ports import ReadSide
from application.products import ProductCommands
from application.subscriptions import SubscriptionCommands
from application.upcoming import UpcomingQueries
from application.verification import Verification
from store.event_store import EventStore


class Tally(
    BusinessCommands,
    CustomerCommands,
    IngestionCommands,
    MeterCommands,
    AuditQueries,
    InvoiceExplainer,
    Verification,
    ProductCommands,
    SubscriptionCommands,
    BillingCommands,
    BillingJobs,
    CreditCommands,
    UpcomingQueries,
    EventStore,
):
    def __init__(self, env: dict[str, str], read_side: Callable[[Any, str], ReadSide]) -> None:
        """`read_side` is made from the store's connection pool and schema, so reads share its connections."""
        super().__init__(env)
        self.read_side = read_side(self.datastore, self.schema)
