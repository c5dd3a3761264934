"""What a projection is: tables it owns and how a page of the log changes them.

A projection never sees its physical table names: it formats its SQL with
``self.t``, which knows the schema and the generation suffix. The same code
therefore writes the live tables, a blue/green rebuild, or scratch tables for
``verify``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from psycopg import Cursor, sql

from projections.engine.partitions import Partition


@dataclass(frozen=True)
class Page:
    """Decoded events of one page of the log, with the position the page ends at."""

    events: list[tuple[int, Any]]
    last_position: int


class Projection:
    name: ClassVar[str]
    # Topic prefixes whose events this projection decodes; others only move its position.
    topics: ClassVar[tuple[str, ...]]
    # Logical table name -> CREATE statement with {table} placeholders for every table it owns.
    tables: ClassVar[dict[str, str]]
    # Columns that identify a row, per table, for `verify` (ordering and diffing).
    keys: ClassVar[dict[str, tuple[str, ...]]]
    # The version of what its rows hold: bump it whenever a read model a store already has must be computed
    # again (a rule changed, a table or a column it cannot fill from the rows it has was added). Start-up
    # rebuilds a read model built by an older version by itself, blue/green (projections/engine/upgrades.py).
    version: ClassVar[int]
    # Columns added after a table was first shipped, per table: "name type [DEFAULT ...]". Added to tables a
    # store already has (with a default right for rows written before), and to every new table alike.
    added_columns: ClassVar[dict[str, tuple[str, ...]]] = {}

    def __init__(self, schema: str, suffix: str = "", partition: Partition | None = None) -> None:
        if partition is not None and not self.partitioned:
            raise ValueError(f"the {self.name} projection is not split into partitions")
        self.schema = schema
        self.suffix = suffix
        self.partition = partition

    # Whether it may be split by business across workers (projections/engine/partitions.py).
    partitioned: ClassVar[bool] = False

    @property
    def tracking_name(self) -> str:
        return self.name + self.suffix + (self.partition.label if self.partition else "")

    def owned(self, logical: str) -> sql.Composable:
        """The condition that selects this generation's rows of a table: all of them, unless the table is
        shared by partitions."""
        return sql.SQL("true")

    def t(self, logical: str) -> sql.Composed:
        return sql.SQL("{}.{}").format(sql.Identifier(self.schema), sql.Identifier(logical + self.suffix))

    def ddl(self, only: str | None = None) -> list[sql.Composed]:
        """CREATE statements of every table (or of the one named), for this generation's names."""
        names: dict[str, sql.Composable] = {name: self.t(name) for name in self.tables}
        names.update({f"{name}_": sql.Identifier(name + self.suffix) for name in self.tables})
        return [
            sql.SQL(statement).format(**names) for name, statement in self.tables.items() if only in (None, name)
        ] + self.column_ddl(only)

    def column_ddl(self, only: str | None = None) -> list[sql.Composed]:
        """ALTER statements adding `added_columns` where missing (idempotent)."""
        return [
            sql.SQL("ALTER TABLE {} ADD COLUMN IF NOT EXISTS {}").format(self.t(table), sql.SQL(column))
            for table, columns in self.added_columns.items()
            if only in (None, table)
            for column in columns
        ]

    def wants(self, topic: str) -> bool:
        return topic.startswith(self.topics)

    def apply(self, cur: Cursor[Any], page: Page) -> None:
        raise NotImplementedError

    # True while a rebuild builds this generation from position 0 into fresh tables (operations.build): what
    # `apply` may then load in bulk, `after_build` completes.
    building = False

    def before_build(self, cur: Cursor[Any]) -> None:
        """Once the build's fresh tables are created, before its first page."""

    def after_build(self, cur: Cursor[Any]) -> None:
        """Once a build has applied every page up to its position, before its back-fills, tail and swap."""

    @property
    def has_background_work(self) -> bool:
        return type(self).after_catch_up is not Projection.after_catch_up

    def after_catch_up(self, cur: Cursor[Any]) -> bool:
        """Background work between pages (e.g. back-fills); True if it did some."""
        return False

    def pending_work(self, cur: Cursor[Any]) -> list[str]:
        """Background work still to do, one line each, for `tally projections status`."""
        return []
