"""Pricing models: graduated sums its tiers, volume prices every unit at one tier, package rounds up to whole
packages; the issue's worked examples; and the rules a model's terms must keep, each fault with its path."""

import math
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from domain.errors import Invalid
from domain.pricing_models import Pricing, Tier
from domain.product import Product
from domain.rating import CreditTerms, Usage, UsagePrice, rate

D = Decimal
T = (Tier(D(1000), D("0.02")), Tier(D(5000), D("0.015")), Tier(None, D("0.01")))


def priced(model, quantity, free="0", **terms):
    price = UsagePrice("m", D(0), D(free), None, model, **terms)
    return rate([Usage(price, "calls", D(quantity))], D(0), "USD").lines[0].amount


@pytest.mark.parametrize(
    "model, quantity, free, terms, amount",
    [
        ("graduated", 6500, "0", {"tiers": T}, "95.00"),
        ("graduated", 6500, "500", {"tiers": T}, "90.00"),
        ("volume", 6500, "0", {"tiers": T}, "65.00"),
        ("volume", 1000, "0", {"tiers": T}, "20.00"),
        ("volume", 1001, "0", {"tiers": T}, "15.02"),
        ("package", 2345, "0", {"package_size": D(1000), "package_price": D(5)}, "15.00"),
        ("package", 2000, "0", {"package_size": D(1000), "package_price": D(5)}, "10.00"),
        ("package", 0, "0", {"package_size": D(1000), "package_price": D(5)}, "0.00"),
    ],
)
def test_the_worked_examples(model, quantity, free, terms, amount):
    assert priced(model, quantity, free, **terms) == D(amount)


tier_lists = st.lists(
    st.tuples(st.integers(1, 500), st.decimals(0, 5, places=3), st.decimals(0, 20, places=2)), min_size=1, max_size=5
).map(
    lambda steps: tuple(
        Tier(None if i == len(steps) - 1 else D(sum(s[0] for s in steps[: i + 1])), price, flat)
        for i, (_, price, flat) in enumerate(steps)
    )
)
quantities = st.one_of(st.integers(0, 3000).map(D), st.decimals(0, 3000, places=3))


@given(tier_lists, quantities)
@example(T, D(1000))
@example(T, D(1001))
@example(T, D(5000))
def test_graduated_total_is_the_sum_over_tiers_of_the_units_inside_each(tiers, quantity):
    expected, lower = D(0), D(0)
    for tier in tiers:
        upper = quantity if tier.up_to is None else min(quantity, tier.up_to)
        if upper > lower:
            expected += (upper - lower) * tier.unit_price + tier.flat_price
        lower = tier.up_to if tier.up_to is not None else lower
    pricing = Pricing("graduated", tiers=tiers)
    assert pricing.amount(quantity) == expected
    assert sum((p.units for p in pricing.parts(quantity)), D(0)) == quantity


@given(tier_lists, quantities)
@example(T, D(1000))
@example(T, D(5000))
@example(T, D(5001))
def test_volume_prices_every_unit_at_the_one_tier_the_quantity_falls_in(tiers, quantity):
    parts = Pricing("volume", tiers=tiers).parts(quantity)
    if quantity == 0:
        assert parts == []
        return
    [part] = parts
    tier = next(t for t in tiers if t.up_to is None or quantity <= t.up_to)  # up_to is inclusive
    assert (part.units, part.unit_price, part.flat_price) == (quantity, tier.unit_price, tier.flat_price)


@given(st.decimals(D("0.5"), 1000, places=1), st.decimals(0, 100, places=2), quantities)
def test_package_charges_whole_packages_rounded_up(size, price, quantity):
    assert (
        Pricing("package", package_size=size, package_price=price).amount(quantity)
        == math.ceil(quantity / size) * price
    )


@given(tier_lists, quantities)
def test_per_unit_graduated_and_volume_agree_on_a_single_open_tier(tiers, quantity):
    one = (Tier(None, tiers[0].unit_price),)
    assert (
        Pricing("graduated", tiers=one).amount(quantity)
        == Pricing("volume", tiers=one).amount(quantity)
        == Pricing("per_unit", tiers[0].unit_price).amount(quantity)
    )


def test_per_value_lines_take_the_free_threshold_and_credits_in_value_order_from_the_meter_total():
    price = UsagePrice(
        "m",
        D("0.000002"),
        D(100_000),
        CreditTerms(D(0), D(1), "none"),
        group_by="model",
        group_prices={"gpt-4": Pricing(unit_price=D("0.00003"))},
    )
    usage = Usage(price, "tokens", D(700_000), groups={"small": D(500_000), "gpt-4": D(100_000), None: D(100_000)})
    rated = rate([usage], D(0), "USD", D(50_000))
    assert [(line.group, line.free, line.credited, line.billable, line.amount) for line in rated.lines] == [
        ({"model": "gpt-4"}, D(100_000), D(0), D(0), D("0.00")),
        ({"model": "small"}, D(0), D(50_000), D(450_000), D("0.90")),
        ({"model": None}, D(0), D(0), D(100_000), D("0.20")),
    ]


def test_tokens_by_model_price_gpt4_and_the_rest_on_their_own_lines():
    price = UsagePrice("m", D("0.000002"), group_by="model", group_prices={"gpt-4": Pricing(unit_price=D("0.00003"))})
    rated = rate([Usage(price, "tokens", D(600_000), groups={"gpt-4": D(100_000), "small": D(500_000)})], D(0), "USD")
    assert [line.amount for line in rated.lines] == [D("3.00"), D("1.00")]


def test_a_grouped_price_without_usage_rates_one_empty_line():
    price = UsagePrice("m", D("1"), group_by="model")
    [line] = rate([Usage(price, "tokens", D(0), groups={})], D(0), "USD").lines
    assert (line.quantity, line.amount, line.group) == (D(0), D("0.00"), None)


def test_terms_stored_before_models_read_as_per_unit_and_round_trip_unchanged():
    old = {"meter_id": "m", "unit_price": D("0.02"), "free_threshold": D(0), "credits": None}
    price = UsagePrice.from_terms(old)
    assert (price.model, price.pricing) == ("per_unit", Pricing("per_unit", D("0.02")))
    assert price.terms() == old


@pytest.mark.parametrize(
    "price",
    [
        UsagePrice("m", D(0), model="graduated", tiers=T),
        UsagePrice("m", D(0), model="package", package_size=D(10), package_price=D(1)),
        UsagePrice(
            "m",
            D("0.1"),
            group_by="region",
            group_prices={"eu": Pricing("volume", tiers=T), "us": Pricing(unit_price=D(1))},
        ),
    ],
)
def test_every_model_round_trips_through_its_stored_terms_also_as_jsonb_gives_them_back(price):
    assert UsagePrice.from_terms(price.terms()) == price
    as_strings = {k: (str(v) if isinstance(v, D) else v) for k, v in price.terms().items()}
    assert UsagePrice.from_terms(as_strings) == price


def faults(price):
    with pytest.raises(Invalid) as caught:
        Product.create(__import__("uuid").uuid4(), "p", "USD", D(0), "month", 1, [price])
    return {(f.field, f.index) for f in caught.value.errors}


@pytest.mark.parametrize(
    "terms, paths",
    [
        ({"model": "graduated"}, {"usage_prices.tiers"}),
        (
            {"model": "graduated", "tiers": (Tier(D(10), D(1)), Tier(D(5), D(1)), Tier(None, D(1)))},
            {"usage_prices.tiers[1].up_to"},
        ),
        ({"model": "volume", "tiers": (Tier(None, D(1)), Tier(None, D(1)))}, {"usage_prices.tiers[0].up_to"}),
        ({"model": "volume", "tiers": (Tier(D(10), D(1)),)}, {"usage_prices.tiers[0].up_to"}),
        (
            {"model": "graduated", "tiers": (Tier(D(0), D(1)), Tier(None, D(-1)))},
            {"usage_prices.tiers[0].up_to", "usage_prices.tiers[1].unit_price"},
        ),
        ({"model": "package", "package_size": D(0), "package_price": D(1)}, {"usage_prices.package_size"}),
        ({"model": "package"}, {"usage_prices.package_size", "usage_prices.package_price"}),
        ({"model": "per_unit", "tiers": T}, {"usage_prices.tiers"}),
        ({"model": "tiered"}, {"usage_prices.model"}),
        ({"group_prices": {"eu": Pricing(unit_price=D(1))}}, {"usage_prices.group_prices"}),
        (
            {"group_by": "region", "group_prices": {"eu": Pricing("package")}},
            {"usage_prices.group_prices.eu.package_size", "usage_prices.group_prices.eu.package_price"},
        ),
    ],
)
def test_bad_terms_are_refused_with_the_path_of_each_fault(terms, paths):
    assert faults(UsagePrice("m", D(0), **terms)) == {(p, 0) for p in paths}
