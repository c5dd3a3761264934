"""The dashboard's navigation: one list, in order. A new area appends its (path under /dashboard, label);
its pages set `section` to that path so the link is marked current.

After an action, a page is redirected to with `?notice=CODE`; base.html shows the text for CODE. Codes, not
text, travel in the URL, so a link from elsewhere cannot make a page say something it would not."""

from __future__ import annotations

NAV: list[tuple[str, str]] = [
    ("", "Overview"),
    ("meters", "Meters"),
    ("events", "Events"),
    ("customers", "Customers"),
    ("products", "Products"),
    ("discounts", "Discounts"),
    ("credit-entitlements", "Credit entitlements"),
    ("invoices", "Invoices"),
    ("revenue", "Revenue"),
    ("simulations", "Simulations"),
    ("webhooks", "Webhooks"),
    ("keys", "API keys"),
]

NOTICES: dict[str, str] = {
    "cancelled": "Subscription cancelled: its last cycle ends now and is invoiced when it is closed.",
    "closed": "Due cycles closed: the new invoice is listed below.",
    "nothing_due": "Nothing was due: no cycle of this subscription has ended yet.",
    "plan_changed": "Plan changed: what the change billed is in the invoices below.",
    "cancels_at_period_end": "The subscription ends when its open cycle ends; no new cycle starts.",
    "kept": "The subscription keeps running after its open cycle.",
    "updated": "Customer saved.",
    "endpoint_saved": "Endpoint saved: new deliveries follow it.",
    "migrated": "Migrated: the subscriptions are on the new price version from their next cycle.",
    "discounted": "Discount code redeemed: it applies from the open cycle on.",
    "overridden": "Price set for this subscription alone, from the open cycle on.",
    "test_sent": "Test event queued: it is sent, signed and retried as any other delivery (below).",
    "archived": "Product archived: it takes no new subscriptions; running ones keep being billed.",
}
