"""The write side: one service per area, each on the one event store and given
exactly what it depends on. Commands go through a service; read models are
reached only through the ports in application/ports.py."""
from __future__ import annotations

from application.audit import Audit
from application.billing import Billing
from application.billing_jobs import BillingJobs
from application.businesses import Businesses
from application.credits import Credits
from application.customers import Customers
from application.explain import InvoiceExplainer
from application.ingestion import Ingestion
from application.meters import Meters
from application.ports import ReadSide
from application.products import Catalogue
from application.subscriptions import Subscriptions
from application.upcoming import UpcomingInvoices
from application.verification import Verification
from store.event_store import EventStore


class Tally:
    def __init__(self, store: EventStore, read_side: ReadSide) -> None:
        self.store = store
        self.businesses = Businesses(store)
        self.customers = Customers(store)
        self.ingestion = Ingestion(store)
        self.meters = Meters(store)
        self.catalogue = Catalogue(store, self.meters)
        self.credits = Credits(store)
        self.subscriptions = Subscriptions(store, self.credits)
        self.billing = Billing(store, read_side, self.credits)
        self.jobs = BillingJobs(read_side, self.billing, self.credits)
        self.upcoming = UpcomingInvoices(store, read_side)
        self.audit = Audit(store)
        self.explainer = InvoiceExplainer(store, read_side)
        self.verification = Verification(store, self.explainer)

    def close(self) -> None:
        self.store.close()
