"""Details Dodo's SDK reads and changes (docs/dodo.md): a customer's phone and metadata, a meter's name,
description and unit; events stored before these existed still load."""

import uuid

import pytest

from domain.customer import Customer
from domain.errors import Invalid
from domain.meter import Meter

BUSINESS = uuid.uuid4()


def test_a_customer_change_sets_only_the_details_it_names_and_null_clears_metadata() -> None:
    customer = Customer.register(BUSINESS, "cus_1", "Ada", "ada@example.com", "+15550100", {"plan": "pro"})
    customer.update({"name": "Ada L.", "metadata": None})
    assert (customer.name, customer.email, customer.phone_number, customer.metadata) == (
        "Ada L.",
        "ada@example.com",
        "+15550100",
        {},
    )
    assert customer.collect_events()[-1].changes == {"name": "Ada L.", "metadata": {}}


def test_a_customer_change_of_nothing_records_nothing_and_an_unknown_detail_is_refused() -> None:
    customer = Customer.register(BUSINESS, "cus_1", None, None)
    customer.collect_events()
    customer.update({})
    assert customer.collect_events() == []
    with pytest.raises(Invalid) as caught:
        customer.update({"external_id": "cus_2"})
    assert caught.value.errors[0].field == "external_id"


@pytest.mark.parametrize("metadata", [{"k": 1.5}, {"": "x"}, {f"k{i}": i for i in range(51)}, {"k": "a\x00"}])
def test_customer_metadata_follows_the_events_metadata_rule(metadata: dict) -> None:
    with pytest.raises(Invalid):
        Customer.register(BUSINESS, "cus_1", None, None, None, metadata)


@pytest.mark.parametrize("external_id", ["a/b", "/", ".", ".."])
def test_a_customer_id_that_could_not_be_fetched_back_is_refused(external_id: str) -> None:
    with pytest.raises(Invalid) as caught:
        Customer.register(BUSINESS, external_id, None, None)
    assert caught.value.errors[0].field == "customer_id"


def test_customer_events_stored_before_phone_and_metadata_are_read_as_the_new_version() -> None:
    created = {"business_id": BUSINESS, "external_id": "cus_1", "name": None, "email": None}
    Customer.Created.upcast_v1_v2(created)
    assert (created["phone_number"], created["metadata"]) == (None, {})
    updated = {"name": None, "email": "new@example.com"}
    Customer.Updated.upcast_v1_v2(updated)
    assert updated == {"changes": {"email": "new@example.com"}}


def test_a_meter_change_renames_and_clears_but_never_touches_the_definition() -> None:
    meter = Meter.define(BUSINESS, "Tokens", "api.call", {"type": "sum", "key": "tokens"}, None, "tokens", "d")
    meter.update({"name": "Tokens used", "description": None, "measurement_unit": "k"})
    assert (meter.name, meter.description, meter.measurement_unit) == ("Tokens used", None, "k")
    for change in (
        {"event_name": "other"},
        {"aggregation": {"type": "count"}},
        {"name": ""},
        {"name": None},
        {"filter": None},
        {"description": "a\x00"},
    ):
        with pytest.raises(Invalid):
            meter.update(change)
    assert (meter.event_name, meter.aggregation) == ("api.call", {"type": "sum", "key": "tokens"})
    assert (meter.rule.kind, meter.rule.key) == ("sum", "tokens")
