"""Measure: the customer portal's page (docs/portal.md), rendered for one subscribed customer with the store
full: this cycle's usage, daily bars, the upcoming invoice and the limits, as a customer opens it."""

from __future__ import annotations

import json
import urllib.request
from typing import Any
from urllib.parse import parse_qs, urlparse

from bench.plan import Plan, Say, load
from bench.servers import Service
from interfaces.portal.viewer import COOKIE

WARMUP = 20


def session_cookie(port: int, key: str, customer_id: str) -> str:
    """A portal session of the customer's, as the API on `port` gives it to a business."""
    asked = urllib.request.Request(
        f"http://127.0.0.1:{port}/customers/{customer_id}/customer-portal/session?send_email=false",
        method="POST",
        headers={"Authorization": f"Bearer {key}"},
    )
    with urllib.request.urlopen(asked, timeout=30) as answer:
        link = json.load(answer)["link"]
    return f"{COOKIE}={parse_qs(urlparse(link).query)['token'][0]}"


def measure(service: Service, key: str, plan: Plan, customer_id: str, say: Say) -> dict[str, Any]:
    pages = load(
        {
            "kind": "query",
            "host": "127.0.0.1",
            "port": service.port,
            "key": key,
            "cookie": session_cookie(service.port, key, customer_id),
            "warmup": WARMUP,
            "paths": ["/portal"] * (WARMUP + plan.queries // 2),
        }
    )
    if pages["failed_requests"]:
        raise RuntimeError(f"portal pages failed: {pages['failure_sample']}")
    say(f"portal page of one customer: p50 {pages['p50_ms']:.1f} ms, p99 {pages['p99_ms']:.1f} ms")
    return {"portal_page_p50_ms": round(pages["p50_ms"], 2), "portal_page_p99_ms": round(pages["p99_ms"], 2)}
