"""Finding every Decimal field of a body by its type (interfaces/http/plain_decimals.py), without a database."""

from __future__ import annotations

from interfaces.http.commands.credits import CreditGrant
from interfaces.http.commands.ingest import IngestBody
from interfaces.http.plain_decimals import decimal_faults, decimal_type
from interfaces.resources.catalog.products import ProductCreate


def fields(annotation, raw):
    t = decimal_type(annotation)
    assert t is not None
    return [f.field for f in decimal_faults(t, raw)]


def test_every_decimal_of_a_product_is_found_however_deep_it_is_nested():
    loose = "1_0"
    body = {
        "name": "p",
        "price": loose,
        "usage_prices": [
            {
                "meter_id": "m",
                "unit_price": None,
                "free_threshold": "1",
                "tiers": [{"up_to": loose, "unit_price": "0.5"}, {"up_to": None, "unit_price": 2}],
                "credits": {"per_cycle": "1e3", "per_unit": "1"},
                "group_prices": {"eu": {"unit_price": " 1"}, "us": {"package_size": "٣"}},
            }
        ],
        "credit_entitlements": [{"credit_entitlement_id": "e", "credits_amount": 5.5, "overage_limit": 3}],
    }
    assert fields(ProductCreate, body) == [
        "price",
        "usage_prices[0].tiers[0].up_to",
        "usage_prices[0].tiers[1].unit_price",
        "usage_prices[0].credits.per_cycle",
        "usage_prices[0].group_prices.eu.unit_price",
        "usage_prices[0].group_prices.us.package_size",
        "credit_entitlements[0].credits_amount",
        "credit_entitlements[0].overage_limit",
    ]


def test_plain_decimals_and_values_of_another_shape_are_left_alone():
    assert fields(CreditGrant, {"amount": "-12.50"}) == []
    assert fields(CreditGrant, {"amount": None}) == ["amount"]  # not a string: msgspec would refuse it too
    assert fields(ProductCreate, {"usage_prices": "none", "credit_entitlements": [7]}) == []  # msgspec names these


def test_a_body_without_decimals_is_not_read_for_them():
    assert decimal_type(IngestBody) is None
