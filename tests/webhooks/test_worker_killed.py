"""`tally worker` killed with -9 while a delivery is in flight (the receiver hangs): after a restart the
delivery is sent again with the same webhook-id, and is delivered."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from tests.cli.processes import eventually

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.long
def test_a_worker_killed_mid_send_loses_nothing(
    tally, private_targets, business, make_customer, receiver, database_url, schema
):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "TALLY_SCHEMA": schema,
        "PYTHONPATH": str(ROOT),
        "TALLY_WEBHOOK_ALLOW_PRIVATE": "true",
        "TALLY_WEBHOOK_RETRY_S": "1,1,1",
    }

    def start() -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [sys.executable, "-m", "interfaces.cli.main", "worker"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    tally.webhooks.create_webhook(business, {"url": receiver.url("/slow")})
    tally.credits.grant_credits(
        business, make_customer("cus_kill"), Decimal(3), None, None, uuid.uuid4().hex, datetime.now(timezone.utc)
    )
    receiver.hang()
    worker = start()
    try:
        eventually(lambda: receiver.arrivals, 60, "the delivery in flight")
        worker.kill()
        worker.wait(timeout=30)
        first = receiver.arrivals[0]
        receiver.release()
        worker = start()
        eventually(lambda: len(receiver.arrivals) >= 2, 60, "sent again after the restart")
        assert set(receiver.arrivals) == {first}
    finally:
        worker.kill()
        worker.wait(timeout=30)
