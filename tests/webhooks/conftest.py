"""Webhook tests run a real receiver on 127.0.0.1 and the real sender on a thread beside the worker."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest

from application.tally import Tally
from interfaces.webhook_http import Resolver, system_resolver
from interfaces.webhook_sender import Sender
from tests.webhooks.receiver import Receiver, receiving

# Retries come at once in tests: what is under test is how many and with which id, not the wait.
QUICK_RETRIES = [timedelta(0)] * 5


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with receiving() as running:
        yield running


@pytest.fixture
def private_targets(tally: Tally) -> Tally:
    """The operator's TALLY_WEBHOOK_ALLOW_PRIVATE=true: the receiver is on loopback."""
    tally.webhooks.allow_private = True
    return tally


@pytest.fixture
def start_sender(tally: Tally) -> Iterator[Callable[..., Sender]]:
    """Starts senders as `tally worker` does, with private targets allowed or not and a resolver a test
    may stand in for DNS; all stopped at the end."""
    stopping = threading.Event()
    threads = []

    def start(allow_private: bool, resolve: Resolver = system_resolver) -> Sender:
        running = Sender(
            tally.store.datastore, tally.store.schema, stopping, QUICK_RETRIES, allow_private, resolve=resolve
        )
        threads.append(running.start())
        return running

    yield start
    stopping.set()
    for thread in threads:
        thread.join(timeout=15)


@pytest.fixture
def sender(private_targets: Tally, start_sender: Callable[..., Sender]) -> Sender:
    return start_sender(allow_private=True)
