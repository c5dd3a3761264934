"""The sender's own rules: retry delays from the environment, and rate limits per endpoint."""

from __future__ import annotations

import threading
import time
from collections import deque
from datetime import timedelta

import pytest

from interfaces.webhook_sender import DEFAULT_RETRY_S, Sender, retry_delays


def test_retry_delays_default_to_the_documented_schedule_and_read_the_environment():
    assert retry_delays({}) == [timedelta(seconds=s) for s in DEFAULT_RETRY_S] and DEFAULT_RETRY_S[0] == 5
    assert retry_delays({"TALLY_WEBHOOK_RETRY_S": "1, 2.5"}) == [timedelta(seconds=1), timedelta(seconds=2.5)]
    for bad in ("1,x", "-1"):
        with pytest.raises(SystemExit):
            retry_delays({"TALLY_WEBHOOK_RETRY_S": bad})


def test_an_endpoint_at_its_rate_limit_within_the_last_second_is_not_claimed_for():
    sender = Sender(None, "s", threading.Event(), [], allow_private=False, per_endpoint=4)
    now = time.monotonic()
    sender.rates.update({"one": 1, "ten": 10, "old": 1})
    sender.started.update({"one": deque([now]), "ten": deque([now] * 6), "old": deque([now - 2])})
    assert sender.rate_limited() == ["one"]  # "ten" may start 4 more (6 + 4 <= 10); "old" is past the second
    sender.started["ten"].append(now)
    assert sorted(sender.rate_limited()) == ["one", "ten"] and "old" not in sender.started
