"""The rater never raises on what the door accepts, and loses no digit: numbers at the bound's extremes (1e15,
12 decimal places), a cycle of up to 10^9 events, folded by the meters, priced by every model with credits or
an entitlement, each line rounded to its currency. Each rating is held equal to the same rating done with
2,000 digits, so nothing was rounded on the way but the one rounding of each line (docs/input.md, Numbers)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import ROUND_DOWN, Context, Decimal, localcontext
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.aggregation import fold
from domain.credit_rules import BEHAVIOURS, EntitlementTerms, Pool, rollover_split, terms_faults
from domain.metadata import metadata_faults
from domain.money import MINOR_UNITS
from domain.numbers import MAX_MAGNITUDE, MAX_PLACES, bounded
from domain.pricing_models import MODELS, Tier
from domain.product import price_faults
from domain.rating import CreditTerms, Rated, Usage, UsagePrice, rate

D = Decimal
FINEST = D(1).scaleb(-MAX_PLACES)
EVENTS = 10**9  # the most events a cycle is assumed to hold
T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
WIDE = Context(prec=2000)

EDGES = [D(0), FINEST, D(1), MAX_MAGNITUDE - FINEST, MAX_MAGNITUDE, D("999999999999999.999999999999")]
amounts = st.one_of(
    st.sampled_from(EDGES),
    st.decimals(min_value=0, max_value=MAX_MAGNITUDE, places=MAX_PLACES),
    st.integers(0, 10**15).map(D),
)
positive = amounts.filter(lambda v: v > 0)
values = st.one_of(amounts, amounts.map(lambda v: -v))  # metadata numbers may be negative
currencies = st.sampled_from(sorted(MINOR_UNITS))


def exact_sum(numbers: list[Decimal]) -> Fraction:
    return sum((Fraction(n) for n in numbers), Fraction(0))


@settings(max_examples=100, deadline=None)
@given(st.lists(values, min_size=1, max_size=20), st.integers(1, 500))
def test_a_meter_folds_any_values_the_door_accepts_exactly(sent, repeat):
    assert metadata_faults({f"v{i}": v for i, v in enumerate(sent)}) == []
    items = [(T0 + timedelta(seconds=i), i, v) for i, v in enumerate(sent * repeat)]
    assert Fraction(fold("sum", items)) == exact_sum(sent) * repeat
    assert (fold("max", items), fold("min", items), fold("last", items)) == (max(sent), min(sent), sent[-1])
    mean = exact_sum(sent) / len(sent)
    assert abs(Fraction(fold("avg", items)) - mean) <= Fraction(1, 2 * 10**MAX_PLACES)


@st.composite
def tiers(draw: st.DrawFn) -> tuple[Tier, ...]:
    bounds = sorted(draw(st.sets(positive, min_size=0, max_size=3)))
    ups: list[Decimal | None] = [*bounds, None]
    return tuple(Tier(up, draw(amounts), draw(amounts)) for up in ups)


@st.composite
def usage_prices(draw: st.DrawFn, meter_id: str) -> UsagePrice:
    model = draw(st.sampled_from(MODELS))
    credits = draw(st.none() | st.builds(CreditTerms, amounts, positive, st.just("none")))
    price = UsagePrice(
        meter_id,
        draw(amounts) if model == "per_unit" else D(0),
        draw(amounts),
        credits,
        model=model,
        tiers=draw(tiers()) if model in ("graduated", "volume") else (),
        package_size=draw(positive) if model == "package" else None,
        package_price=draw(amounts) if model == "package" else None,
    )
    assert price_faults(price) == []  # the door takes it
    return price


def cycle_quantity(draw: st.DrawFn) -> Decimal:
    """What the read model sums for a cycle: up to 10^9 events, each a number the door takes."""
    return draw(values) * draw(st.sampled_from([1, 2, EVENTS]) | st.integers(1, EVENTS))


def wide(rating):  # type: ignore[no-untyped-def]
    with localcontext(WIDE):
        return rating()


def assert_exact(rated: Rated, again: Rated, currency: str) -> None:
    assert rated == again
    assert all(line.amount.as_tuple().exponent == -MINOR_UNITS[currency] for line in rated.lines)
    assert Fraction(rated.total) == exact_sum([rated.price, *(line.amount for line in rated.lines)])


@settings(max_examples=200, deadline=None)
@given(st.data(), currencies)
def test_a_cycle_at_the_extremes_of_the_door_is_rated_exactly_by_every_model(data, currency):
    prices = [data.draw(usage_prices(f"m{i}")) for i in range(data.draw(st.integers(1, 3)))]
    usages = [Usage(p, p.meter_id, cycle_quantity(data.draw)) for p in prices]
    fixed = data.draw(amounts).quantize(D(1).scaleb(-MINOR_UNITS[currency]), rounding=ROUND_DOWN)
    balance = data.draw(amounts) * data.draw(st.integers(0, 1000))  # a wallet of up to 1,000 grants
    rated = rate(usages, fixed, currency, balance)
    assert_exact(rated, wide(lambda: rate(usages, fixed, currency, balance)), currency)


@st.composite
def entitlements(draw: st.DrawFn, currency: str) -> EntitlementTerms:
    overage = draw(st.booleans())
    price = draw(amounts) if overage or draw(st.booleans()) else None
    terms = EntitlementTerms(
        "credits",
        "credits",
        draw(st.integers(0, 10)),
        rollover_enabled=draw(st.booleans()),
        overage_enabled=overage,
        overage_behavior=draw(st.sampled_from(BEHAVIOURS)),
        rollover_percentage=draw(st.none() | st.integers(0, 100)),
        overage_limit=draw(st.none() | amounts.map(lambda v: v.to_integral_value(rounding=ROUND_DOWN))),
        price_per_unit=price,
        currency=None if price is None else currency,
    )
    assert terms_faults(terms) == []
    return terms


@settings(max_examples=200, deadline=None)
@given(st.data(), currencies)
def test_a_cycle_at_the_extremes_is_rated_exactly_against_an_entitlements_balance(data, currency):
    terms = data.draw(entitlements(currency))
    step = D(1).scaleb(-terms.precision)
    balance = (data.draw(amounts) * data.draw(st.integers(0, 1000))).quantize(step, rounding=ROUND_DOWN)
    pool = Pool(terms, balance, data.draw(amounts).quantize(step, rounding=ROUND_DOWN))
    price = UsagePrice(
        "m",
        data.draw(amounts),
        data.draw(amounts),
        credit_entitlement_id="e",
        meter_units_per_credit=data.draw(positive),
    )
    assert price_faults(price) == []
    usages = [Usage(price, "m", cycle_quantity(data.draw))]
    rated = rate(usages, D(0), currency, pools={"e": pool})
    assert_exact(rated, wide(lambda: rate(usages, D(0), currency, pools={"e": pool})), currency)
    left = rated.pools["e"]
    assert rollover_split(left.balance, terms, 0) == wide(lambda: rollover_split(left.balance, terms, 0))


def test_the_largest_cycle_the_door_allows_is_priced_to_the_cent():
    most = MAX_MAGNITUDE - FINEST
    assert bounded(most)
    usage = Usage(UsagePrice("m", most), "m", most * EVENTS)
    [line] = rate([usage], D(0), "BHD").lines
    assert Fraction(line.amount) == Fraction(round(Fraction(most) * Fraction(most) * EVENTS * 1000), 1000)
