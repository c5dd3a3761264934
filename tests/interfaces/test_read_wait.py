"""`min_position`: a position past the head of the log is refused at once; waiting for the read models
holds no thread, so one business's waiting requests do not hold up another business's reads."""

from __future__ import annotations

import asyncio
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import anyio
import httpx
from litestar.testing import TestClient

from application.tally import Tally
from interfaces.http.app import create_app
from interfaces.resources.freshness import PositionWatch
from projections.engine.registry import all_projections
from projections.engine.worker import Worker
from tests.conftest import RunningWorker

WAITING_REQUESTS = 60


class CountedWatch(PositionWatch):
    """The app's own watch, telling the test once every flooding request is waiting."""

    def __init__(self, watch: PositionWatch, expected: int) -> None:
        self.__dict__.update(watch.__dict__)
        self.expected = expected
        self.waiting = 0
        self.all_waiting = anyio.Event()

    async def reached(
        self, position: int, timeout: float, business: uuid.UUID | None = None, names: list[str] | None = None
    ) -> bool:
        self.waiting += 1
        if self.waiting == self.expected:
            self.all_waiting.set()
        return await super().reached(position, timeout, business, names)


def test_a_min_position_past_the_head_is_refused_at_once(
    client: TestClient, tally: Tally, auth: dict[str, str]
) -> None:
    created = client.post("/customers", json={"customer_id": "cus_1"}, headers=auth)
    assert created.status_code in (200, 201), created.text
    past = tally.store.head() + 1_000_000
    took = []
    for _ in range(3):
        started = time.monotonic()
        response = client.get(f"/customers?min_position={past}", headers=auth)
        took.append(time.monotonic() - started)
        assert response.status_code == 422, response.text
        assert response.json()["code"] == "position_beyond_head"
        assert response.json()["errors"][0]["field"] == "min_position"
    # The bound; the best of three, so one scheduling hiccup on a busy machine does not decide.
    assert min(took) < 0.1, took


def test_a_min_position_at_the_head_waits_for_the_read_models(
    client: TestClient, tally: Tally, auth: dict[str, str]
) -> None:
    client.post("/customers", json={"customer_id": "cus_1"}, headers=auth)
    response = client.get(f"/customers?min_position={tally.store.head()}", headers=auth)
    assert response.status_code == 200, response.text
    assert [c["customer_id"] for c in response.json()["items"]] == ["cus_1"]


def test_many_waiting_requests_do_not_hold_up_another_business(tally: Tally) -> None:
    Worker(tally.store, all_projections(tally.store.schema)).setup()  # tables, but no worker yet: nothing is projected
    flooding = {"Authorization": f"Bearer {tally.businesses.create_key(f'flood-{uuid.uuid4().hex[:8]}')}"}
    other = {"Authorization": f"Bearer {tally.businesses.create_key(f'other-{uuid.uuid4().hex[:8]}')}"}
    finished: list[str] = []

    async def main() -> list[int]:
        app = create_app(tally)
        # httpx's ASGI transport serves the app on this very event loop (litestar's AsyncTestClient
        # would call it through a blocking portal, one request at a time).
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
            created = await client.post("/customers", json={"customer_id": "cus_1"}, headers=flooding)
            assert created.status_code in (200, 201), created.text
            head = tally.store.head()

            async def wait_for_own_write() -> int:
                response = await client.get(f"/customers?min_position={head}", headers=flooding)
                finished.append("flood")
                return response.status_code

            watch = app.state.position_watch = CountedWatch(app.state.position_watch, WAITING_REQUESTS)
            waits = [asyncio.create_task(wait_for_own_write()) for _ in range(WAITING_REQUESTS)]
            with anyio.fail_after(30):
                await watch.all_waiting.wait()
            read = await client.get("/customers", headers=other)
            assert read.status_code == 200, read.text
            finished.append("other")
            worker = RunningWorker(tally)
            worker.thread.start()
            try:
                return list(await asyncio.gather(*waits))
            finally:
                worker.worker.stop()
                await anyio.to_thread.run_sync(worker.thread.join, 10)

    # On a thread of its own: Playwright's sync API (the dashboard's browser tests) leaves an event loop
    # set on the main thread, where a second one cannot run.
    with ThreadPoolExecutor(1) as own_loop:
        statuses = own_loop.submit(anyio.run, main).result()
    assert finished[0] == "other", f"the other business's read came after {finished.index('other')} waits"
    assert statuses == [200] * WAITING_REQUESTS
