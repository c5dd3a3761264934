"""A credit entitlement (Dodo's model): a reusable template of credits with their own unit and precision,
rollover and overage rules. Products attach it (credits granted each cycle); usage prices spend it. A
deleted entitlement can be undeleted; balances already held keep their history either way."""

from __future__ import annotations

import uuid
from typing import Any

from eventsourcing.domain import Aggregate, event

from domain.credit_rules import EntitlementTerms, terms_faults
from domain.errors import Conflict, Invalid


def checked(terms: EntitlementTerms) -> EntitlementTerms:
    faults = terms_faults(terms)
    if faults:
        raise Invalid(f"{len(faults)} fault(s) in the credit entitlement", "invalid_credit_entitlement", faults)
    return terms


class CreditEntitlement(Aggregate):
    """Its events store the terms as a plain dict (`EntitlementTerms.terms()`)."""

    class Created(Aggregate.Created):
        business_id: uuid.UUID
        terms: dict[str, Any]

    class Updated(Aggregate.Event):
        terms: dict[str, Any]

    class Deleted(Aggregate.Event):
        pass

    class Undeleted(Aggregate.Event):
        pass

    @event(Created)
    def __init__(self, business_id: uuid.UUID, terms: dict[str, Any]) -> None:
        self.business_id = business_id
        self.terms = EntitlementTerms.from_terms(terms)
        self.deleted = False

    @classmethod
    def define(cls, business_id: uuid.UUID, terms: EntitlementTerms) -> CreditEntitlement:
        return cls(business_id=business_id, terms=checked(terms).terms())

    def update(self, changes: dict[str, Any]) -> None:
        """Changes apply from the next use on: balances, grants and issued invoices keep what they were."""
        if self.deleted:
            raise Conflict(f"credit entitlement {self.id} is deleted", "credit_entitlement_deleted")
        terms = checked(EntitlementTerms.from_terms({**self.terms.terms(), **changes}))
        if terms != self.terms:
            self._updated(terms=terms.terms())

    def delete(self) -> None:
        if not self.deleted:
            self._deleted()

    def undelete(self) -> None:
        if self.deleted:
            self._undeleted()

    @event(Updated)
    def _updated(self, terms: dict[str, Any]) -> None:
        self.terms = EntitlementTerms.from_terms(terms)

    @event(Deleted)
    def _deleted(self) -> None:
        self.deleted = True

    @event(Undeleted)
    def _undeleted(self) -> None:
        self.deleted = False
