"""What a command answers: the id of what it wrote, and the log position a
query can wait for (`min_position`) to read its own write. Never the aggregate:
a caller reads what it needs through a query."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Generic, TypeVar

from eventsourcing.persistence import Recording

Id = TypeVar("Id", uuid.UUID, str)


@dataclass(frozen=True)
class Written(Generic[Id]):
    id: Id
    position: int  # 0 when the command changed nothing

    @classmethod
    def by(cls, id: Id, recordings: list[Recording]) -> Written[Id]:
        return cls(id, recordings[-1].notification.id if recordings else 0)
