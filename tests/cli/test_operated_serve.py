"""`tally serve` as an operator runs it, with JSON logs and its access log: its /metrics adds up what the API
processes and the worker process counted (webhook deliveries are counted in the worker), and the log of the
whole run is JSON lines holding no API key and no webhook signing secret."""

import json
import urllib.request
from collections.abc import Iterator

import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.cli.embedded import tally
from tests.cli.processes import eventually
from tests.webhooks.receiver import Receiver, receiving


@pytest.fixture
def hooks() -> Iterator[Receiver]:
    with receiving() as running:
        yield running


def counted(text: str, family: str) -> float:
    """0 until a process has counted one: a family appears on /metrics with its first sample."""
    found = {f.name: f for f in text_string_to_metric_families(text)}
    return sum(s.value for s in found[family].samples if s.name == family + "_total") if family in found else 0


@pytest.mark.long
@pytest.mark.parametrize("workers", [1, 2])
def test_metrics_add_up_every_process_and_the_json_log_holds_no_key_or_secret(
    embedded_serve, scratch_folder, hooks, workers
):
    url = hooks.url("/hook")
    served = embedded_serve(
        scratch_folder / "d",
        "--access-log",
        "--workers",
        str(workers),
        env={"TALLY_LOG_FORMAT": "json", "TALLY_WEBHOOK_ALLOW_PRIVATE": "true"},
    )
    key = tally("keys", "create", "--business", "acme", "--data-dir", str(scratch_folder / "d")).stdout.split()[-1]
    status, hook = served.call("POST", "/webhooks", key, {"url": url})
    assert status in (200, 201), hook
    status, secret = served.call("GET", f"/webhooks/{hook['id']}/secret", key)
    assert status == 200 and secret["secret"].startswith("whsec_")
    _, meter = served.call(
        "POST", "/meters", key, {"name": "Calls", "event_name": "api.call", "aggregation": {"type": "count"}}
    )
    _, product = served.call(
        "POST", "/products", key, {"name": "Plan", "currency": "USD", "billing_interval": "month", "price": "5.00"}
    )
    served.call("POST", "/customers", key, {"customer_id": "cus_op"})
    events = [{"event_id": f"e-{i}", "customer_id": "cus_op", "event_name": "api.call"} for i in range(40)]
    for _ in range(2):  # the second time, all duplicates
        assert served.call("POST", "/events/ingest", key, {"events": events})[0] == 200
    served.call("POST", "/subscriptions", key, {"customer_id": "cus_op", "product_id": product["id"]})
    eventually(lambda: hooks.requests, 60, "a webhook reached the receiver")

    def scraped() -> str | None:
        text = _metrics(served.base)
        return text if text and counted(text, "tally_webhook_deliveries") >= 1 else None

    text = eventually(scraped, 30, "the worker's delivery counted on the API's /metrics")
    assert counted(text, "tally_usage_events_ingested") == 40
    assert counted(text, "tally_usage_events_duplicates") == 40
    assert counted(text, "tally_http_requests") > 0
    assert key not in text and "cus_op" not in text

    served.stop()
    log = served.log.read_text()
    lines = [line for line in log.splitlines() if line.strip()]
    docs = [_json(line) for line in lines]
    assert all(docs), [line for line, doc in zip(lines, docs) if not doc][:3]
    assert any(d.get("logger") == "tally.access" and d.get("route") == "/events/ingest" for d in docs)
    assert key not in log and key.split("_", 2)[2] not in log
    assert secret["secret"] not in log and secret["secret"].removeprefix("whsec_") not in log


def _json(line: str) -> dict | None:
    try:
        doc = json.loads(line)
    except ValueError:
        return None
    return doc if isinstance(doc, dict) else None


def _metrics(base: str) -> str | None:
    try:
        with urllib.request.urlopen(base + "/metrics", timeout=10) as answer:
            return answer.read().decode()
    except OSError:
        return None
