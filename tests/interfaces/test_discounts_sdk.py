"""Dodo's SDK in strict mode drives discounts: create, retrieve, update, list, find by code, delete; and a
subscription created through it redeems a code (docs/discounts.md)."""

from __future__ import annotations

import pytest
from dodopayments import NotFoundError

from tests.interfaces.billing_helpers import meter, product


def test_a_discount_through_the_sdk_from_creation_to_deletion(strict_sdk, client, auth):
    sdk = strict_sdk
    plan = product(client, auth, {"meter_id": meter(client, auth, "api.call"), "unit_price": "0.02"})["id"]
    created = sdk.discounts.create(
        amount=1500,
        type="percentage",
        code="sdk15",
        name="SDK",
        subscription_cycles=3,
        usage_limit=5,
        restricted_to=[plan],
    )
    assert (created.code, created.amount, created.type, created.subscription_cycles, created.usage_limit) == (
        "SDK15",
        1500,
        "percentage",
        3,
        5,
    )
    assert (created.restricted_to, created.times_used, created.customer_eligibility) == ([plan], 0, "any")
    assert sdk.discounts.retrieve(created.discount_id).code == "SDK15"
    assert sdk.discounts.update(created.discount_id, amount=2500).amount == 2500
    assert created.discount_id in [d.discount_id for d in sdk.discounts.list(page_size=100).items]
    assert sdk.discounts.retrieve_by_code("sdk15").discount_id == created.discount_id
    sdk.discounts.delete(created.discount_id)
    with pytest.raises(NotFoundError):
        sdk.discounts.retrieve(created.discount_id)
    with pytest.raises(NotFoundError):
        sdk.discounts.retrieve_by_code("SDK15")


def test_a_flat_code_with_its_currency_options_through_the_sdk(strict_sdk):
    flat = strict_sdk.discounts.create(
        amount=1, type="flat", code="FLAT5", currency_options=[{"currency": "USD", "max_amount_possible": 500}]
    )
    [option] = strict_sdk.discounts.retrieve(flat.discount_id).currency_options or []
    assert (flat.type, option.currency, option.max_amount_possible, option.minimum_subtotal) == ("flat", "USD", 500, 0)
