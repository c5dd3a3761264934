"""A meter created after its events announces `meter.backfill_completed` once the back-fill is done."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from tests.cli.processes import eventually


def test_a_finished_backfill_is_recorded_once_and_announced(
    client, auth, receiver, sender, make_customer, tally, worker
):
    client.post(
        "/webhooks", json={"url": receiver.url("/meters"), "filter_types": ["meter.backfill_completed"]}, headers=auth
    )
    customer = make_customer("cus_bf")
    at = datetime.now(timezone.utc) - timedelta(hours=1)
    events = [
        {"event_id": f"bf-{i}", "customer_id": customer, "event_name": "job.run", "timestamp": at.isoformat()}
        for i in range(30)
    ]
    assert client.post("/events/ingest", json={"events": events}, headers=auth).status_code == 200
    meter = client.post(
        "/meters", json={"name": "Jobs", "event_name": "job.run", "aggregation": {"type": "count"}}, headers=auth
    ).json()["id"]
    worker.caught_up()
    eventually(lambda: tally.meter_jobs.record_backfills(), 30, "the back-fill recorded as done")
    worker.caught_up()
    assert tally.meter_jobs.record_backfills() == 0
    got = eventually(lambda: receiver.answered("/meters"), 30, "meter.backfill_completed delivered")
    body = json.loads(got[0].body)
    assert body["type"] == "meter.backfill_completed" and body["data"]["meter_id"] == meter
    assert body["data"]["event_name"] == "job.run"
