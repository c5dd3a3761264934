"""Webhook tests run a real receiver on 127.0.0.1 and the real sender on a thread beside the worker."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta

import pytest

from application.tally import Tally
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
def sender(private_targets: Tally) -> Iterator[Sender]:
    stopping = threading.Event()
    running = Sender(
        private_targets.store.datastore, private_targets.store.schema, stopping, QUICK_RETRIES, allow_private=True
    )
    thread = running.start()
    yield running
    stopping.set()
    thread.join(timeout=15)
