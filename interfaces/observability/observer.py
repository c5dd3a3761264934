"""The application's Observer (application/observing.py) on tally's metrics and traces."""

from __future__ import annotations

from contextlib import AbstractContextManager

from application.observing import Attributes
from interfaces.observability import metrics, tracing


class Instrumented:
    def span(self, name: str, attributes: Attributes) -> AbstractContextManager[object]:
        return tracing.from_env().span(name, attributes)

    def closed(self, cycles: int, seconds: float) -> None:
        metrics.instruments().closed(cycles, seconds)
