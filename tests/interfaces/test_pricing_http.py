"""Pricing over HTTP: models and per-value prices on a product, the new aggregations, usage grouped by metadata
keys, and the bad paths (422 with the path of each fault, nothing written)."""

from decimal import Decimal

import pytest

from tests.interfaces.helpers import event, ingest
from tests.interfaces.test_meters_http import RANGE, T0, create, settled, usage

TIERS = [
    {"up_to": "1000", "unit_price": "0.02"},
    {"up_to": "5000", "unit_price": "0.015"},
    {"up_to": None, "unit_price": "0.01", "flat_price": "1"},
]


@pytest.fixture
def llm_usage(client, auth):
    assert client.post("/customers", json={"customer_id": "cus_m"}, headers=auth).status_code == 201
    rows = [("gpt-4", 1000, "u1"), ("gpt-4", "500", "u2"), ("small", 10, "u1"), ("small", 30, "u3"), (None, 4, "u1")]
    response = ingest(
        client,
        auth,
        *[
            event(
                f"e{i}",
                "cus_m",
                timestamp=T0.isoformat(),
                metadata={"tokens": t, "user_id": u, **({"model": m} if m else {})},
            )
            for i, (m, t, u) in enumerate(rows)
        ],
    )
    assert response.status_code == 200, response.text
    return response.json()["position"]


def product(client, auth, *usage_prices):
    return client.post(
        "/products",
        headers=auth,
        json={"name": "plan", "currency": "USD", "billing_interval": "month", "usage_prices": list(usage_prices)},
    )


def test_a_product_shows_each_model_and_its_per_value_prices(client, auth):
    meter = create(client, auth, "calls", "count")["id"]
    response = product(
        client,
        auth,
        {
            "meter_id": meter,
            "model": "graduated",
            "tiers": TIERS,
            "group_by": "region",
            "group_prices": {"eu": {"model": "package", "package_size": "100", "package_price": "2.5"}},
        },
    )
    assert response.status_code == 201, response.text
    [shown] = response.json()["usage_prices"]
    assert (shown["model"], shown["unit_price"], shown["group_by"]) == ("graduated", None, "region")
    assert shown["tiers"][2] == {"up_to": None, "unit_price": "0.01", "flat_price": "1"}
    assert shown["group_prices"]["eu"] == {
        "model": "package",
        "unit_price": None,
        "tiers": None,
        "package_size": "100",
        "package_price": "2.5",
    }


@pytest.mark.parametrize(
    "terms, paths",
    [
        (
            {
                "model": "graduated",
                "tiers": [
                    {"up_to": "10", "unit_price": "1"},
                    {"up_to": "5", "unit_price": "1"},
                    {"up_to": None, "unit_price": "1"},
                ],
            },
            {"usage_prices.tiers[1].up_to"},
        ),
        (
            {"model": "volume", "tiers": [{"up_to": None, "unit_price": "1"}, {"up_to": None, "unit_price": "1"}]},
            {"usage_prices.tiers[0].up_to"},
        ),
        ({"model": "package", "package_size": "0", "package_price": "1"}, {"usage_prices.package_size"}),
        ({"model": "per_unit"}, {"usage_prices.unit_price"}),
        ({"unit_price": "1", "group_prices": {"eu": {"unit_price": "2"}}}, {"usage_prices.group_prices"}),
    ],
)
def test_bad_terms_answer_422_with_the_path_and_create_nothing(client, auth, terms, paths):
    meter = create(client, auth, "calls", "count")["id"]
    response = product(client, auth, {"meter_id": meter, **terms})
    assert response.status_code == 422, response.text
    assert {e["field"] for e in response.json()["errors"]} == paths
    assert client.get("/products", headers=auth).json()["items"] == []


def test_an_unknown_model_is_refused_as_invalid_input(client, auth):
    meter = create(client, auth, "calls", "count")["id"]
    assert product(client, auth, {"meter_id": meter, "model": "tiered", "tiers": TIERS}).status_code == 422


def test_unique_count_min_and_avg_meters(client, auth, llm_usage):
    meters = {
        kind: create(client, auth, kind, kind, "user_id" if kind == "unique_count" else "tokens")
        for kind in ("unique_count", "min", "avg")
    }
    for kind, want in {"unique_count": "3", "min": "4", "avg": "308.8"}.items():
        settled(client, auth, meters[kind])
        assert Decimal(usage(client, auth, meters[kind], llm_usage)["total"]) == Decimal(want), kind


def test_usage_grouped_by_one_or_two_keys_answers_a_series_per_value(client, auth, llm_usage):
    meter = create(client, auth, "tokens", "sum", "tokens")
    settled(client, auth, meter)
    by_model = usage(client, auth, meter, llm_usage, group_by="model")
    assert Decimal(by_model["total"]) == 1544
    assert [(g["group"], g["total"], len(g["buckets"])) for g in by_model["groups"]] == [
        ({"model": "gpt-4"}, "1500", 1),
        ({"model": "small"}, "40", 1),
        ({"model": None}, "4", 1),
    ]
    both = usage(client, auth, meter, llm_usage, group_by=["model", "user_id"])
    assert [g["group"] for g in both["groups"]][:2] == [
        {"model": "gpt-4", "user_id": "u1"},
        {"model": "gpt-4", "user_id": "u2"},
    ]
    assert usage(client, auth, meter, llm_usage)["groups"] is None


def test_bad_group_keys_answer_422(client, auth, llm_usage):
    meter = create(client, auth, "tokens", "sum", "tokens")
    for keys in (["a"] * 2, [f"k{i}" for i in range(6)], ["x" * 101]):
        response = client.get(
            f"/meters/{meter['id']}/usage", headers=auth, params={**RANGE, "window": "hour", "group_by": keys}
        )
        assert response.status_code == 422, response.text
        assert response.json()["errors"][0]["field"] == "group_by"


def test_the_upcoming_invoice_shows_a_line_per_value(client, auth, llm_usage):
    meter = create(client, auth, "tokens", "sum", "tokens")
    response = product(
        client,
        auth,
        {
            "meter_id": meter["id"],
            "unit_price": "0.01",
            "group_by": "model",
            "group_prices": {"gpt-4": {"unit_price": "0.1"}},
        },
    )
    start = T0.replace(day=1, hour=0, minute=0).isoformat()
    subscription = client.post(
        "/subscriptions",
        headers=auth,
        json={"customer_id": "cus_m", "product_id": response.json()["id"], "start": start},
    )
    assert subscription.status_code == 201, subscription.text
    lines = client.get(
        "/customers/cus_m/usage", headers=auth, params={"min_position": subscription.json()["position"]}
    ).json()["lines"]
    assert [(line["group"], line["amount"]) for line in lines] == [
        ({"model": "gpt-4"}, "150.00"),
        ({"model": "small"}, "0.40"),
        ({"model": None}, "0.04"),
    ]
