"""Dodo's own Python SDK (`dodopayments`, a dev dependency) drives tally unchanged, with strict response
validation: every call of its usage_events, meters and customers resources that tally serves
(docs/dodo.md lists them). The SDK talks to the app in process through Litestar's TestClient, which is
an httpx.Client, so these are the SDK's own requests and its own response models."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

import anyio
import dodopayments
import httpx
import pytest
from dodopayments import AsyncDodoPayments, DodoPayments
from litestar import Litestar
from litestar.testing import TestClient

from application.tally import Tally
from interfaces.http.app import bind, create_app
from projections.engine.registry import all_projections
from projections.engine.worker import Worker
from tests.conftest import RunningWorker


def _sdk(client: TestClient, key: str) -> DodoPayments:
    return DodoPayments(
        bearer_token=key,
        base_url=str(client.base_url),
        http_client=client,
        max_retries=0,
        _strict_response_validation=True,
    )


@pytest.fixture
def sdk(client: TestClient, key: str) -> DodoPayments:
    return _sdk(client, key)


@pytest.fixture
def sdk_without_worker(tally: Tally, key: str, built_app: Litestar) -> Iterator[DodoPayments]:
    """The read models exist but nothing projects into them: what a read finds, it found in the event store."""
    Worker(tally.store, all_projections(tally.store.schema)).setup()
    with TestClient(bind(built_app, tally)) as test_client:
        yield _sdk(test_client, key)


def _events(customer: str, count: int, prefix: str = "evt") -> list[dodopayments.types.EventInputParam]:
    return [
        {
            "event_id": f"{prefix}-{i}",
            "customer_id": customer,
            "event_name": "api.call",
            "metadata": {"endpoint": "/v1/users", "tokens": i},
        }
        for i in range(count)
    ]


def test_a_customer_is_created_with_metadata_and_phone_and_read_back_with_dodos_fields(sdk: DodoPayments) -> None:
    created = sdk.customers.create(
        email="ada@example.com", name="Ada", metadata={"plan": "pro", "seats": 3}, phone_number="+15550100"
    )
    assert created.customer_id.startswith("cus_") and created.business_id
    got = sdk.customers.retrieve(created.customer_id)
    assert (got.email, got.name, got.phone_number, got.metadata) == (
        "ada@example.com",
        "Ada",
        "+15550100",
        {"plan": "pro", "seats": 3},
    )
    assert got.created_at == created.created_at


def test_an_update_changes_only_what_it_sends_and_null_clears(sdk: DodoPayments) -> None:
    created = sdk.customers.create(
        email="ada@example.com", name="Ada", phone_number="+15550100", metadata={"plan": "pro"}
    )
    renamed = sdk.customers.update(created.customer_id, name="Ada L.")
    assert (renamed.name, renamed.email, renamed.phone_number) == ("Ada L.", "ada@example.com", "+15550100")
    cleared = sdk.customers.update(created.customer_id, phone_number=None, metadata={"plan": "team"})
    assert (cleared.phone_number, cleared.metadata) == (None, {"plan": "team"})
    assert sdk.customers.list(email="ada@example.com").items[0].metadata == {"plan": "team"}


def test_a_customer_list_right_after_a_create_shows_it_and_filters_as_dodo(sdk: DodoPayments) -> None:
    ada = sdk.customers.create(email="Ada@Example.com", name="Ada Lovelace")
    bob = sdk.customers.create(email="bob@example.com", name="Bob 100%_sure")
    assert [c.customer_id for c in sdk.customers.list(email="ada@example.com").items] == [ada.customer_id]
    assert [c.customer_id for c in sdk.customers.list(name="LOVE").items] == [ada.customer_id]
    assert [c.customer_id for c in sdk.customers.list(name="100%_").items] == [bob.customer_id]
    assert sdk.customers.list(name="100%x").items == []
    later = bob.created_at + timedelta(microseconds=1)
    assert [c.customer_id for c in sdk.customers.list(created_at_lte=ada.created_at).items] == [ada.customer_id]
    assert [c.customer_id for c in sdk.customers.list(created_at_gte=bob.created_at).items] == [bob.customer_id]
    assert sdk.customers.list(created_at_gte=later).items == []
    assert [c.customer_id for c in sdk.customers.list(page_size=1, page_number=1).items] == [ada.customer_id]


def test_events_are_ingested_once_and_read_back_and_listed(sdk: DodoPayments) -> None:
    customer = sdk.customers.create(email="ada@example.com", name="Ada").customer_id
    assert sdk.usage_events.ingest(events=_events(customer, 20)).ingested_count == 20
    assert sdk.usage_events.ingest(events=_events(customer, 20)).ingested_count == 0
    event = sdk.usage_events.retrieve("evt-7")
    assert (event.event_id, event.customer_id, event.metadata) == (
        "evt-7",
        customer,
        {"endpoint": "/v1/users", "tokens": 7},
    )
    listed = sdk.usage_events.list(customer_id=customer, event_name="api.call", page_size=100).items
    assert sorted(e.event_id for e in listed) == sorted(f"evt-{i}" for i in range(20))
    meter = sdk.meters.create(
        name="Big",
        event_name="api.call",
        measurement_unit="tokens",
        aggregation={"type": "sum", "key": "tokens"},
        filter={"conjunction": "and", "clauses": [{"key": "tokens", "operator": "greater_than", "value": 17}]},
    )
    selected = sdk.usage_events.list(meter_id=meter.id, start=datetime(2020, 1, 1, tzinfo=timezone.utc)).items
    assert sorted(e.event_id for e in selected) == ["evt-18", "evt-19"]


def test_an_event_and_a_meter_are_read_back_before_any_read_model_has_them(
    sdk_without_worker: DodoPayments, make_customer
) -> None:
    sdk = sdk_without_worker
    customer = make_customer("cus_1")
    sdk.usage_events.ingest(
        events=_events(customer, 3)
        + [{"event_id": "ratio", "customer_id": customer, "event_name": "api.call", "metadata": {"ratio": 0.5}}]
    )
    assert sdk.usage_events.retrieve("evt-2").metadata == {"endpoint": "/v1/users", "tokens": 2}
    raw = sdk.usage_events.with_raw_response.retrieve("ratio").http_response.json()
    assert raw["metadata"] == {"ratio": 0.5}  # a number, as the read model answers it
    meter = sdk.meters.create(
        name="Calls", event_name="api.call", measurement_unit="calls", aggregation={"type": "count"}
    )
    assert sdk.meters.retrieve(meter.id).name == "Calls"
    with pytest.raises(dodopayments.NotFoundError):
        sdk.usage_events.retrieve("evt-3")


def test_a_meter_is_renamed_archived_listed_and_unarchived(sdk: DodoPayments) -> None:
    meter = sdk.meters.create(
        name="Tokens",
        event_name="api.call",
        measurement_unit="tokens",
        aggregation={"type": "sum", "key": "tokens"},
        filter={"conjunction": "and", "clauses": [{"key": "endpoint", "operator": "equals", "value": "/v1/users"}]},
    )
    assert (meter.business_id, meter.created_at) == (sdk.meters.retrieve(meter.id).business_id, meter.created_at)
    updated = sdk.meters.update(meter.id, name="Tokens used", description="LLM tokens", measurement_unit="k tokens")
    assert (updated.name, updated.description, updated.measurement_unit) == ("Tokens used", "LLM tokens", "k tokens")
    assert updated.updated_at > updated.created_at and updated.aggregation.key == "tokens"
    assert sdk.meters.update(meter.id, description=None).description is None
    assert sdk.meters.archive(meter.id) is None
    assert [m.id for m in sdk.meters.list(archived=True).items] == [meter.id]
    assert sdk.meters.list(archived=False).items == [] and sdk.meters.list().items == []
    assert sdk.meters.unarchive(meter.id) is None
    assert [m.id for m in sdk.meters.list(locale="fr").items] == [meter.id]
    assert sdk.meters.retrieve(meter.id, locale="fr").name == "Tokens used"


def test_a_meter_without_a_unit_reads_as_an_empty_unit(
    sdk: DodoPayments, client: TestClient, auth: dict[str, str]
) -> None:
    created = client.post(
        "/meters", json={"name": "Calls", "event_name": "api.call", "aggregation": {"type": "count"}}, headers=auth
    )
    assert created.status_code == 201, created.text
    assert sdk.meters.retrieve(created.json()["id"]).measurement_unit == ""


def test_a_meters_definition_cannot_be_changed(sdk: DodoPayments) -> None:
    meter = sdk.meters.create(
        name="Calls", event_name="api.call", measurement_unit="calls", aggregation={"type": "count"}
    )
    with pytest.raises(dodopayments.UnprocessableEntityError):
        sdk.meters.update(meter.id, name="Other", extra_body={"event_name": "other"})
    with pytest.raises(dodopayments.UnprocessableEntityError):
        sdk.meters.update(meter.id, name="")
    assert sdk.meters.retrieve(meter.id).name == "Calls"


def test_an_unknown_query_parameter_is_refused(sdk: DodoPayments, client: TestClient, auth: dict[str, str]) -> None:
    with pytest.raises(dodopayments.UnprocessableEntityError) as caught:
        sdk.customers.list(extra_query={"colour": "blue"})
    assert caught.value.body["code"] == "unknown_query_parameter"
    response = client.get("/events?customer=cus_1", headers=auth)
    assert response.status_code == 422 and response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"][0]["field"] == "customer"
    assert client.get("/health?verbose=1").status_code == 422


@pytest.mark.parametrize("external_id", ["a/b", ".", ".."])
def test_an_id_that_could_not_be_fetched_back_is_refused_at_create(
    external_id: str, client: TestClient, auth: dict[str, str], make_customer
) -> None:
    refused = client.post("/customers", json={"customer_id": external_id}, headers=auth)
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "customer_id"
    make_customer("cus_1")
    event = {"event_id": external_id, "customer_id": "cus_1", "event_name": "api.call"}
    assert client.post("/events/ingest", json={"events": [event]}, headers=auth).status_code == 422


def test_any_id_that_can_be_created_can_be_fetched_through_the_sdk(
    sdk: DodoPayments, client: TestClient, auth: dict[str, str]
) -> None:
    odd = "cus ?#%&+=;é漢"
    assert client.post("/customers", json={"customer_id": odd}, headers=auth).status_code == 201
    assert sdk.customers.retrieve(odd).customer_id == odd
    event_id = f"e {uuid.uuid4().hex} ?#%"
    assert (
        sdk.usage_events.ingest(events=[{"event_id": event_id, "customer_id": odd, "event_name": "x"}]).ingested_count
        == 1
    )
    assert sdk.usage_events.retrieve(event_id).event_id == event_id


def test_another_businesss_customer_and_meter_answer_not_found(
    sdk: DodoPayments, client: TestClient, tally: Tally
) -> None:
    other = _sdk(client, tally.businesses.create_key(f"other-{uuid.uuid4().hex[:8]}"))
    customer = sdk.customers.create(email="ada@example.com", name="Ada")
    meter = sdk.meters.create(
        name="Calls", event_name="api.call", measurement_unit="calls", aggregation={"type": "count"}
    )
    for call in (
        lambda: other.customers.retrieve(customer.customer_id),
        lambda: other.customers.update(customer.customer_id, name="x"),
        lambda: other.meters.update(meter.id, name="x"),
        lambda: other.meters.archive(meter.id),
    ):
        with pytest.raises(dodopayments.NotFoundError):
            call()


def test_the_docs_page_loads_its_scripts_from_tally(client: TestClient) -> None:
    page = client.get("/schema").text
    assets = [
        a
        for a in ("swagger-ui-bundle.js", "swagger-ui.css", "swagger-ui-standalone-preset.js")
        if f"/schema/assets/{a}" in page
    ]
    assert len(assets) == 3 and "http" not in page.split("<body")[0].replace("http-equiv", "")
    for asset in assets:
        response = client.get(f"/schema/assets/{asset}")
        assert response.status_code == 200 and len(response.content) > 1000
    assert client.get("/schema/assets/..%2Fpyproject.toml").status_code == 404


def test_the_async_client_drives_tally_the_same_way(tally: Tally, worker: RunningWorker, key: str) -> None:
    async def main() -> tuple[str, list[str], list[str], str]:
        app = create_app(tally)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http:
            dodo = AsyncDodoPayments(
                bearer_token=key,
                base_url="http://test",
                http_client=http,
                max_retries=0,
                _strict_response_validation=True,
            )
            customer = await dodo.customers.create(email="ada@example.com", name="Ada")
            await dodo.customers.update(customer.customer_id, name="Ada L.")
            await dodo.usage_events.ingest(events=_events(customer.customer_id, 2))
            meter = await dodo.meters.create(
                name="Calls", event_name="api.call", measurement_unit="calls", aggregation={"type": "count"}
            )
            await dodo.meters.update(meter.id, name="API calls")
            await dodo.meters.archive(meter.id)
            archived = [m.id for m in (await dodo.meters.list(archived=True)).items]
            await dodo.meters.unarchive(meter.id)
            listed = [c.name for c in (await dodo.customers.list(email="ada@example.com")).items]
            event = await dodo.usage_events.retrieve("evt-1")
            return event.event_id, archived, listed, (await dodo.meters.retrieve(meter.id)).name

    # On a thread of its own: Playwright's sync API (the dashboard's browser tests) may leave an event loop
    # set on the main thread.
    with ThreadPoolExecutor(1) as own_loop:
        event_id, archived, listed, name = own_loop.submit(anyio.run, main).result()
    assert (event_id, len(archived), listed, name) == ("evt-1", 1, ["Ada L."], "API calls")
