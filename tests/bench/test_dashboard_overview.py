"""The overview measure on a small store: the invoices it seeds are issued and the overview it times draws them."""

from __future__ import annotations

from typing import Any

import pytest

from bench import dashboard_overview
from tests.interfaces.dashboard.conftest import Served, served  # noqa: F401


def test_the_overview_measure_seeds_invoices_and_times_the_revenue_charts(
    tally: Any,
    business: Any,
    key: str,
    served: Served,  # noqa: F811
    worker: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(dashboard_overview, "SUBSCRIBERS", 3)
    monkeypatch.setattr(dashboard_overview, "REQUESTS", 3)
    assert dashboard_overview.seed_invoices(tally, business, invoices=6) == 6
    worker.caught_up()
    port = int(served.base.rsplit(":", 1)[1])
    timed = dashboard_overview.overview_p99(port, key)
    assert 0 < timed["overview_revenue_p50_ms"] <= timed["overview_revenue_p99_ms"]
