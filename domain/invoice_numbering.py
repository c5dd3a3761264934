"""A business's invoice numbers: `{prefix}-{sequence:06d}`, gapless and in issue order.

One aggregate per business holds the last sequence number. Every close that
issues invoices takes its numbers from it and saves it in the same transaction
as the invoices, so two concurrent issues in one business both try to write
the same next version of this aggregate: the store lets one commit and the
other fails whole and retries with the numbers that follow. No number is
shared, none is skipped, and a failed close takes none (docs/invoices.md).
"""

from __future__ import annotations

import re
import uuid

from eventsourcing.domain import Aggregate, event

from domain.errors import Fault, Invalid
from domain.ids import scoped_id

DEFAULT_PREFIX = "INV"
_PREFIX = re.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,19}")


def numbering_id(business: uuid.UUID) -> uuid.UUID:
    return scoped_id(business, "invoice-numbering", "")


def formatted(prefix: str, sequence: int) -> str:
    return f"{prefix}-{sequence:06d}"


class InvoiceNumbering(Aggregate):
    class Started(Aggregate.Created):
        business_id: uuid.UUID
        prefix: str

    class NumbersTaken(Aggregate.Event):
        """`invoice_ids` got `first`, `first + 1`, ... in that order."""

        first: int
        invoice_ids: list[uuid.UUID]

    class PrefixSet(Aggregate.Event):
        prefix: str

    @staticmethod
    def create_id(business_id: uuid.UUID, **_: object) -> uuid.UUID:
        return numbering_id(business_id)

    @event(Started)
    def __init__(self, business_id: uuid.UUID, prefix: str = DEFAULT_PREFIX) -> None:
        self.business_id = business_id
        self.prefix = prefix
        self.last = 0

    @property
    def next_number(self) -> str:
        return formatted(self.prefix, self.last + 1)

    def take(self, invoice_ids: list[uuid.UUID]) -> list[str]:
        """The next numbers, one per invoice, in the order given."""
        if not invoice_ids:
            return []
        first = self.last + 1
        self._numbers_taken(first=first, invoice_ids=invoice_ids)
        return [formatted(self.prefix, first + i) for i in range(len(invoice_ids))]

    def set_prefix(self, prefix: str) -> None:
        if not isinstance(prefix, str) or not _PREFIX.fullmatch(prefix):
            raise Invalid(
                "cannot use that invoice number prefix",
                "invalid_prefix",
                [Fault("prefix", "must be 1 to 20 of A-Z, a-z, 0-9, '_' and '-', starting with a letter or digit")],
            )
        if prefix != self.prefix:
            self._prefix_set(prefix=prefix)

    @event(NumbersTaken)
    def _numbers_taken(self, first: int, invoice_ids: list[uuid.UUID]) -> None:
        self.last = first + len(invoice_ids) - 1

    @event(PrefixSet)
    def _prefix_set(self, prefix: str) -> None:
        self.prefix = prefix
