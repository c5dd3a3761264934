"""Consumes of one meter take turns in an API process (interfaces/resources/access.py): those that arrive while
one runs wait, holding no thread, and run together in the next turn; each gets its own answer, in order."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import anyio

from domain.errors import NotFound
from interfaces.resources.access import ConsumeTurns


def run_apart(main: Any) -> Any:
    """`anyio.run(main)` on a thread of its own: the thread running the tests may hold a running event loop (the
    browser tests' Playwright keeps one), where a new loop cannot start."""
    with ThreadPoolExecutor(1) as apart:
        return apart.submit(anyio.run, main).result()


def test_requests_queued_behind_a_turn_run_together_and_each_gets_its_answer():
    turns = ConsumeTurns()
    first_running, release = threading.Event(), threading.Event()
    batches: list[list[int]] = []

    def run(requests: list[int]) -> list[int]:
        batches.append(requests)
        if requests == [0]:
            first_running.set()
            release.wait(10)
        return [r * 10 for r in requests]

    async def main() -> list[int]:
        answers: dict[int, int] = {}

        async def take(n: int) -> None:
            answers[n] = await turns.take("k", n, run)

        async with anyio.create_task_group() as tasks:
            tasks.start_soon(take, 0)
            await anyio.to_thread.run_sync(first_running.wait, 10)
            for n in (1, 2, 3):
                tasks.start_soon(take, n)
            await anyio.sleep(0)  # lets the three queue before the first turn ends
            release.set()
        return [answers[n] for n in range(4)]

    assert run_apart(main) == [0, 10, 20, 30]
    assert batches == [[0], [1, 2, 3]]


def test_a_failed_turn_answers_every_request_of_it_with_the_failure():
    turns = ConsumeTurns()
    failure = NotFound("meter", "m")

    def run(requests: list[int]) -> list[int]:
        raise failure

    async def main() -> object:
        return await turns.take("k", 1, run)

    assert run_apart(main) is failure


def test_other_keys_do_not_wait_for_a_turn():
    turns = ConsumeTurns()
    seen: list[str] = []

    def run(requests: list[str]) -> list[str]:
        seen.extend(requests)
        return requests

    async def main() -> list[str]:
        out: list[str] = []

        async def take(key: str) -> None:
            out.append(await turns.take(key, key, run))

        async with anyio.create_task_group() as tasks:
            for key in ("a", "b", "c"):
                tasks.start_soon(take, key)
        return sorted(out)

    assert run_apart(main) == ["a", "b", "c"]


def test_each_turn_is_run_by_a_request_of_it_not_by_the_first_request_for_ever():
    """Under a steady stream, the first request must not run every later turn within its own deadline."""
    turns = ConsumeTurns()
    started = [threading.Event() for _ in range(3)]
    release = [threading.Event() for _ in range(3)]
    runners: dict[int, int] = {}
    finished: list[int] = []

    def run(requests: list[int]) -> list[int]:
        n = len(runners)
        runners[n] = threading.get_ident()
        started[n].set()
        release[n].wait(10)
        return requests

    async def main() -> None:
        async def take(n: int) -> None:
            await turns.take("k", n, run)
            finished.append(n)

        async with anyio.create_task_group() as tasks:
            tasks.start_soon(take, 0)
            await anyio.to_thread.run_sync(started[0].wait, 10)
            tasks.start_soon(take, 1)
            await anyio.sleep(0)
            release[0].set()
            await anyio.to_thread.run_sync(started[1].wait, 10)
            assert finished == [0]  # the first request answered once its own turn ended
            tasks.start_soon(take, 2)
            await anyio.sleep(0)
            release[1].set()
            await anyio.to_thread.run_sync(started[2].wait, 10)
            release[2].set()

    run_apart(main)
    assert finished == [0, 1, 2]
