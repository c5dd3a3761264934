"""Topics are derived from the classes (store/topics.py), and they are stored data: every topic a store
written before holds must still name the same class, or its events no longer load. These are the names
stores hold; a class renamed or moved fails here until its old name is registered
(`eventsourcing.utils.register_topic`)."""

from __future__ import annotations

from eventsourcing.utils import get_topic, resolve_topic

from application.audit import KINDS
from domain.credit_wallet import CreditWallet
from projections.engine.registry import all_projections
from store.topics import events_of

STORED = (
    "domain.addon:Addon",
    "domain.addon:Addon.Created",
    "domain.addon:Addon.Updated",
    "domain.alert:Alert",
    "domain.alert:Alert.Created",
    "domain.alert:Alert.Deleted",
    "domain.alert_trigger:AlertTrigger",
    "domain.alert_trigger:AlertTrigger.Triggered",
    "domain.business:Business",
    "domain.business:Business.ApiKeyIssued",
    "domain.business:Business.ApiKeyRevoked",
    "domain.business:Business.Registered",
    "domain.credit_entitlement:CreditEntitlement",
    "domain.credit_entitlement:CreditEntitlement.Created",
    "domain.credit_entitlement:CreditEntitlement.Updated",
    "domain.credit_entitlement:CreditEntitlement.Deleted",
    "domain.credit_entitlement:CreditEntitlement.Undeleted",
    "domain.credit_wallet:CreditWallet",
    "domain.credit_wallet:CreditWallet.Opened",
    "domain.credit_wallet:CreditWallet.CreditsGranted",
    "domain.credit_wallet:CreditWallet.CreditsDebited",
    "domain.credit_wallet:CreditWallet.CreditsExpired",
    "domain.credit_wallet:CreditWallet.CreditsRolledOver",
    "domain.credit_wallet:CreditWallet.RolloverForfeited",
    "domain.credit_wallet:CreditWallet.OverageCharged",
    "domain.credit_wallet:CreditWallet.OverageReset",
    "domain.credit_wallet:CreditWallet.OverageRepaid",
    "domain.credit_wallet:CreditWallet.ManuallyAdjusted",
    "domain.customer:Customer",
    "domain.customer:Customer.Created",
    "domain.customer:Customer.Updated",
    "domain.customer:Customer.BillingDetailsSet",
    "domain.feature:Feature",
    "domain.feature:Feature.Created",
    "domain.invoice:Invoice",
    "domain.invoice:Invoice.Issued",
    "domain.invoice:Invoice.Paid",
    "domain.invoice:Invoice.Voided",
    "domain.invoice:Invoice.MarkedUncollectible",
    "domain.invoice:Invoice.WalletApplied",
    "domain.invoice_numbering:InvoiceNumbering",
    "domain.invoice_numbering:InvoiceNumbering.Started",
    "domain.invoice_numbering:InvoiceNumbering.NumbersTaken",
    "domain.invoice_numbering:InvoiceNumbering.PrefixSet",
    "domain.limit_reached:LimitReached",
    "domain.limit_reached:LimitReached.Reached",
    "domain.low_balance:LowBalance",
    "domain.low_balance:LowBalance.FellBelowThreshold",
    "domain.meter:Meter",
    "domain.money_wallet:MoneyWallet",
    "domain.money_wallet:MoneyWallet.Opened",
    "domain.money_wallet:MoneyWallet.Credited",
    "domain.money_wallet:MoneyWallet.Debited",
    "domain.money_wallet:MoneyWallet.AutoTopUpSet",
    "domain.money_wallet:MoneyWallet.TopUpRequested",
    "domain.meter:Meter.Created",
    "domain.meter:Meter.Archived",
    "domain.meter:Meter.Unarchived",
    "domain.meter:Meter.BackfillCompleted",
    "domain.meter:Meter.Updated",
    "domain.product:Product",
    "domain.product:Product.Created",
    "domain.product:Product.UsagePriceSet",
    "domain.product:Product.UsagePriceRemoved",
    "domain.product:Product.CreditEntitlementAttached",
    "domain.product:Product.CreditEntitlementDetached",
    "domain.product:Product.Archived",
    "domain.product:Product.DetailsUpdated",
    "domain.simulation:Simulation",
    "domain.simulation:Simulation.Requested",
    "domain.simulation:Simulation.Progressed",
    "domain.simulation:Simulation.Finished",
    "domain.simulation:Simulation.Failed",
    "domain.simulation:Simulation.Deleted",
    "domain.subscription:Subscription",
    "domain.subscription:Subscription.Started",
    "domain.subscription:Subscription.CycleClosed",
    "domain.subscription:Subscription.Cancelled",
    "domain.subscription:Subscription.PartBilled",
    "domain.subscription:Subscription.PlanChanged",
    "domain.subscription:Subscription.ChangeScheduled",
    "domain.subscription:Subscription.ScheduledChangeCancelled",
    "domain.subscription:Subscription.CancellationScheduled",
    "domain.subscription:Subscription.CancellationWithdrawn",
    "domain.subscription:Subscription.MetadataSet",
    "domain.subscription:Subscription.DifferenceBilled",
    "domain.subscription:Subscription.NextBillingDateMoved",
    "domain.subscription:Subscription.DiscountApplied",
    "domain.subscription:Subscription.UsagePriceOverridden",
    "domain.subscription:Subscription.PriceVersionMigrated",
    "domain.discount:Discount",
    "domain.discount:Discount.Created",
    "domain.discount:Discount.Updated",
    "domain.discount:Discount.Redeemed",
    "domain.discount:Discount.Deleted",
    "domain.discount_codes:DiscountCodes",
    "domain.discount_codes:DiscountCodes.Opened",
    "domain.discount_codes:DiscountCodes.Listed",
    "domain.discount_codes:DiscountCodes.Recoded",
    "domain.discount_codes:DiscountCodes.Unlisted",
    "domain.product:Product.PriceVersionAdded",
    "domain.usage_event:UsageEvent",
    "domain.usage_event:UsageEvent.Recorded",
    "domain.webhook_endpoint:WebhookEndpoint",
    "domain.webhook_endpoint:WebhookEndpoint.Created",
    "domain.webhook_endpoint:WebhookEndpoint.Updated",
    "domain.webhook_endpoint:WebhookEndpoint.Deleted",
    "domain.webhook_endpoint:WebhookEndpoint.TestRequested",
)


def test_every_stored_topic_still_names_its_class():
    assert [t for t in STORED if get_topic(resolve_topic(t)) != t] == []


def test_the_derived_topics_are_the_stored_ones():
    assert set(KINDS.values()) <= set(STORED)
    prefixes = {prefix for projection in all_projections("unused") for prefix in projection.topics}
    assert all(any(t.startswith(prefix) for t in STORED) for prefix in prefixes)


def test_an_aggregates_events_share_its_topic_as_prefix():
    assert events_of(CreditWallet) == ("domain.credit_wallet:CreditWallet.",)
    assert get_topic(CreditWallet.ManuallyAdjusted).startswith(events_of(CreditWallet))
