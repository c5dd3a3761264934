"""The worked example of docs/subscriptions.md: Basic (30.00 a month, calls at 0.02 after 1,000 free) and Pro
(60.00, calls at 0.01 after 5,000 free), a subscription from 2026-09-01, 2,500 calls on 2026-09-05, a change to
Pro at 2026-09-16 (half the cycle), 8,000 calls on 2026-09-20, then the close of what is due."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from decimal import Decimal

import pytest

from application.tally import Tally
from domain.credit_rules import Attachment, EntitlementTerms
from domain.credit_wallet import CreditWallet, wallet_id
from domain.customer import customer_id
from domain.errors import Conflict, Invalid, NotFound
from domain.proration import AddonItem
from interfaces.cli.audit import render_explanation
from tests.application.helpers import close, count_meter, price, send

S = datetime(2026, 9, 1, tzinfo=timezone.utc)
T = datetime(2026, 9, 16, tzinfo=timezone.utc)
NOW = datetime(2026, 10, 2, tzinfo=timezone.utc)  # the September cycle has ended, October has not


@pytest.fixture
def plans(tally: Tally, business: uuid.UUID, make_customer) -> tuple[uuid.UUID, uuid.UUID]:
    make_customer("cus_1")
    calls = count_meter(tally, business)
    basic = tally.catalogue.create_product(
        business, "Basic", "USD", Decimal("30.00"), "month", 1, [price(calls, "0.02", "1000")]
    ).id
    pro = tally.catalogue.create_product(
        business, "Pro", "USD", Decimal("60.00"), "month", 1, [price(calls, "0.01", "5000")]
    ).id
    return basic, pro


def start(tally, business, product, **kw) -> uuid.UUID:
    return tally.subscriptions.start_subscription(business, "cus_1", product, S, NOW, **kw).id


def totals(invoices) -> list[str]:
    return [str(i.total) for i in invoices]


def change(tally, business, subscription, pro, mode, at=T, **kw):
    return tally.plan_changes.change_plan(business, subscription, pro, kw.pop("quantity", 1), mode, at, NOW, **kw)


@pytest.mark.parametrize("mode", ["prorated_immediately", "prorated_immediately_keep_cycle"])
def test_prorated_immediately_bills_the_basic_half_at_the_change_and_the_pro_half_at_the_end(
    tally, business, plans, worker, mode
):
    basic, pro = plans
    subscription = start(tally, business, basic)
    send(tally, business, "cus_1", "api.call", 2500, datetime(2026, 9, 5, tzinfo=timezone.utc), "a")
    changed = change(tally, business, subscription, pro, mode)
    send(tally, business, "cus_1", "api.call", 8000, datetime(2026, 9, 20, tzinfo=timezone.utc), "b")
    [at_end] = close(tally, business, subscription, NOW)

    [at_change] = changed.invoices
    assert (str(at_change.price), str(at_change.total)) == ("15.00", "55.00")
    assert (at_change.cycle_start, at_change.cycle_end) == (S, T)
    assert (str(at_end.price), str(at_end.total)) == ("30.00", "85.00")
    assert (at_end.cycle_start, at_end.cycle_end) == (T, datetime(2026, 10, 1, tzinfo=timezone.utc))
    [line] = at_end.lines
    assert (line.quantity, line.free, line.billable) == (Decimal(8000), Decimal(2500), Decimal(5500))
    stored = tally.subscriptions.get_subscription(business, subscription)
    assert stored.invoice_ids == [at_change.id, at_end.id] and stored.product_id == pro


def test_full_immediately_bills_the_basic_half_and_starts_a_pro_cycle_at_the_change(tally, business, plans, worker):
    basic, pro = plans
    subscription = start(tally, business, basic)
    send(tally, business, "cus_1", "api.call", 2500, datetime(2026, 9, 5, tzinfo=timezone.utc), "a")
    changed = change(tally, business, subscription, pro, "full_immediately")
    send(tally, business, "cus_1", "api.call", 8000, datetime(2026, 9, 20, tzinfo=timezone.utc), "b")
    later = datetime(2026, 10, 17, tzinfo=timezone.utc)
    [pro_cycle] = [
        tally.billing.invoice(business, i) for i in tally.billing.close_cycles(business, subscription, later)
    ]

    assert totals(changed.invoices) == ["55.00"]
    assert (pro_cycle.cycle_start, pro_cycle.cycle_end) == (T, datetime(2026, 10, 16, tzinfo=timezone.utc))
    assert (str(pro_cycle.price), str(pro_cycle.total)) == ("60.00", "90.00")


def test_do_not_bill_issues_nothing_at_the_change_and_splits_the_usage_at_the_end(tally, business, plans, worker):
    basic, pro = plans
    subscription = start(tally, business, basic)
    send(tally, business, "cus_1", "api.call", 2500, datetime(2026, 9, 5, tzinfo=timezone.utc), "a")
    changed = change(tally, business, subscription, pro, "do_not_bill")
    send(tally, business, "cus_1", "api.call", 8000, datetime(2026, 9, 20, tzinfo=timezone.utc), "b")
    [september] = close(tally, business, subscription, NOW)

    assert changed.invoices == []
    assert (str(september.price), str(september.total)) == ("30.00", "125.00")
    assert [(str(line.amount), line.segment) for line in september.lines] == [("40.00", 0), ("55.00", 1)]
    assert [s["fixed"] for s in september.segments] == ["whole", "none"]


def test_a_change_scheduled_for_the_next_billing_date_leaves_september_on_basic(tally, business, plans, worker):
    basic, pro = plans
    subscription = start(tally, business, basic)
    send(tally, business, "cus_1", "api.call", 2500, datetime(2026, 9, 5, tzinfo=timezone.utc), "a")
    change(tally, business, subscription, pro, "prorated_immediately", at="next_billing_date")
    tally.plan_changes.cancel_scheduled_change(business, subscription)
    with pytest.raises(NotFound):
        tally.plan_changes.cancel_scheduled_change(business, subscription)
    change(tally, business, subscription, pro, "prorated_immediately", at="next_billing_date")
    send(tally, business, "cus_1", "api.call", 8000, datetime(2026, 9, 20, tzinfo=timezone.utc), "b")
    invoices = close(tally, business, subscription, datetime(2026, 11, 2, tzinfo=timezone.utc))

    assert totals(invoices) == ["220.00", "60.00"]
    assert invoices[1].product_id == pro


def test_a_trial_bills_nothing_and_the_first_cycle_starts_at_its_end(tally, business, plans, worker):
    basic, _ = plans
    subscription = start(tally, business, basic, trial_period_days=14)
    send(tally, business, "cus_1", "api.call", 3000, datetime(2026, 9, 5, tzinfo=timezone.utc), "a")
    trial, first = close(tally, business, subscription, datetime(2026, 10, 16, tzinfo=timezone.utc))

    assert (str(trial.total), trial.lines[0].quantity) == ("0.00", Decimal(3000))
    assert (first.cycle_start, first.cycle_end) == (
        datetime(2026, 9, 15, tzinfo=timezone.utc),
        datetime(2026, 10, 15, tzinfo=timezone.utc),
    )
    assert str(first.total) == "30.00"


def test_three_seats_bill_three_fixed_prices(tally, business, plans, worker):
    basic, _ = plans
    subscription = start(tally, business, basic, quantity=3)
    [september] = close(tally, business, subscription, NOW)
    assert str(september.total) == "90.00"


def test_cancel_at_the_next_billing_date_ends_the_subscription_with_the_open_cycle(tally, business, plans, worker):
    basic, _ = plans
    subscription = start(tally, business, basic)
    tally.subscriptions.update_subscription(business, subscription, NOW, cancel_at_next_billing_date=True)
    invoices = close(tally, business, subscription, datetime(2026, 12, 7, tzinfo=timezone.utc))
    assert totals(invoices) == ["30.00"]
    assert tally.subscriptions.get_subscription(business, subscription).open_cycle is None


def test_a_preview_answers_the_invoice_a_change_would_issue_and_stores_nothing(tally, business, plans, worker):
    basic, pro = plans
    subscription = start(tally, business, basic)
    send(tally, business, "cus_1", "api.call", 2500, datetime(2026, 9, 5, tzinfo=timezone.utc), "a")
    head = tally.store.head()
    preview = change(tally, business, subscription, pro, "prorated_immediately", preview=True)
    assert totals(preview.invoices) == ["55.00"]
    assert tally.store.head() == head
    assert tally.subscriptions.get_subscription(business, subscription).product_id == basic


def test_refused_changes_store_nothing(tally, business, plans, worker):
    basic, pro = plans
    subscription = start(tally, business, basic)
    euro = tally.catalogue.create_product(business, "Euro", "EUR", Decimal("30.00"), "month", 1, []).id
    old = tally.catalogue.create_product(business, "Old", "USD", Decimal("30.00"), "month", 1, []).id
    tally.catalogue.archive_product(business, old)
    head = tally.store.head()
    with pytest.raises(NotFound):
        change(tally, business, subscription, uuid.uuid4(), "prorated_immediately")
    with pytest.raises(Invalid) as archived:
        change(tally, business, subscription, old, "prorated_immediately")
    with pytest.raises(Invalid) as outside:
        change(
            tally, business, subscription, pro, "prorated_immediately", at=datetime(2026, 8, 15, tzinfo=timezone.utc)
        )
    with pytest.raises(Invalid):
        change(tally, business, subscription, pro, "prorated_immediately", quantity=0)
    with pytest.raises(Invalid) as currency:
        change(tally, business, subscription, euro, "prorated_immediately")
    tally.subscriptions.cancel_subscription(business, subscription, NOW)
    head = tally.store.head()
    with pytest.raises(Conflict):
        change(tally, business, subscription, pro, "do_not_bill")
    assert tally.store.head() == head
    assert (archived.value.code, outside.value.code, currency.value.code) == (
        "product_archived",
        "invalid_plan_change",
        "currency_mismatch",
    )
    assert "EUR" in currency.value.detail


def test_audit_verify_re_derives_every_proration_invoice_from_the_log(tally, business, plans, worker):
    basic, pro = plans
    for mode in ("prorated_immediately", "full_immediately", "do_not_bill"):
        subscription = start(tally, business, basic)
        send(tally, business, "cus_1", "api.call", 300, datetime(2026, 9, 5, tzinfo=timezone.utc), f"{mode}-a")
        change(tally, business, subscription, pro, mode)
        send(tally, business, "cus_1", "api.call", 700, datetime(2026, 9, 20, tzinfo=timezone.utc), f"{mode}-b")
        close(tally, business, subscription, NOW)
    worker.caught_up()
    verdict = tally.verification.verify(business)
    assert (verdict.invoices, verdict.findings) == (4, [])  # 2 prorated, 1 full at the change, 1 do_not_bill


@pytest.mark.parametrize(
    "behaviour, mode, granted",
    [
        ("prorate", "prorated_immediately", ["1000", "2000"]),  # (5,000 - 1,000) x 1/2
        ("no_prorate", "prorated_immediately", ["1000", "4000"]),  # 5,000 - 1,000, whole
        ("prorate", "do_not_bill", ["1000", "2000"]),
        ("no_prorate", "full_immediately", ["1000", "5000"]),  # a new cycle: the new product's whole grant
    ],
)
def test_a_change_grants_the_new_entitlement_credits_for_the_rest_of_the_cycle_by_proration_behavior(
    tally, business, make_customer, worker, behaviour, mode, granted
):
    make_customer("cus_1")
    entitlement = str(tally.entitlements.define(business, EntitlementTerms("API credits", "credits", 0)).id)
    basic = tally.catalogue.create_product(
        business, "Basic", "USD", Decimal(30), "month", 1, [], [Attachment(entitlement, Decimal(1000), {})]
    ).id
    pro = tally.catalogue.create_product(
        business, "Pro", "USD", Decimal(60), "month", 1, [], [Attachment(entitlement, Decimal(5000), {}, behaviour)]
    ).id
    subscription = start(tally, business, basic)
    change(tally, business, subscription, pro, mode)
    held: CreditWallet = tally.store.repository.get(wallet_id(customer_id(business, "cus_1"), entitlement))
    assert [str(g["amount"]) for g in held.grants.values()] == granted
    ends = datetime(2026, 10, 16 if mode == "full_immediately" else 1, tzinfo=timezone.utc)
    assert list(held.grants.values())[-1]["expires_at"] == ends  # settled with the cycle it pays for


def test_a_downgrade_takes_no_credits_back_and_a_preview_grants_nothing(tally, business, make_customer, worker):
    make_customer("cus_1")
    entitlement = str(tally.entitlements.define(business, EntitlementTerms("API credits", "credits", 0)).id)
    big = tally.catalogue.create_product(
        business, "Big", "USD", Decimal(60), "month", 1, [], [Attachment(entitlement, Decimal(5000), {})]
    ).id
    small = tally.catalogue.create_product(
        business, "Small", "USD", Decimal(30), "month", 1, [], [Attachment(entitlement, Decimal(1000), {})]
    ).id
    subscription = start(tally, business, big)
    head = tally.store.head()
    change(tally, business, subscription, small, "prorated_immediately", preview=True)
    assert tally.store.head() == head
    change(tally, business, subscription, small, "prorated_immediately")
    held: CreditWallet = tally.store.repository.get(wallet_id(customer_id(business, "cus_1"), entitlement))
    assert [str(g["amount"]) for g in held.grants.values()] == ["5000"]


@pytest.mark.parametrize("moved_to, ends", [(datetime(2026, 9, 21, tzinfo=timezone.utc), 21), (None, 11)])
def test_moving_the_next_billing_date_bills_the_open_cycle_whole_and_runs_the_next_ones_from_there(
    tally, business, plans, worker, moved_to, ends
):
    basic, pro = plans
    subscription = start(tally, business, basic)
    send(tally, business, "cus_1", "api.call", 2500, datetime(2026, 9, 5, tzinfo=timezone.utc), "a")
    change(tally, business, subscription, pro, "do_not_bill")  # shares are of the cycle as moved
    moved_to = moved_to or datetime(2026, 10, 11, 0, 0, 30, tzinfo=timezone.utc)  # 40 days, truncated to the minute
    tally.subscriptions.update_subscription(
        business, subscription, datetime(2026, 9, 17, tzinfo=timezone.utc), next_billing_date=moved_to
    )
    moved, following = close(tally, business, subscription, datetime(2026, 11, 12, tzinfo=timezone.utc))

    assert (moved.cycle_start, moved.cycle_end) == (S, moved_to.replace(second=0))
    assert [s["share"] for s in moved.segments] == ([[3, 4], [1, 4]] if ends == 21 else [[3, 8], [5, 8]])
    assert str(moved.price) == "30.00"  # Basic's whole fixed price, as for any cycle; Pro's starts with the next
    month = moved.cycle_end.month + 1
    assert (following.cycle_start, following.cycle_end) == (moved.cycle_end, moved.cycle_end.replace(month=month))
    assert str(following.total) == "60.00"
    assert tally.explainer.explain_invoice(business, moved.id).matches
    worker.caught_up()
    assert tally.verification.verify(business).findings == []


def test_the_next_billing_date_moves_only_forward_in_an_open_cycle_that_has_not_ended(tally, business, plans, worker):
    basic, pro = plans
    now = datetime(2026, 9, 17, tzinfo=timezone.utc)
    subscription = start(tally, business, basic)
    trial = start(tally, business, basic, trial_period_days=14)

    def move(sub, at, when=now):
        tally.subscriptions.update_subscription(business, sub, when, next_billing_date=at)

    for at in (datetime(2026, 9, 16, tzinfo=timezone.utc), now, datetime(9000, 1, 1, tzinfo=timezone.utc)):
        with pytest.raises(Invalid) as refused:
            move(subscription, at)
        assert refused.value.errors[0].field == "next_billing_date"
    with pytest.raises(Conflict) as in_trial:
        move(trial, datetime(2026, 9, 20, tzinfo=timezone.utc), datetime(2026, 9, 3, tzinfo=timezone.utc))
    with pytest.raises(Conflict) as ended:
        move(subscription, datetime(2026, 10, 20, tzinfo=timezone.utc), NOW)
    tally.plan_changes.change_plan(business, subscription, pro, 1, "prorated_immediately", T, now)
    head = tally.store.head()
    with pytest.raises(Conflict) as billed:
        move(subscription, datetime(2026, 9, 20, tzinfo=timezone.utc))
    assert tally.store.head() == head
    assert (in_trial.value.code, ended.value.code, billed.value.code) == (
        "subscription_in_trial",
        "cycle_ended",
        "part_billed",
    )


def test_difference_immediately_charges_an_upgrade_at_once_and_the_cycle_costs_the_new_fixed_price(
    tally, business, plans, worker
):
    basic, pro = plans
    subscription = start(tally, business, basic)
    send(tally, business, "cus_1", "api.call", 2500, datetime(2026, 9, 5, tzinfo=timezone.utc), "a")
    changed = change(tally, business, subscription, pro, "difference_immediately")
    send(tally, business, "cus_1", "api.call", 8000, datetime(2026, 9, 20, tzinfo=timezone.utc), "b")
    [september] = close(tally, business, subscription, NOW)

    [difference] = changed.invoices
    assert (str(difference.price), str(difference.total), difference.lines) == ("30.00", "30.00", [])
    assert (difference.cycle_start, difference.cycle_end) == (T, datetime(2026, 10, 1, tzinfo=timezone.utc))
    assert [(s["fixed"], str(s["amount"])) for s in difference.segments] == [("none", "0.00"), ("difference", "30.00")]
    # Basic's whole 30.00, nothing credited, the usage split at the change as for do_not_bill: 40.00 + 55.00
    assert (str(september.price), str(september.total)) == ("30.00", "125.00")
    assert [s["fixed"] for s in september.segments] == ["whole", "credited"]
    stored = tally.subscriptions.get_subscription(business, subscription)
    assert stored.invoice_ids == [difference.id, september.id]
    explained = tally.explainer.explain_invoice(business, difference.id)
    assert explained.matches and [s.fixed_share for s in explained.segments] == ["0/1", "difference"]
    assert "60.00 x 1 less segment 0's -> 30.00" in render_explanation(explained)
    worker.caught_up()
    assert tally.verification.verify(business).findings == []


def test_difference_immediately_credits_a_downgrade_on_the_cycles_invoice(tally, business, plans, worker):
    basic, pro = plans
    subscription = start(tally, business, pro, quantity=2)
    send(tally, business, "cus_1", "api.call", 2500, datetime(2026, 9, 5, tzinfo=timezone.utc), "a")
    changed = change(tally, business, subscription, basic, "difference_immediately")
    [september] = close(tally, business, subscription, NOW)

    assert changed.invoices == []  # nothing to charge: 30.00 x 1 - 60.00 x 2 = -90.00 is credited at the close
    assert [(s["fixed"], str(s["amount"])) for s in september.segments] == [("whole", "120.00"), ("credited", "-90.00")]
    assert (str(september.price), str(september.total)) == ("30.00", "30.00")  # 2,500 calls of [09-01, 09-16) free
    assert tally.explainer.explain_invoice(business, september.id).matches
    worker.caught_up()
    assert tally.verification.verify(business).findings == []


def test_difference_immediately_is_only_a_cycles_first_change_and_previews_store_nothing(
    tally, business, plans, worker
):
    basic, pro = plans
    subscription = start(tally, business, basic)
    head = tally.store.head()
    preview = change(tally, business, subscription, pro, "difference_immediately", preview=True)
    assert totals(preview.invoices) == ["30.00"] and tally.store.head() == head
    change(tally, business, subscription, pro, "do_not_bill", at=datetime(2026, 9, 10, tzinfo=timezone.utc))
    head = tally.store.head()
    with pytest.raises(Invalid) as refused:
        change(tally, business, subscription, basic, "difference_immediately")
    assert refused.value.errors[0].field == "proration_billing_mode" and tally.store.head() == head
    other = start(tally, business, basic)
    change(tally, business, other, pro, "difference_immediately")
    with pytest.raises(Invalid) as same_instant:  # its invoice stands for the change at T
        change(tally, business, other, basic, "do_not_bill")
    assert same_instant.value.errors[0].field == "effective_at"


@pytest.fixture
def support(tally, business) -> uuid.UUID:
    """An add-on: 5.00 a cycle."""
    return tally.addons.create(business, "Support", "USD", Decimal("5.00"), "saas").id


def test_add_ons_bill_a_line_each_prorated_at_a_change_like_the_fixed_price(tally, business, plans, support, worker):
    basic, pro = plans
    subscription = start(tally, business, basic, addons=(AddonItem(support, 2),))
    send(tally, business, "cus_1", "api.call", 2500, datetime(2026, 9, 5, tzinfo=timezone.utc), "a")
    changed = change(tally, business, subscription, pro, "prorated_immediately", addons=(AddonItem(support, 3),))
    send(tally, business, "cus_1", "api.call", 8000, datetime(2026, 9, 20, tzinfo=timezone.utc), "b")
    [at_end] = close(tally, business, subscription, NOW)

    [at_change] = changed.invoices
    # 15.00 fixed + 40.00 calls + 5.00 x 2 x 1/2; then 30.00 + 55.00 + 5.00 x 3 x 1/2
    assert (str(at_change.total), str(at_end.total)) == ("60.00", "92.50")
    [addon_line] = [line for line in at_end.lines if line.meter_id == f"addon:{support}"]
    assert (addon_line.meter_name, addon_line.quantity, str(addon_line.unit_price), str(addon_line.amount)) == (
        "Support",
        Decimal(3),
        "5.00",
        "7.50",
    )
    for invoice in (at_change, at_end):
        explained = tally.explainer.explain_invoice(business, invoice.id)
        assert explained.matches
    assert str(explained.lines[-1].exact_amount) == "7.5"
    worker.caught_up()
    assert tally.verification.verify(business).findings == []


def test_a_new_add_on_price_applies_to_the_open_cycle_and_the_close_explains_it(
    tally, business, plans, support, worker
):
    basic, _ = plans
    subscription = start(tally, business, basic, addons=(AddonItem(support, 2),))
    tally.addons.update(business, support, {"price": Decimal("7.25"), "name": "Priority support"})
    [september] = close(tally, business, subscription, NOW)
    assert (str(september.total), september.lines[-1].meter_name) == ("44.50", "Priority support")
    tally.addons.update(business, support, {"price": Decimal("1.00")})  # after the close: the invoice stands
    assert tally.explainer.explain_invoice(business, september.id).matches


def test_add_ons_are_counted_in_a_difference_and_kept_when_a_change_names_none(tally, business, plans, support, worker):
    basic, pro = plans
    subscription = start(tally, business, basic, addons=(AddonItem(support, 2),))
    changed = change(tally, business, subscription, pro, "difference_immediately", addons=(AddonItem(support, 4),))
    [difference] = changed.invoices
    assert str(difference.total) == "40.00"  # (60.00 + 5.00 x 4) - (30.00 + 5.00 x 2)
    change(tally, business, subscription, basic, "do_not_bill", at=datetime(2026, 9, 20, tzinfo=timezone.utc))
    assert tally.subscriptions.get_subscription(business, subscription).plan.addons == (AddonItem(support, 4),)
    [september] = close(tally, business, subscription, NOW)
    # Basic whole 30.00 + its add-ons 10.00; the credited and none segments' add-on lines are 0.00
    assert str(september.total) == "40.00"
    assert [str(line.amount) for line in september.lines if line.meter_id.startswith("addon:")] == [
        "10.00",
        "0.00",
        "0.00",
    ]
    assert tally.explainer.explain_invoice(business, september.id).matches


def test_add_ons_in_another_currency_unknown_or_without_a_quantity_are_refused(tally, business, plans, support, worker):
    basic, pro = plans
    euro = tally.addons.create(business, "Euro support", "EUR", Decimal("5.00"), "saas").id
    subscription = start(tally, business, basic)
    head = tally.store.head()
    cases = [
        ((AddonItem(euro, 1),), "currency_mismatch"),
        ((AddonItem(uuid.uuid4(), 1),), "unknown_addon"),
        ((AddonItem(support, 0),), "invalid_plan_change"),
        ((AddonItem(support, 1), AddonItem(support, 2)), "invalid_plan_change"),
    ]
    for addons, code in cases:
        with pytest.raises(Invalid) as refused:
            change(tally, business, subscription, pro, "prorated_immediately", addons=addons)
        assert refused.value.code == code
        with pytest.raises(Invalid):
            start(tally, business, basic, addons=addons)
    assert tally.store.head() == head
    with pytest.raises(Invalid) as currency:
        tally.addons.update(business, support, {"currency": "EUR"})
    with pytest.raises(Invalid) as negative:
        tally.addons.create(business, "Bad", "USD", Decimal("-1"), "saas")
    assert (currency.value.errors[0].field, negative.value.errors[0].field) == ("currency", "price")


def test_a_change_scheduled_with_add_ons_brings_them_at_the_next_billing_date(tally, business, plans, support, worker):
    basic, pro = plans
    subscription = start(tally, business, basic)
    change(
        tally,
        business,
        subscription,
        pro,
        "prorated_immediately",
        at="next_billing_date",
        addons=(AddonItem(support, 1),),
    )
    scheduled = tally.subscriptions.get_subscription(business, subscription).scheduled
    assert scheduled is not None and scheduled["addons"] == [{"addon_id": str(support), "quantity": 1}]
    september, october = close(tally, business, subscription, datetime(2026, 11, 2, tzinfo=timezone.utc))
    assert (str(september.total), str(october.total)) == ("30.00", "65.00")  # Pro 60.00 + the add-on 5.00
    assert tally.subscriptions.get_subscription(business, subscription).plan.addons == (AddonItem(support, 1),)
