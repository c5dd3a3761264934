"""Credit entitlements' rules: Dodo's validation, and the arithmetic of a cycle (credits, overage, rollover)
as properties over any amounts."""

import uuid
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.credit_entitlement import CreditEntitlement
from domain.credit_rules import (
    EntitlementTerms,
    Pool,
    cover,
    credits_for,
    overage_charge,
    rollover_split,
    terms_faults,
)
from domain.errors import Conflict, Invalid
from domain.rating import CreditTerms, Usage, UsagePrice, rate

D = Decimal
API = EntitlementTerms(
    "API credits",
    "credits",
    0,
    rollover_enabled=True,
    rollover_percentage=50,
    max_rollover_count=1,
    overage_enabled=True,
    overage_behavior="invoice_at_billing",
    price_per_unit=D("0.05"),
    currency="USD",
)


def fields_of(terms: EntitlementTerms) -> set[str]:
    return {f.field for f in terms_faults(terms)}


def test_the_worked_example_entitlement_is_valid():
    assert terms_faults(API) == []


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"currency": None}, "currency"),  # a price needs its currency
        ({"price_per_unit": None, "overage_enabled": False}, "currency"),  # a currency needs a price
        ({"price_per_unit": None, "currency": None}, "price_per_unit"),  # overage needs a price
        ({"rollover_timeframe_count": 2}, "rollover_timeframe_count"),  # a timeframe's count and interval together
        ({"rollover_timeframe_interval": "Month"}, "rollover_timeframe_count"),
        ({"rollover_timeframe_count": 2, "rollover_timeframe_interval": "Fortnight"}, "rollover_timeframe_interval"),
        ({"precision": 11}, "precision"),
        ({"rollover_percentage": 101}, "rollover_percentage"),
        ({"overage_behavior": "invoice_later"}, "overage_behavior"),
        ({"overage_limit": D("-1")}, "overage_limit"),
        ({"name": "a\x00b"}, "name"),
        ({"currency": "XXX"}, "currency"),
    ],
)
def test_dodos_rules_refuse_an_entitlement(changes, field):
    terms = EntitlementTerms.from_terms({**API.terms(), **changes})
    assert field in fields_of(terms)
    with pytest.raises(Invalid) as refused:
        CreditEntitlement.define(uuid.uuid4(), terms)
    assert refused.value.code == "invalid_credit_entitlement"


def test_a_rollover_timeframe_with_count_and_interval_is_valid():
    terms = EntitlementTerms.from_terms(
        {**API.terms(), "rollover_timeframe_count": 2, "rollover_timeframe_interval": "Month"}
    )
    assert fields_of(terms) == set()


def test_an_update_applies_only_valid_changes_and_a_deleted_entitlement_refuses_them():
    e = CreditEntitlement.define(uuid.uuid4(), API)
    with pytest.raises(Invalid):
        e.update({"overage_enabled": True, "price_per_unit": None, "currency": None})
    e.update({"name": "Tokens"})
    e.delete()
    assert [type(x).__name__ for x in e.collect_events()] == ["Created", "Updated", "Deleted"]
    with pytest.raises(Conflict):
        e.update({"name": "again"})
    e.undelete()
    assert not e.deleted and e.terms.name == "Tokens"


amounts = st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False)
per_credit = st.decimals(min_value=D("0.001"), max_value=10**6, places=3, allow_nan=False, allow_infinity=False)
precision = st.integers(min_value=0, max_value=10)


@settings(max_examples=300)
@given(amounts, per_credit, precision)
def test_credits_round_up_to_the_precision_never_by_a_whole_step(units, per, places):
    credits = credits_for(units, per, places)
    step = D(1).scaleb(-places)
    assert credits == credits.quantize(step)
    assert credits * per >= units - D("1e-12")  # pays for every unit
    assert (credits - step) * per < units or credits == 0  # and not a step more


@settings(max_examples=300)
@given(amounts, amounts, amounts, st.booleans(), st.one_of(st.none(), amounts))
def test_cover_takes_the_balance_first_then_overage_up_to_the_limit(needed, balance, owed, enabled, limit):
    terms = EntitlementTerms.from_terms({**API.terms(), "overage_enabled": enabled, "overage_limit": limit})
    done, after = cover(needed, Pool(terms, balance, owed))
    assert done.from_balance + done.to_overage + done.uncovered == needed
    assert done.from_balance == min(needed, balance)
    assert after.balance == balance - done.from_balance >= 0
    assert after.overage == owed + done.to_overage
    if not enabled:
        assert done.to_overage == 0
    elif limit is not None:
        assert done.to_overage <= max(limit - owed, D(0))
    else:
        assert done.uncovered == 0


@settings(max_examples=300)
@given(
    amounts,
    st.integers(min_value=0, max_value=100),
    precision,
    st.integers(min_value=0, max_value=3),
    st.one_of(st.none(), st.integers(min_value=0, max_value=3)),
)
def test_rollover_keeps_the_percentage_rounded_down_and_forfeits_the_rest(left, pct, places, count, cap):
    terms = EntitlementTerms.from_terms(
        {**API.terms(), "precision": places, "rollover_percentage": pct, "max_rollover_count": cap}
    )
    rolled, forfeited = rollover_split(left, terms, count)
    assert rolled + forfeited == left
    assert 0 <= rolled <= left * pct / 100
    assert rolled == rolled.quantize(D(1).scaleb(-places))
    if cap is not None and count >= cap:
        assert rolled == 0


@settings(max_examples=200)
@given(
    st.integers(min_value=0, max_value=10**6),
    amounts,
    st.booleans(),
    st.one_of(st.none(), st.integers(min_value=0, max_value=10**4)),
    st.integers(min_value=0, max_value=100),
)
def test_a_linked_price_splits_its_units_into_free_credited_billable_and_uncharged(
    quantity, balance, enabled, limit, free
):
    terms = EntitlementTerms.from_terms(
        {**API.terms(), "overage_enabled": enabled, "overage_limit": D(limit) if limit is not None else None}
    )
    price = UsagePrice("m", D("0.01"), D(free), None, credit_entitlement_id="ent", meter_units_per_credit=D(10))
    rated = rate([Usage(price, "calls", D(quantity))], D(0), "USD", pools={"ent": Pool(terms, balance)})
    line = rated.lines[0]
    assert line.free + line.credited + line.billable + line.uncharged == line.quantity
    pool = rated.pools["ent"]
    assert line.credits_used == balance - pool.balance + pool.overage
    if enabled:
        assert line.billable == 0
        charged = [x for x in rated.lines if x.meter_id == "credit_entitlement:ent"]
        assert sum(x.amount for x in charged) == overage_charge(pool.overage, terms, "USD")
    else:
        assert line.uncharged == 0 and pool.overage == 0


def test_the_worked_example_cycle_2_charges_30_credits_of_overage_at_005():
    price = UsagePrice("m", D(0), D(0), None, credit_entitlement_id="ent", meter_units_per_credit=D(10))
    rated = rate([Usage(price, "API calls", D(1500))], D(0), "USD", pools={"ent": Pool(API, D(120))})
    usage, overage = rated.lines
    assert (usage.credits_used, usage.billable, usage.amount) == (D(150), D(0), D("0.00"))
    assert (overage.quantity, overage.unit_price, overage.amount) == (D(30), D("0.05"), D("1.50"))
    assert rated.total == D("1.50")


def test_the_old_credits_form_rates_as_before_beside_an_entitlement():
    old = UsagePrice("a", D("0.02"), D(1000), CreditTerms(D(1000), D(1), "none"))
    rated = rate([Usage(old, "calls", D(2500))], D(0), "USD", D(1000), {"ent": Pool(API, D(5))})
    assert (rated.lines[0].credits_used, rated.lines[0].billable, rated.lines[0].amount) == (
        D(1000),
        D(500),
        D("10.00"),
    )
    assert rated.pools["ent"].balance == 5 and len(rated.lines) == 1
