"""Customer commands on the event store, without HTTP."""

import pytest

from domain.errors import Conflict, NotFound


def test_a_customer_without_an_external_id_is_given_a_generated_one(tally, business):
    first = tally.customers.create_customer(business, None, "Gen", None)
    second = tally.customers.create_customer(business, None, "Gen", None)
    assert first.id.startswith("cus_") and first.id != second.id
    assert tally.customers.get_customer(business, first.id).name == "Gen"


def test_a_second_customer_with_the_same_external_id_is_a_conflict(tally, business, make_customer):
    make_customer("cus_1")
    with pytest.raises(Conflict) as caught:
        make_customer("cus_1")
    assert caught.value.code == "customer_exists"


def test_the_same_external_id_names_different_customers_in_different_businesses(tally, business, make_customer):
    make_customer("cus_1", name="Ours")
    other = tally.businesses.register_business("other")
    tally.customers.create_customer(other, "cus_1", "Theirs", None)
    assert tally.customers.get_customer(business, "cus_1").name == "Ours"


def test_an_update_changes_only_the_fields_it_gives(tally, business, make_customer):
    make_customer("cus_1", name="Acme", email="old@acme.test")
    position = tally.customers.update_customer(business, "cus_1", {"email": "new@acme.test"}).position
    customer = tally.customers.get_customer(business, "cus_1")
    assert (customer.name, customer.email) == ("Acme", "new@acme.test")
    assert position == tally.store.head()


def test_another_business_cannot_read_or_update_a_customer(tally, business, make_customer):
    make_customer("cus_1")
    other = tally.businesses.register_business("other")
    with pytest.raises(NotFound):
        tally.customers.get_customer(other, "cus_1")
    with pytest.raises(NotFound):
        tally.customers.update_customer(other, "cus_1", {"name": "x"})
