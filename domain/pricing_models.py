"""How a price turns billable units into an amount: the four models, as pure functions.

Rating (domain/rating.py) takes the free threshold and credits off the quantity first; what is left,
the billable units, is priced here. Amounts are exact; rating rounds each line once.

- per_unit:  billable x unit_price.
- graduated: each tier prices the units that fall inside it (`up_to` inclusive, as Stripe), plus its
             flat_price once any unit reaches it.
- volume:    the tier the whole quantity falls in prices every unit, plus its flat_price.
- package:   billable units rounded up to whole packages of `package_size`, each at `package_price`.
Nothing billable costs nothing, in every model (no flat fee on zero units).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from typing import Any, Literal, get_args

from domain.errors import Fault
from domain.numbers import MAX_PLACES, bound_faults

Model = Literal["per_unit", "graduated", "volume", "package"]
MODELS: tuple[Model, ...] = get_args(Model)
MAX_TIERS = 100
ZERO = Decimal(0)


@dataclass(frozen=True)
class Tier:
    up_to: Decimal | None  # inclusive; None: the open last tier
    unit_price: Decimal
    flat_price: Decimal = ZERO

    def terms(self) -> dict[str, Any]:
        return {"up_to": self.up_to, "unit_price": self.unit_price, "flat_price": self.flat_price}

    @classmethod
    def from_terms(cls, terms: dict[str, Any]) -> Tier:
        up_to = terms.get("up_to")
        return cls(
            None if up_to is None else Decimal(str(up_to)),
            Decimal(str(terms["unit_price"])),
            Decimal(str(terms.get("flat_price") or 0)),
        )


@dataclass(frozen=True)
class Part:
    """One step of the work: `units` at `unit_price` plus `flat_price`. For package, units are packages."""

    up_to: Decimal | None
    units: Decimal
    unit_price: Decimal
    flat_price: Decimal

    @property
    def amount(self) -> Decimal:
        return self.units * self.unit_price + self.flat_price


@dataclass(frozen=True)
class Pricing:
    model: Model = "per_unit"
    unit_price: Decimal = ZERO
    tiers: tuple[Tier, ...] = ()
    package_size: Decimal | None = None
    package_price: Decimal | None = None

    def parts(self, billable: Decimal) -> list[Part]:
        """How the amount of `billable` units is made up, one part per tier or package count."""
        if billable <= 0:
            return []
        if self.model == "graduated":
            return graduated(self.tiers, billable)
        if self.model == "volume":
            tier = next(t for t in self.tiers if t.up_to is None or billable <= t.up_to)
            return [Part(tier.up_to, billable, tier.unit_price, tier.flat_price)]
        if self.model == "package":
            assert self.package_size is not None and self.package_price is not None
            packages = (billable / self.package_size).to_integral_value(rounding=ROUND_CEILING)
            return [Part(None, packages, self.package_price, ZERO)]
        return [Part(None, billable, self.unit_price, ZERO)]

    def amount(self, billable: Decimal) -> Decimal:
        """The exact (unrounded) amount of the billable units."""
        return sum((p.amount for p in self.parts(billable)), ZERO)

    def terms(self) -> dict[str, Any]:
        """Only what the model uses, so a per_unit price stores what it always stored."""
        if self.model == "per_unit":
            return {"unit_price": self.unit_price}
        if self.model == "package":
            return {"model": self.model, "package_size": self.package_size, "package_price": self.package_price}
        return {"model": self.model, "tiers": [t.terms() for t in self.tiers]}

    @classmethod
    def from_terms(cls, terms: dict[str, Any]) -> Pricing:
        """From stored terms; terms without `model` are per_unit, as every price stored before models."""

        def decimal(key: str) -> Decimal | None:
            return None if terms.get(key) is None else Decimal(str(terms[key]))

        return cls(
            terms.get("model") or "per_unit",
            decimal("unit_price") or ZERO,
            tuple(Tier.from_terms(t) for t in terms.get("tiers") or ()),
            decimal("package_size"),
            decimal("package_price"),
        )

    def faults(self, prefix: str = "") -> list[Fault]:
        """Every way the terms break the model's rules, each with its path."""
        if self.model not in MODELS:
            return [Fault(f"{prefix}model", f"must be one of {', '.join(MODELS)}")]
        faults: list[Fault] = []
        if self.model != "per_unit" and self.unit_price != 0:
            faults.append(Fault(f"{prefix}unit_price", f"is not used by the {self.model} model"))
        if self.model in ("graduated", "volume"):
            faults += tier_faults(self.tiers, f"{prefix}tiers")
        elif self.tiers:
            faults.append(Fault(f"{prefix}tiers", f"are not used by the {self.model} model"))
        if self.model == "package":
            faults += amount_faults(f"{prefix}package_size", self.package_size, positive=True)
            faults += amount_faults(f"{prefix}package_price", self.package_price)
        else:
            faults += [
                Fault(f"{prefix}{k}", f"is not used by the {self.model} model")
                for k in ("package_size", "package_price")
                if getattr(self, k) is not None
            ]
        if self.model == "per_unit":
            faults += amount_faults(f"{prefix}unit_price", self.unit_price)
        return faults


def graduated(tiers: tuple[Tier, ...], billable: Decimal) -> list[Part]:
    parts, lower = [], ZERO
    for tier in tiers:
        upper = billable if tier.up_to is None else min(billable, tier.up_to)
        if upper <= lower:
            break
        parts.append(Part(tier.up_to, upper - lower, tier.unit_price, tier.flat_price))
        if tier.up_to is None:
            break
        lower = tier.up_to
    return parts


def amount_faults(
    field: str, value: Decimal | None, positive: bool = False, max_places: int = MAX_PLACES
) -> list[Fault]:
    if value is None:
        return [Fault(field, "is required")]
    return bound_faults(field, value, positive=positive, max_places=max_places)


def tier_faults(tiers: tuple[Tier, ...], path: str) -> list[Fault]:
    if not tiers:
        return [Fault(path, "at least one tier is required")]
    if len(tiers) > MAX_TIERS:
        return [Fault(path, f"at most {MAX_TIERS} tiers")]
    faults, lower = [], ZERO
    for i, tier in enumerate(tiers):
        faults += amount_faults(f"{path}[{i}].unit_price", tier.unit_price)
        faults += amount_faults(f"{path}[{i}].flat_price", tier.flat_price)
        last = i == len(tiers) - 1
        if tier.up_to is None:
            if not last:
                faults.append(Fault(f"{path}[{i}].up_to", "only the last tier is open (null)"))
            continue
        if last:
            faults.append(Fault(f"{path}[{i}].up_to", "the last tier must be open (null)"))
        bound = amount_faults(f"{path}[{i}].up_to", tier.up_to, positive=True)
        if not bound and tier.up_to <= lower:
            bound = [Fault(f"{path}[{i}].up_to", "tiers must ascend: each up_to above the one before")]
        faults += bound
        if not bound:
            lower = tier.up_to
    return faults
