"""Meters over HTTP: the seed's four aggregations, filters, back-fill, and every bad path."""

import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from tests.interfaces.helpers import event, ingest, items

T0 = datetime.now(timezone.utc).replace(second=0, microsecond=0) - timedelta(minutes=40)
RANGE = {"start": (T0 - timedelta(hours=1)).isoformat(), "end": (T0 + timedelta(hours=1)).isoformat()}


def create(client, auth, name, kind, key=None, filter_=None, **extra):
    body = {
        "name": name,
        "event_name": "api.call",
        "aggregation": {"type": kind, "key": key},
        "measurement_unit": "units",
        **extra,
    }
    if filter_:
        body["filter"] = filter_
    response = client.post("/meters", json=body, headers=auth)
    assert response.status_code == 201, response.text
    return response.json()


@pytest.fixture
def seeded(client, auth):
    assert client.post("/customers", json={"customer_id": "cus_m"}, headers=auth).status_code == 201
    rows = [
        ("e1", 0, "10", "/v1/users"),
        ("e2", 60, 20, "/v1/orders"),
        ("e4", 180, 7, "/v1/users"),
        ("e3", 120, "5", "/v1/users"),
        ("e5", 90, "x", "/v1/orders"),
    ]
    response = ingest(
        client,
        auth,
        *[
            event(i, "cus_m", timestamp=(T0 + timedelta(seconds=o)).isoformat(), metadata={"tokens": v, "endpoint": ep})
            for i, o, v, ep in rows
        ],
    )
    assert response.status_code == 200, response.text
    return response.json()["position"]


def usage(client, auth, meter, position, **params):
    response = client.get(
        f"/meters/{meter['id']}/usage",
        headers=auth,
        params={"customer_id": "cus_m", **RANGE, "window": "hour", "min_position": position, **params},
    )
    assert response.status_code == 200, response.text
    return response.json()


def settled(client, auth, meter):
    """The meter once its back-fill is done: read after its creation position, then on its progress."""
    for _ in range(1000):
        view = client.get(f"/meters/{meter['id']}", headers=auth, params={"min_position": meter["position"]}).json()
        if view["backfill"]["done"]:
            return view
    raise AssertionError("back-fill did not finish")


def test_the_four_aggregations_of_the_seed_events(client, auth, seeded):
    meters = {
        kind: create(client, auth, kind, kind, None if kind == "count" else "tokens")
        for kind in ("count", "sum", "max", "last")
    }
    for kind, want in {"count": "5", "sum": "42", "max": "20", "last": "7"}.items():
        settled(client, auth, meters[kind])
        assert Decimal(usage(client, auth, meters[kind], seeded)["total"]) == Decimal(want), kind


def test_a_non_numeric_value_is_skipped_and_reported(client, auth, seeded):
    meter = settled(client, auth, create(client, auth, "tokens", "sum", "tokens"))
    assert meter["skipped"] == 1


def test_filters_select_events_and_list_them(client, auth, seeded):
    users = create(
        client,
        auth,
        "users",
        "count",
        None,
        {"conjunction": "and", "clauses": [{"key": "endpoint", "operator": "equals", "value": "/v1/users"}]},
    )
    big = create(
        client,
        auth,
        "big",
        "count",
        None,
        {
            "conjunction": "or",
            "clauses": [
                {"key": "tokens", "operator": "greater_than", "value": 15},
                {
                    "conjunction": "and",
                    "clauses": [
                        {"key": "endpoint", "operator": "contains", "value": "orders"},
                        {"key": "tokens", "operator": "equals", "value": "x"},
                    ],
                },
            ],
        },
    )
    settled(client, auth, users), settled(client, auth, big)
    assert usage(client, auth, users, seeded)["total"] == "3"
    assert usage(client, auth, big, seeded)["total"] == "2"
    listed = items(client.get("/events", params={"meter_id": users["id"]}, headers=auth))
    assert sorted(e["event_id"] for e in listed) == ["e1", "e3", "e4"]


def test_new_events_count_live_and_archived_meters_stop(client, auth, seeded):
    meter = settled(client, auth, create(client, auth, "calls", "count"))
    position = ingest(client, auth, event("e6", "cus_m", timestamp=T0.isoformat())).json()["position"]
    assert usage(client, auth, meter, position)["total"] == "6"
    archived = client.post(f"/meters/{meter['id']}/archive", headers=auth)
    assert archived.status_code == 200 and archived.json()["archived"] is True
    position = ingest(client, auth, event("e7", "cus_m", timestamp=T0.isoformat())).json()["position"]
    assert usage(client, auth, meter, position)["total"] == "6"
    listed = client.get("/meters", headers=auth, params={"min_position": position}).json()["items"]
    assert meter["id"] not in [m["id"] for m in listed]
    listed = client.get("/meters", headers=auth, params={"archived": "true"}).json()["items"]
    assert meter["id"] in [m["id"] for m in listed]
    again = client.post(f"/meters/{meter['id']}/unarchive", headers=auth).json()
    position = ingest(client, auth, event("e8", "cus_m", timestamp=T0.isoformat())).json()["position"]
    assert again["archived"] is False and usage(client, auth, meter, position)["total"] == "7"


def test_usage_buckets_per_window(client, auth, seeded):
    meter = settled(client, auth, create(client, auth, "sum", "sum", "tokens"))
    body = usage(client, auth, meter, seeded, window="minute")
    assert [(b["start"][11:16], b["value"]) for b in body["buckets"]] == [
        (T0.strftime("%H:%M"), "10"),
        ((T0 + timedelta(minutes=1)).strftime("%H:%M"), "20"),
        ((T0 + timedelta(minutes=2)).strftime("%H:%M"), "5"),
        ((T0 + timedelta(minutes=3)).strftime("%H:%M"), "7"),
    ]
    assert body["total"] == "42" and body["meter_id"] == meter["id"]


INVALID = [
    ({"aggregation": {"type": "sum"}}, "aggregation.key"),
    ({"aggregation": {"type": "median", "key": "a"}}, "aggregation.type"),
    ({"aggregation": "count"}, "aggregation"),
    ({"name": ""}, "name"),
    ({"event_name": None}, "event_name"),
    (
        {
            "filter": {
                "conjunction": "and",
                "clauses": [
                    {"key": "a", "operator": "equals", "value": 1},
                    {"key": "b", "operator": "like", "value": 1},
                ],
            }
        },
        "filter.clauses[1].operator",
    ),
    (
        {"filter": {"conjunction": "xor", "clauses": [{"key": "a", "operator": "equals", "value": 1}]}},
        "filter.conjunction",
    ),
    ({"filter": {"conjunction": "and", "clauses": []}}, "filter.clauses"),
    (
        {"filter": {"conjunction": "and", "clauses": [{"key": "", "operator": "equals", "value": 1}]}},
        "filter.clauses[0].key",
    ),
    (
        {"filter": {"conjunction": "and", "clauses": [{"key": "a", "operator": "equals", "value": [1]}]}},
        "filter.clauses[0].value",
    ),
    (
        {"filter": {"conjunction": "and", "clauses": [{"key": "a", "operator": "contains", "value": 5}]}},
        "filter.clauses[0].value",
    ),
    (
        {
            "filter": {
                "conjunction": "and",
                "clauses": [
                    {
                        "conjunction": "or",
                        "clauses": [
                            {
                                "conjunction": "and",
                                "clauses": [
                                    {"conjunction": "and", "clauses": [{"key": "a", "operator": "equals", "value": 1}]}
                                ],
                            }
                        ],
                    }
                ],
            }
        },
        "filter.clauses[0].clauses[0].clauses[0]",
    ),
    ({"filter": "tokens > 5"}, "filter"),
    ({"colour": "red"}, "colour"),
]


@pytest.mark.parametrize(("change", "path"), INVALID, ids=[p for _, p in INVALID])
def test_an_invalid_definition_is_422_with_the_path_of_its_fault(client, auth, change, path):
    body = {"name": "m", "event_name": "api.call", "aggregation": {"type": "count"}, **change}
    response = client.post("/meters", json=body, headers=auth)
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "invalid_meter"
    assert path in [e["field"] for e in response.json()["errors"]]
    assert client.get("/meters", headers=auth, params={"archived": "true"}).json()["items"] == []


@pytest.mark.parametrize(
    ("body", "status", "code"), [(b"[]", 422, "invalid_meter"), (b'{"name": not json}', 400, "malformed_json")]
)
def test_a_body_that_is_no_meter_object_is_refused(client, auth, body, status, code):
    response = client.post("/meters", content=body, headers={**auth, "Content-Type": "application/json"})
    assert response.status_code == status and response.json()["code"] == code


def test_another_business_meter_is_not_found(client, auth, tally):
    meter = create(client, auth, "calls", "count")
    other = {"Authorization": f"Bearer {tally.businesses.create_key('someone-else')}"}
    for response in (
        client.get(f"/meters/{meter['id']}", headers=other),
        client.post(f"/meters/{meter['id']}/archive", headers=other),
        client.get(f"/meters/{meter['id']}/usage", headers=other, params=RANGE),
        client.get("/events", headers=other, params={"meter_id": meter["id"]}),
    ):
        assert response.status_code == 404 and response.json()["code"] == "meter_not_found"


def test_an_unknown_meter_is_not_found(client, auth):
    assert client.get(f"/meters/{uuid.uuid4()}", headers=auth).json()["code"] == "meter_not_found"
    assert client.get("/meters/not-a-uuid", headers=auth).status_code == 404


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"start": RANGE["end"], "end": RANGE["start"]}, "end"),
        ({"window": "minute", "start": "2020-01-01T00:00:00Z", "end": "2026-01-01T00:00:00Z"}, "window"),
    ],
)
def test_a_bad_usage_range_is_422(client, auth, params, field):
    meter = create(client, auth, "calls", "count")
    response = client.get(f"/meters/{meter['id']}/usage", headers=auth, params={**RANGE, **params})
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == field
