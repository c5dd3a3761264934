"""Topics are derived from the classes (eventsourcing's `get_topic`: `module:QualifiedName`), never
written out by hand: the names a store holds are the classes' names (tests/store/test_topics.py holds
them), so renaming or moving an aggregate or event class is a stored-data change, not a refactoring."""

from __future__ import annotations

from eventsourcing.utils import get_topic


def events_of(*aggregates: type) -> tuple[str, ...]:
    """The topic prefix of every event of each aggregate (`module:Aggregate.`), for a projection's
    `topics`."""
    return tuple(f"{get_topic(aggregate)}." for aggregate in aggregates)
