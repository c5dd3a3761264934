"""Who an invoice is addressed to: a customer's billing details, copied onto each
invoice when it is issued, so a later edit never changes an issued document.
The address has the shape of Dodo's `BillingAddress` (street, city, state,
zipcode, two-letter country)."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from domain.errors import Fault, Invalid
from domain.text import line_faults

MAX_LENGTH = 500
_COUNTRY = re.compile("[A-Z]{2}")


@dataclass(frozen=True)
class Address:
    country: str
    street: str | None = None
    city: str | None = None
    state: str | None = None
    zipcode: str | None = None


@dataclass(frozen=True)
class BillingDetails:
    legal_name: str | None = None
    email: str | None = None
    tax_id: str | None = None
    address: Address | None = None

    def faults(self) -> list[Fault]:
        texts: dict[str, str | None] = {"legal_name": self.legal_name, "email": self.email, "tax_id": self.tax_id}
        if self.address is not None:
            texts.update({f"address.{k}": v for k, v in asdict(self.address).items()})
        faults = line_faults(texts)
        faults += [
            Fault(k, f"must be at most {MAX_LENGTH} characters")
            for k, v in texts.items()
            if v is not None and len(v) > MAX_LENGTH
        ]
        if self.address is not None and not _COUNTRY.fullmatch(self.address.country):
            faults.append(Fault("address.country", 'must be a two-letter ISO 3166-1 code in capitals ("DE")'))
        return faults

    def check(self) -> BillingDetails:
        faults = self.faults()
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the billing details", "invalid_billing_details", faults)
        return self

    def merged(self, change: BillingDetails) -> BillingDetails:
        """These details with every field the change gives replaced (an address is replaced whole)."""
        return BillingDetails(
            legal_name=change.legal_name if change.legal_name is not None else self.legal_name,
            email=change.email if change.email is not None else self.email,
            tax_id=change.tax_id if change.tax_id is not None else self.tax_id,
            address=change.address if change.address is not None else self.address,
        )

    def terms(self) -> dict[str, Any]:
        """As events store it: plain values."""
        return asdict(self)

    @classmethod
    def from_terms(cls, terms: dict[str, Any] | None) -> BillingDetails:
        if not terms:
            return cls()
        address = terms.get("address")
        return cls(
            terms.get("legal_name"), terms.get("email"), terms.get("tax_id"), Address(**address) if address else None
        )
