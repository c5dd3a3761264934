"""What the write side tells the operator's instruments (metrics and traces, interfaces/observability/):
each close of a subscription's cycles, inside a span, and how many it closed in how long. A Protocol, so
the application depends on no metrics or tracing library; by default nothing is observed."""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import AbstractContextManager, nullcontext
from typing import Protocol

Attributes = Mapping[str, str | int | float | bool]


class Observer(Protocol):
    def span(self, name: str, attributes: Attributes) -> AbstractContextManager[object]: ...

    def closed(self, cycles: int, seconds: float) -> None: ...


class Unobserved:
    def span(self, name: str, attributes: Attributes) -> AbstractContextManager[object]:
        return nullcontext()

    def closed(self, cycles: int, seconds: float) -> None:
        pass
