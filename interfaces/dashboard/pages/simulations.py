"""Price simulations: edit a product's prices next to the current ones, then see what each cycle
would have brought in (issued vs simulated, chart and table) and the customers who move most."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Any

from litestar import get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body
from litestar.response import Redirect, Template

from application.tally import Tally
from domain.errors import Fault, Invalid, NotFound
from domain.rating import UsagePrice
from domain.simulation_terms import Span
from interfaces.dashboard.forms import struct_from
from interfaces.resources.catalog.prices import UsagePriceIn, UsagePriceView, usage_price
from interfaces.resources.catalog.products import product_of
from interfaces.resources.freshness import Fresh
from interfaces.resources.simulations import (
    DEFAULT_CYCLES,
    PROPOSED,
    SimulationCreate,
)
from projections.reads.queries import Queries

Form = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.URL_ENCODED)]
ALL = 1000
SHOWN = 50


def _current(p: UsagePriceView) -> dict[str, Any]:
    """A current price as the form's fields, credits as they are."""
    body: dict[str, Any] = {"unit_price": p.unit_price, "free_threshold": p.free_threshold}
    if p.credits:
        body["credits"] = {
            "per_cycle": p.credits.per_cycle,
            "per_unit": p.credits.per_unit,
            "rollover": p.credits.rollover,
            "expires_after_days": p.credits.expires_after_days,
        }
    return body


def editable(p: UsagePriceView) -> bool:
    """A per-unit price of the meter as a whole has a unit price and a free threshold to try; the others (tiers,
    packages, per-value, entitlement-linked) are kept as they are, shown in their own model."""
    return p.model == "per_unit" and p.group_by is None and p.credit_entitlement_id is None


def _meter_names(queries: Queries, business: uuid.UUID) -> dict[str, str]:
    return {str(m.id): m.name for m in queries.meters(business, page_size=ALL).items}


def _form_page(
    tally: Tally,
    queries: Queries,
    business: uuid.UUID,
    product_id: uuid.UUID,
    form: dict[str, Any],
    errors: list[str],
    status_code: int = 200,
) -> Template:
    product = product_of(tally, business, product_id)
    return Template(
        "simulate.html",
        status_code=status_code,
        context={
            "product": product,
            "editable": {p.meter_id for p in product.usage_prices if editable(p)},
            "meter_names": _meter_names(queries, business),
            "form": form,
            "errors": errors,
            "simulations": [
                s for s in queries.simulations(business, page_size=SHOWN).items if s.product_id == str(product_id)
            ],
        },
    )


@get("/products/{product_id:uuid}/simulate", sync_to_thread=True)
def simulate_page(product_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID, fresh: Fresh) -> Template:
    """The product's prices, each beside a field for the price to try, filled with today's."""
    product = product_of(tally, business, product_id)
    form = {
        f"{field}.{p.meter_id}": getattr(p, field)
        for p in product.usage_prices
        if editable(p)
        for field in ("unit_price", "free_threshold")
    }
    return _form_page(tally, queries, business, product_id, {**form, "cycles": str(DEFAULT_CYCLES)}, [])


def _proposed(
    tally: Tally, queries: Queries, business: uuid.UUID, product_id: uuid.UUID, form: dict[str, Any]
) -> list[UsagePrice]:
    """Each editable meter's proposed price through the API's own struct and conversion, credits as they are
    (the other prices stay the product's); an error names its meter."""
    prices = []
    for p in product_of(tally, business, product_id).usage_prices:
        if not editable(p):
            continue
        body = {
            **_current(p),
            **{field: form.get(f"{field}.{p.meter_id}") for field in ("unit_price", "free_threshold")},
        }
        try:
            prices.append(usage_price(p.meter_id, struct_from(body, UsagePriceIn)))
        except Invalid as exc:
            name = _meter_names(queries, business).get(p.meter_id, p.meter_id)
            faults = [Fault(f"{f.field}.{p.meter_id}", f"{name}: {f.reason}") for f in exc.errors]
            raise Invalid(f"the price to try for {name} is not valid", exc.code, faults) from None
    return prices


def _named(text: str, names: dict[str, str]) -> str:
    """An error with the meters it names by id named by name."""
    for meter_id, name in names.items():
        text = text.replace(meter_id, name)
    return text


@post("/products/{product_id:uuid}/simulate", sync_to_thread=True, status_code=303)
def start_simulation(
    product_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID, data: Form
) -> Template | Redirect:
    """Starts a simulation of the edited prices; the worker runs it."""
    try:
        terms = struct_from(
            {"product_id": str(product_id), "price": data.get("price"), "cycles": data.get("cycles")}, SimulationCreate
        )
        done = tally.simulations.start(
            business,
            product_id,
            [(PROPOSED, _proposed(tally, queries, business, product_id, data), terms.price)],
            None,
            Span(cycles=terms.cycles or DEFAULT_CYCLES),
            datetime.now(UTC),
        )
    except (Invalid, NotFound) as exc:
        names = _meter_names(queries, business)
        errors = [exc.detail, *(_named(f"{f.field}: {f.reason}", names) for f in exc.errors)]
        return _form_page(tally, queries, business, product_id, data, errors, status_code=422)
    return Redirect(f"/dashboard/simulations/{done.id}?min_position={done.position}", status_code=303)


@get("/simulations", sync_to_thread=True)
def simulations_page(queries: Queries, business: uuid.UUID, fresh: Fresh) -> Template:
    """Every simulation, newest first."""
    return Template("simulations.html", context={"simulations": queries.simulations(business, page_size=SHOWN).items})


@get("/simulations/{simulation_id:uuid}", sync_to_thread=True)
def simulation_page(
    simulation_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID, fresh: Fresh
) -> Template:
    """Progress while it runs; then revenue per cycle, actual vs simulated, and the movers, in the product's
    currency."""
    view = queries.simulation(business, simulation_id, page_size=SHOWN)
    product = product_of(tally, business, uuid.UUID(view.product_id))
    issued: dict[str, object] = {}
    scenarios: dict[str, dict[str, object]] = {}
    for r in view.revenue:
        issued[r.cycle_start.isoformat()] = r.issued
        scenarios.setdefault(r.scenario, {})[r.cycle_start.isoformat()] = r.simulated
    chart = {
        "cycles": sorted({r.cycle_start.isoformat() for r in view.revenue}),
        "issued": issued,
        "scenarios": scenarios,
    }
    return Template("simulation.html", context={"simulation": view, "chart": chart, "product": product})


@post("/simulations/{simulation_id:uuid}/delete", sync_to_thread=True, status_code=303)
def delete_simulation(simulation_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> Redirect:
    """Deletes the simulation and its answers."""
    done = tally.simulations.delete(business, simulation_id)
    return Redirect(f"/dashboard/simulations?min_position={done.position}", status_code=303)


HANDLERS = [simulate_page, start_simulation, simulations_page, simulation_page, delete_simulation]
