"""A subscription is a timeline: plan changes, a trial, a scheduled change and cancel-at-period-end are events
on it, and its cycles and segments follow them."""

import copy
import uuid
from datetime import UTC, datetime
from fractions import Fraction

import pytest

from domain.errors import Conflict, Invalid, NotFound
from domain.proration import Plan
from domain.subscription import Subscription

S = datetime(2026, 9, 1, tzinfo=UTC)
T = datetime(2026, 9, 16, tzinfo=UTC)
E = datetime(2026, 10, 1, tzinfo=UTC)
NOW = datetime(2026, 12, 7, tzinfo=UTC)
BASIC, PRO = uuid.uuid4(), uuid.uuid4()


def subscription(**kw):
    return Subscription.start(uuid.uuid4(), "cus", BASIC, S, "month", 1, NOW, **kw)


def test_a_prorated_change_splits_the_open_cycle_and_its_bill_covers_the_part_before_it():
    sub = subscription()
    sub.change_plan(Plan(PRO), "prorated_immediately", T, NOW, "month", 1)
    cycle = sub.open_cycle
    assert (cycle.start, cycle.end) == (S, E)
    before = sub.segments(cycle, until=T)
    assert [(p.plan.product_id, p.share, p.fixed) for p in before] == [(BASIC, Fraction(1, 2), "prorated")]
    sub.bill_part(T, uuid.uuid4(), 7)
    assert sub.bill_start(cycle) == T
    assert [(p.start, p.plan.product_id) for p in sub.segments(cycle)] == [(T, PRO)]
    assert sub.product_id == PRO and sub.last_position == 7


def test_a_full_change_cuts_the_cycle_and_starts_a_new_one_at_the_change():
    sub = subscription()
    sub.change_plan(Plan(PRO), "full_immediately", T, NOW, "month", 1)
    cut = sub.open_cycle
    assert (cut.start, cut.end) == (S, T)
    [part] = sub.segments(cut)
    assert (part.plan.product_id, part.share, part.fixed) == (BASIC, Fraction(1, 2), "prorated")
    sub.close_cycle(cut, uuid.uuid4(), 3)
    following = sub.open_cycle
    assert (following.start, following.end) == (T, datetime(2026, 10, 16, tzinfo=UTC))
    [whole] = sub.segments(following)
    assert (whole.plan.product_id, whole.share, whole.fixed) == (PRO, 1, "whole")


def test_a_change_to_another_interval_moves_the_cycles_from_the_next_one():
    sub = subscription()
    sub.change_plan(Plan(PRO), "do_not_bill", T, NOW, "year", 1)
    assert sub.open_cycle.end == E
    sub.close_cycle(sub.open_cycle, uuid.uuid4(), 1)
    assert (sub.open_cycle.start, sub.open_cycle.end) == (E, datetime(2027, 10, 1, tzinfo=UTC))


def test_the_trial_is_the_first_cycle_and_the_paid_cycles_start_at_its_end():
    sub = subscription(trial_period_days=14)
    trial = sub.open_cycle
    assert (trial.start, trial.end) == (S, datetime(2026, 9, 15, tzinfo=UTC))
    assert all(p.trial for p in sub.segments(trial))
    sub.close_cycle(trial, uuid.uuid4(), 1)
    first = sub.open_cycle
    assert (first.start, first.end) == (datetime(2026, 9, 15, tzinfo=UTC), datetime(2026, 10, 15, tzinfo=UTC))
    assert not any(p.trial for p in sub.segments(first))
    assert sub.billing_since == datetime(2026, 9, 15, tzinfo=UTC)


def test_a_scheduled_change_takes_effect_when_the_cycle_closes_and_can_be_cancelled_before():
    sub = subscription()
    sub.schedule_change(Plan(PRO), "prorated_immediately", "month", 1, NOW)
    assert sub.scheduled["effective_at"] == E
    sub.cancel_scheduled_change()
    with pytest.raises(NotFound):
        sub.cancel_scheduled_change()
    sub.schedule_change(Plan(PRO, 2), "prorated_immediately", "month", 1, NOW)
    sub.close_cycle(sub.open_cycle, uuid.uuid4(), 1)
    assert (sub.product_id, sub.quantity, sub.scheduled) == (PRO, 2, None)
    [whole] = sub.segments(sub.open_cycle)
    assert whole.plan == Plan(PRO, 2) and whole.fixed == "whole"


def test_cancel_at_next_billing_date_ends_it_with_the_open_cycle_and_can_be_undone_before():
    sub = subscription()
    sub.cancel_at_next_billing_date(True, datetime(2026, 9, 10, tzinfo=UTC))
    assert sub.ends_at == E and sub.cancel_at_period_end
    sub.cancel_at_next_billing_date(False, datetime(2026, 9, 10, tzinfo=UTC))
    assert sub.ends_at is None
    sub.cancel_at_next_billing_date(True, NOW)
    sub.close_cycle(sub.open_cycle, uuid.uuid4(), 1)
    assert sub.open_cycle is None
    with pytest.raises(Conflict):
        sub.cancel_at_next_billing_date(False, NOW)


@pytest.mark.parametrize(
    "at",
    [datetime(2026, 8, 15, tzinfo=UTC), E, datetime(2027, 1, 1, tzinfo=UTC)],
    ids=["before the cycle", "at its end", "in the future"],
)
def test_a_change_outside_the_open_part_of_the_open_cycle_is_invalid_and_records_nothing(at):
    sub = subscription()
    before = copy.deepcopy(vars(sub))
    with pytest.raises(Invalid) as raised:
        sub.change_plan(Plan(PRO), "prorated_immediately", min(at, datetime(2026, 12, 31, tzinfo=UTC)), NOW, "month", 1)
    assert raised.value.errors[0].field == "effective_at"
    assert vars(sub) == before


def test_a_quantity_below_one_is_invalid():
    with pytest.raises(Invalid):
        subscription().change_plan(Plan(PRO, 0), "do_not_bill", T, NOW, "month", 1)
    with pytest.raises(Invalid):
        subscription(quantity=0)


def test_a_cancelled_subscription_cannot_change_plan():
    sub = subscription()
    sub.cancel(T)
    with pytest.raises(Conflict):
        sub.change_plan(Plan(PRO), "do_not_bill", T, NOW, "month", 1)


def test_a_change_before_the_part_already_billed_is_invalid():
    sub = subscription()
    sub.change_plan(Plan(PRO), "prorated_immediately", T, NOW, "month", 1)
    sub.bill_part(T, uuid.uuid4(), 1)
    with pytest.raises(Invalid):
        sub.change_plan(Plan(BASIC), "prorated_immediately", datetime(2026, 9, 10, tzinfo=UTC), NOW, "month", 1)


def test_a_snapshot_of_the_first_version_loads_as_one_epoch_and_one_plan():
    sub = subscription()
    state = {"anchor": S, "billing_interval": "month", "interval_count": 1, "product_id": BASIC, "closed": 2}
    Subscription.upcast_v1_v2(state)
    restored = copy.copy(sub)
    vars(restored).update(state)
    assert restored.cycle(2).start == datetime(2026, 11, 1, tzinfo=UTC)
    assert restored.bill_cycles == [0, 1] and restored.plan == Plan(BASIC)
