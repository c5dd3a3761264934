"""The `usage` projection split by business across N worker processes (docs/scaling.md).

Partition I of N owns the businesses whose id, read as a number from its last 32 bits, is I modulo N;
it applies their usage events and meters to the shared tables and records its own position
(`usage@I/N`), so each partition is exactly once on its own. A business's events, meters, buckets and
back-fills all stay in one partition: nothing it writes is ever written by another. An event whose
business cannot be found belongs to every partition (each parks it and holds back all behind it, as
the single projection does).

A business's usage read model is complete up to its partition's position; the read side waits for that
one (`usage_names_for`), and for billing's "has usage reached the head", for the lowest of them.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from eventsourcing.persistence import Notification
from psycopg import Cursor, sql

from projections.engine.parking import parked_table
from projections.engine.tracking import tracking_table
from projections.engine.versions import copy_version, forget_version
from store.usage_log import LoggedUsage

USAGE = "usage"
_LABEL = re.compile(r"^(\d+)/(\d+)$")


@dataclass(frozen=True)
class Partition:
    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Partition:
        """`I/N`, 0 <= I < N."""
        found = _LABEL.match(text.strip())
        if not found or not int(found[1]) < int(found[2]):
            raise ValueError(f"a partition is I/N with 0 <= I < N, not {text!r}")
        return cls(int(found[1]), int(found[2]))

    @property
    def label(self) -> str:
        return f"@{self.index}/{self.count}"

    def owns(self, business: uuid.UUID | None) -> bool:
        return business is None or number(business) % self.count == self.index

    def condition(self, column: sql.Composable) -> sql.Composable:
        """The same rule as `owns`, in SQL, on a uuid column."""
        return sql.SQL("mod(('x' || right({}::text, 8))::bit(32)::bigint, {}) = {}").format(
            column, sql.Literal(self.count), sql.Literal(self.index)
        )

    def keep(
        self,
        notifications: list[Notification],
        decode: Callable[[Notification], Any],
        businesses: Callable[[list[tuple[Notification, Any]]], dict[int, uuid.UUID | None]],
    ) -> list[Any]:
        """The decoded items of this partition's events. A usage event's business is known from its row, so the
        events of other partitions (most of them) are left out before anything else is done with them."""
        items = [decode(n) for n in notifications if type(n) is not LoggedUsage or self.owns(n.business_id)]
        owners = businesses([(i.notification, i.event) for i in items])
        return [i for i in items if self.owns(owners[i.notification.id])]


def number(business: uuid.UUID) -> int:
    return int(business.hex[-8:], 16)


def parse_name(name: str) -> tuple[str, Partition | None]:
    """`usage@1/2` -> ("usage", Partition(1, 2)); any other name stands alone."""
    base, _, label = name.partition("@")
    return (base, Partition.parse(label)) if label else (name, None)


def usage_names(positions: dict[str, int]) -> list[str]:
    """The live tracking names of the usage projection: `usage`, or its partitions'."""
    return [n for n in positions if n == USAGE or (n.startswith(USAGE + "@") and "__" not in n)]


def usage_name_for(positions: dict[str, int], business: uuid.UUID) -> str:
    """Which tracking name holds this business's usage: its partition's, when the projection is split."""
    for name in usage_names(positions):
        _, partition = parse_name(name)
        if partition is None or partition.owns(business):
            return name
    return USAGE


def required_position(positions: dict[str, int], names: list[str], business: uuid.UUID | None) -> int:
    """How far the read models a business reads have got: the lowest position of the named projections,
    where `usage` stands for the partition that holds the business (all partitions when None).
    0 while one of them has no position yet."""
    found = []
    for name in names:
        if name != USAGE:
            found.append(positions.get(name, 0))
            continue
        usage = usage_names(positions)
        if business is not None and usage:
            usage = [usage_name_for(positions, business)]
        found += [positions.get(n, 0) for n in usage] or [0]
    return min(found, default=0)


class SplitMismatch(RuntimeError):
    """The worker would run the usage projection split another way than the store holds it."""


def adopt_position(cur: Cursor[Any], projection: Any) -> None:
    """Before a worker starts: a whole `usage` projection becomes N partitions at its position (every
    business's read model is complete up to it, so each partition is too, built by the same version), its
    parked events going to the partitions of their businesses. Running it whole while it is split, or split
    another way, is refused: positions of different splits cannot be converted without applying some events
    twice."""
    if not projection.partitioned:
        return
    schema = projection.schema
    cur.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"{schema}/usage-split",))
    cur.execute(
        sql.SQL("SELECT name, position FROM {} WHERE name = %s OR name LIKE %s").format(tracking_table(schema)),
        (USAGE, USAGE + "@%"),
    )
    rows = {r["name"]: r["position"] for r in cur.fetchall()}
    splits = {parse_name(n)[1] for n in usage_names(rows)} - {None}
    counts = {p.count for p in splits if p is not None}
    wanted = projection.partition.count if projection.partition else None
    if counts and counts != {wanted}:
        raise SplitMismatch(
            f"the usage projection is split into {', '.join(map(str, sorted(counts)))} partitions "
            f"here: run its workers with --partition I/N to match, or rebuild it to change that"
        )
    if wanted is None or USAGE not in rows:
        return
    for index in range(wanted):
        part = Partition(index, wanted)
        name = USAGE + part.label
        cur.execute(
            sql.SQL("INSERT INTO {} (name, position) VALUES (%s, %s)").format(tracking_table(schema)),
            (name, rows[USAGE]),
        )
        cur.execute(
            sql.SQL(
                "INSERT INTO {t} (projection, position, business_id, originator_id, topic, error, parked_at) "
                "SELECT %s, position, business_id, originator_id, topic, error, parked_at FROM {t} "
                "WHERE projection = %s AND (business_id IS NULL OR {owns})"
            ).format(t=parked_table(schema), owns=part.condition(sql.Identifier("business_id"))),
            (name, USAGE),
        )
        copy_version(cur, schema, USAGE, name)
    forget_version(cur, schema, USAGE)
    cur.execute(sql.SQL("DELETE FROM {} WHERE projection = %s").format(parked_table(schema)), (USAGE,))
    cur.execute(sql.SQL("DELETE FROM {} WHERE name = %s").format(tracking_table(schema)), (USAGE,))
