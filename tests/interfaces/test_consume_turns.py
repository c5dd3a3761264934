"""Consumes of one meter take turns in an API process (interfaces/resources/access.py): those that arrive while
one runs wait, holding no thread, and run together in the next turn; each gets its own answer, in order."""

from __future__ import annotations

import threading

import anyio

from domain.errors import NotFound
from interfaces.resources.access import ConsumeTurns


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

    assert anyio.run(main) == [0, 10, 20, 30]
    assert batches == [[0], [1, 2, 3]]


def test_a_failed_turn_answers_every_request_of_it_with_the_failure():
    turns = ConsumeTurns()
    failure = NotFound("meter", "m")

    def run(requests: list[int]) -> list[int]:
        raise failure

    async def main() -> object:
        return await turns.take("k", 1, run)

    assert anyio.run(main) is failure


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

    assert anyio.run(main) == ["a", "b", "c"]
