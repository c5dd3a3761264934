"""Reading an aggregate on behalf of a business: another business's id is not found (404, never 403)."""
from __future__ import annotations

import uuid
from typing import Any, TypeVar

from eventsourcing.application import AggregateNotFoundError

from domain.errors import NotFound

T = TypeVar("T")


class Ownership:
    repository: Any

    def owned(self, business: uuid.UUID, cls: type[T], kind: str, aggregate_id: uuid.UUID) -> T:
        try:
            aggregate = self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            raise NotFound(kind, aggregate_id) from None
        if not isinstance(aggregate, cls) or getattr(aggregate, "business_id", None) != business:
            raise NotFound(kind, aggregate_id)
        return aggregate
