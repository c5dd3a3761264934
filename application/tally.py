"""The write side: one service per area, each on the one event store and given
exactly what it depends on. Commands go through a service; read models are
reached only through the ports in application/ports.py."""

from __future__ import annotations

from application.access import Access
from application.addons import Addons
from application.alerts import Alerts
from application.audit import Audit
from application.billing import Billing
from application.billing_jobs import BillingJobs
from application.businesses import Businesses
from application.credits import Credits
from application.customers import Customers
from application.discounts import Discounts
from application.entitlements import Entitlements
from application.explain import InvoiceExplainer
from application.features import Features
from application.ingestion import Ingestion
from application.invoices import Invoices
from application.limit_watch import LimitWatch
from application.meter_jobs import MeterJobs
from application.meters import Meters
from application.migrations import Migrations
from application.observing import Observer
from application.plan_changes import PlanChanges
from application.portal_sessions import PortalSessions
from application.ports import AuditLog, ExactUsage, ReadSide, ShownReadModels, SimulationSource
from application.products import Catalogue
from application.simulations import Simulations
from application.subscriptions import Subscriptions
from application.thresholds import ThresholdInvoices
from application.upcoming import UpcomingInvoices
from application.verification import Verification
from application.wallets import Wallets
from application.webhooks import Webhooks
from store.event_store import EventStore


class Tally:
    def __init__(
        self,
        store: EventStore,
        read_side: ReadSide,
        simulation_source: SimulationSource,
        audit_log: AuditLog,
        shown: ShownReadModels,
        exact_usage: ExactUsage,
        allow_private_webhooks: bool = False,
        observer: Observer | None = None,
    ) -> None:
        self.store = store
        self.businesses = Businesses(store)
        self.customers = Customers(store)
        self.portal_sessions = PortalSessions(self.customers)
        self.ingestion = Ingestion(store)
        self.meters = Meters(store)
        self.entitlements = Entitlements(store)
        self.features = Features(store, self.meters)
        self.catalogue = Catalogue(store, self.meters, self.entitlements, self.features)
        self.addons = Addons(store)
        self.credits = Credits(store)
        self.discounts = Discounts(store)
        self.subscriptions = Subscriptions(store, self.credits, self.entitlements, self.addons, self.discounts)
        self.wallets = Wallets(store)
        self.billing = Billing(store, read_side, self.credits, self.entitlements, observer, self.wallets)
        self.invoices = Invoices(store, read_side, self.billing, self.wallets)
        self.plan_changes = PlanChanges(store, self.billing, self.addons)
        self.jobs = BillingJobs(read_side, self.billing, self.credits)
        self.upcoming = UpcomingInvoices(store, read_side, self.entitlements)
        self.audit = Audit(store)
        self.explainer = InvoiceExplainer(store, audit_log)
        self.verification = Verification(store, audit_log, shown, self.explainer)
        self.webhooks = Webhooks(store, allow_private_webhooks)
        self.alerts = Alerts(store, read_side, self.upcoming)
        self.thresholds = ThresholdInvoices(store, read_side, self.upcoming, self.billing)
        self.meter_jobs = MeterJobs(store, read_side)
        self.simulations = Simulations(store, simulation_source, self.meters)
        self.migrations = Migrations(store)
        self.access = Access(store, exact_usage, self.entitlements, self.features)
        self.limits = LimitWatch(store, read_side, self.access)

    def close(self) -> None:
        self.store.close()
