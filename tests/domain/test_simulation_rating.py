"""Re-pricing a closed cycle: the current terms give back what was issued, line by line; new terms
re-price with the close's own rules (free threshold, credits, late lines)."""

import uuid
from dataclasses import replace
from datetime import datetime, timezone
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from domain.cycles import Cycle
from domain.entitlements import cycle_grants
from domain.rating import CreditTerms, Usage, UsagePrice, rate
from domain.simulation_rating import ClosedCycle, compared, reprice
from domain.simulation_terms import Scenario

D = Decimal
SUB = uuid.UUID(int=7)
CYCLE = Cycle(3, datetime(2026, 1, 1, tzinfo=timezone.utc), datetime(2026, 2, 1, tzinfo=timezone.utc))


def issued(prices, quantities, balance=D(0), late=(), fixed=D(0), currency="USD"):
    """What a close issued for these terms and quantities: the same `rate` call Billing makes."""
    usages = [Usage(p, f"meter {p.meter_id}", quantities[p.meter_id]) for p in prices]
    usages += [Usage(p, f"meter {p.meter_id}", q, late=True) for p, q in late]
    rated = rate(usages, fixed, currency, balance)
    granted = sum((g.amount for g in cycle_grants(SUB, prices, CYCLE)), D(0))
    return ClosedCycle(
        SUB,
        "cus_1",
        CYCLE,
        currency,
        rated.price,
        rated.lines,
        rated.total,
        dict(quantities),
        {},
        balance,
        min(granted, balance),
    )


def scenario(*prices, price=None):
    return Scenario("s", {p.meter_id: p for p in prices}, price)


def test_the_worked_example_reprices_2500_calls_from_30_to_45_dollars():
    now = UsagePrice("m", D("0.02"), D(1000))
    closed = issued([now], {"m": D(2500)})
    assert closed.total == D("30.00")
    same, dearer = compared(closed, [scenario(now), scenario(UsagePrice("m", D("0.03"), D(1000)))])
    assert (same["simulated"], same["difference"]) == ("30.00", "0.00")
    assert (dearer["simulated"], dearer["difference"]) == ("45.00", "15.00")
    assert [(line["issued"], line["simulated"], line["difference"]) for line in dearer["lines"]] == [
        ("30.00", "45.00", "15.00")
    ]


def test_a_raised_free_threshold_and_new_credits_follow_the_simulated_terms():
    closed = issued([UsagePrice("m", D("0.02"), D(1000))], {"m": D(2500)})
    more_free = reprice(closed, scenario(UsagePrice("m", D("0.02"), D(2000)))).rated
    with_credits = reprice(closed, scenario(UsagePrice("m", D("0.02"), D(1000), CreditTerms(D(500), D(1), "none"))))
    assert more_free.total == D("10.00")
    [line] = with_credits.rated.lines
    assert (line.credited, line.amount) == (D(500), D("20.00"))


def test_a_newly_priced_meter_is_measured_from_the_rollups_and_a_dropped_one_is_simulated_at_zero():
    closed = issued([UsagePrice("a", D("1"))], {"a": D(3)})
    closed = replace(closed, measured={"a": D(3), "b": D(4)})
    row = compared(closed, [scenario(UsagePrice("b", D("0.5")))])[0]
    assert [(line["meter_id"], line["issued"], line["simulated"]) for line in row["lines"]] == [
        ("b", "0", "2.00"),
        ("a", "3.00", "0"),
    ]
    assert row["difference"] == "-1.00"


def test_events_recorded_after_the_close_do_not_change_the_quantity_it_priced():
    closed = issued([UsagePrice("m", D("1"))], {"m": D(5)})
    closed = replace(closed, measured={"m": D(6)})
    row = compared(closed, [scenario(UsagePrice("m", D("1")))])[0]
    assert (row["difference"], row["late_arrivals"]) == ("0.00", True)


amounts = st.decimals(0, 10, places=4)


@st.composite
def terms(draw, meter_id):
    credits = draw(
        st.one_of(
            st.none(),
            st.builds(
                CreditTerms,
                st.decimals(0, 5000, places=0),
                st.decimals("0.5", 3, places=1),
                st.sampled_from(["none", "all"]),
            ),
        )
    )
    return UsagePrice(meter_id, draw(amounts), draw(st.decimals(0, 3000, places=0)), credits)


@given(data=st.data(), meters=st.integers(1, 3), currency=st.sampled_from(["USD", "JPY", "KWD"]))
def test_simulating_the_terms_a_cycle_closed_under_gives_difference_zero_on_every_line(data, meters, currency):
    prices = [data.draw(terms(f"m{i}")) for i in range(meters)]
    used = {p.meter_id: data.draw(st.decimals(0, 100_000, places=data.draw(st.sampled_from([0, 2])))) for p in prices}
    granted = sum((g.amount for g in cycle_grants(SUB, prices, CYCLE)), D(0))
    balance = granted + data.draw(st.decimals(0, 2000, places=0))
    late = [(p, data.draw(st.decimals(1, 500, places=0))) for p in prices if data.draw(st.booleans())]
    fixed = data.draw(st.sampled_from([D(0), D(9)]))
    closed = issued(prices, used, balance, late, fixed, currency)
    row = compared(closed, [scenario(*prices)])[0]
    assert row["simulated"] == str(closed.total) and D(row["difference"]) == 0
    assert all(D(line["difference"]) == 0 for line in row["lines"]), row["lines"]
    assert len(row["lines"]) == len(closed.lines) and not row["late_arrivals"]
