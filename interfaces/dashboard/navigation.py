"""The dashboard's navigation: one list, in order. A new area appends its (path under /dashboard, label);
its pages set `section` to that path so the link is marked current."""
from __future__ import annotations

NAV: list[tuple[str, str]] = [
    ("", "Overview"),
    ("meters", "Meters"),
    ("events", "Events"),
    ("customers", "Customers"),
    ("products", "Products"),
    ("invoices", "Invoices"),
    ("keys", "API keys"),
]
