"""One Litestar controller per resource, joined from its command half
(interfaces/http/commands/) and its query half (interfaces/http/queries/).

Joined because Litestar refuses two controllers on one path (each brings its own
OPTIONS handler), and a resource's commands and queries share paths
(`GET`/`POST /customers`). The halves stay apart so a command reads next to the
request body it decodes and a query next to the read model it asks."""

from __future__ import annotations

from litestar import Controller

from interfaces.http.commands.access import AccessCommands
from interfaces.http.commands.addons import AddonCommands
from interfaces.http.commands.alerts import AlertCommands
from interfaces.http.commands.business import BusinessCommands
from interfaces.http.commands.credits import CreditCommands
from interfaces.http.commands.customers import CustomerCommands
from interfaces.http.commands.discounts import DiscountCommands
from interfaces.http.commands.entitlements import EntitlementCommands
from interfaces.http.commands.features import FeatureCommands
from interfaces.http.commands.ingest import IngestCommands
from interfaces.http.commands.invoices import InvoiceCommands
from interfaces.http.commands.meters import MeterCommands
from interfaces.http.commands.portal_sessions import PortalSessionCommands
from interfaces.http.commands.product_creation import ProductCreation
from interfaces.http.commands.products import ProductCommands
from interfaces.http.commands.simulations import SimulationCommands
from interfaces.http.commands.subscriptions import SubscriptionCommands
from interfaces.http.commands.wallets import WalletCommands
from interfaces.http.commands.webhooks import WebhookCommands
from interfaces.http.queries.access import AccessQueries
from interfaces.http.queries.alerts import AlertQueries
from interfaces.http.queries.audit import AuditQueries
from interfaces.http.queries.business import BusinessQueries
from interfaces.http.queries.catalog.addons import AddonQueries
from interfaces.http.queries.catalog.discounts import DiscountQueries
from interfaces.http.queries.catalog.features import FeatureQueries
from interfaces.http.queries.catalog.products import ProductQueries
from interfaces.http.queries.credits import CreditQueries
from interfaces.http.queries.customers import CustomerQueries
from interfaces.http.queries.entitlements import (
    CustomerEntitlementQueries,
    EntitlementQueries,
)
from interfaces.http.queries.events import EventQueries
from interfaces.http.queries.health import HealthQueries
from interfaces.http.queries.invoices import InvoiceQueries
from interfaces.http.queries.meters import MeterQueries
from interfaces.http.queries.simulations import SimulationQueries
from interfaces.http.queries.subscriptions import SubscriptionQueries
from interfaces.http.queries.usage import UsageQueries
from interfaces.http.queries.wallets import WalletQueries
from interfaces.http.queries.webhooks import WebhookQueries


class CustomerController(
    CustomerCommands,
    PortalSessionCommands,
    AccessCommands,
    CustomerQueries,
    UsageQueries,
    CustomerEntitlementQueries,
    AccessQueries,
    Controller,
):
    path = "/customers"
    tags = ("customers",)


class CreditController(CreditCommands, CreditQueries, Controller):
    path = "/customers/{customer_id:str}/credits"
    tags = ("credits",)


class WalletController(WalletCommands, WalletQueries, Controller):
    path = "/customers/{customer_id:str}/wallets"
    tags = ("wallets",)


class CreditEntitlementController(EntitlementCommands, EntitlementQueries, Controller):
    path = "/credit-entitlements"
    tags = ("credit entitlements",)


class EventController(IngestCommands, EventQueries, Controller):
    path = "/events"
    tags = ("events",)


class MeterController(MeterCommands, MeterQueries, Controller):
    path = "/meters"
    tags = ("meters",)


class ProductController(ProductCreation, ProductCommands, ProductQueries, Controller):
    path = "/products"
    tags = ("products",)


class BusinessController(BusinessCommands, BusinessQueries, Controller):
    path = "/business"
    tags = ("business",)


class AddonController(AddonCommands, AddonQueries, Controller):
    path = "/addons"
    tags = ("add-ons",)


class DiscountController(DiscountCommands, DiscountQueries, Controller):
    path = "/discounts"
    tags = ("discounts",)


class SubscriptionController(SubscriptionCommands, SubscriptionQueries, Controller):
    path = "/subscriptions"
    tags = ("subscriptions",)


class SimulationController(SimulationCommands, SimulationQueries, Controller):
    path = "/simulations"
    tags = ("simulations",)


class InvoiceController(InvoiceCommands, InvoiceQueries, Controller):
    path = "/invoices"
    tags = ("invoices",)


class AuditController(AuditQueries, Controller):
    path = "/audit"
    tags = ("audit",)


class HealthController(HealthQueries, Controller):
    path = "/health"
    tags = ("health",)


class WebhookController(WebhookCommands, WebhookQueries, Controller):
    path = "/webhooks"
    tags = ("webhooks",)


class AlertController(AlertCommands, AlertQueries, Controller):
    path = "/alerts"
    tags = ("alerts",)


class FeatureController(FeatureCommands, FeatureQueries, Controller):
    path = "/features"
    tags = ("features",)


CONTROLLERS = [
    CustomerController,
    CreditController,
    WalletController,
    EventController,
    MeterController,
    ProductController,
    AddonController,
    DiscountController,
    BusinessController,
    SubscriptionController,
    SimulationController,
    InvoiceController,
    AuditController,
    HealthController,
    WebhookController,
    AlertController,
    CreditEntitlementController,
    FeatureController,
]
