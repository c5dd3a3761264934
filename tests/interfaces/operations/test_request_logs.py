"""X-Request-Id is taken or made and echoed; the access log writes one line per request with its id, route
template, status, duration and business; JSON lines carry time, level and message; no key or webhook
secret reaches a log line, whoever wrote it."""

import json
import logging
import uuid

import pytest

from interfaces.observability.logs import (
    ACCESS,
    REPEAT_WINDOW_S,
    REQUEST_ID,
    JsonFormatter,
    Redacting,
    Repeats,
    TextFormatter,
    WithRequestId,
    redact,
)


@pytest.fixture
def access_lines(caplog):
    caplog.set_level(logging.INFO, logger=ACCESS)
    return lambda: [r for r in caplog.records if r.name == ACCESS]


def test_a_request_id_sent_is_echoed_and_one_made_when_none_is(client):
    sent = "chk-" + uuid.uuid4().hex
    assert client.get("/health/live", headers={"X-Request-Id": sent}).headers["x-request-id"] == sent
    made = client.get("/health/live").headers["x-request-id"]
    assert made and made != sent
    assert client.get("/health/live").headers["x-request-id"] != made


def test_a_request_id_that_is_no_sensible_id_is_replaced(client):
    answer = client.get("/health/live", headers={"X-Request-Id": "x" * 500})
    assert answer.headers["x-request-id"] != "x" * 500


def test_the_access_log_line_names_route_template_status_business_and_request_id(
    client, auth, business, make_customer, access_lines
):
    make_customer("cus_abc")
    sent = "chk-" + uuid.uuid4().hex
    assert client.get("/customers/cus_abc", headers={**auth, "X-Request-Id": sent}).status_code == 200
    mine = [r for r in access_lines() if _rid(r) == sent]
    assert len(mine) == 1
    doc = json.loads(JsonFormatter().format(mine[0]))
    assert doc["request_id"] == sent and doc["route"] == "/customers/{customer_id}" and doc["status"] == 200
    assert doc["business_id"] == str(business) and doc["method"] == "GET" and doc["duration_ms"] >= 0
    assert {"time", "level", "message"} <= doc.keys()
    assert "cus_abc" not in json.dumps(doc)


def _rid(record: logging.LogRecord) -> str | None:
    return json.loads(JsonFormatter().format(record)).get("request_id")


def test_a_line_logged_while_a_request_runs_is_stamped_with_its_request_id():
    token = REQUEST_ID.set("req-1")
    try:
        record = logging.LogRecord("tally.x", logging.INFO, __file__, 1, "inside", (), None)
        WithRequestId().filter(record)
    finally:
        REQUEST_ID.reset(token)
    assert json.loads(JsonFormatter().format(record))["request_id"] == "req-1"


def test_keys_and_webhook_secrets_are_masked_in_every_line(key):
    secret = "whsec_" + "QUJDREVGR0hJSktMTU5PUA=="
    record = logging.LogRecord("tally.x", logging.ERROR, __file__, 1, "saw %s and %s", (key, secret), None)
    Redacting().filter(record)
    for line in (JsonFormatter().format(record), TextFormatter("%(message)s").format(record)):
        assert key not in line and key.split("_", 2)[2] not in line and secret not in line
        assert "[redacted]" in line
    assert redact(f"Bearer {key}") == "Bearer " + "_".join(key.split("_", 2)[:2]) + "_[redacted]"


def test_the_same_warning_again_within_a_minute_is_counted_not_written():
    repeats = Repeats()

    def line(message: str, at: float) -> logging.LogRecord | None:
        record = logging.LogRecord("tally.worker", logging.ERROR, __file__, 1, message, (), None)
        record.created = at
        return record if repeats.filter(record) else None

    assert line("database unavailable", 1000.0) is not None
    assert [line("database unavailable", 1000.0 + i) for i in range(1, 58)] == [None] * 57
    assert line("another thing", 1001.0) is not None
    after = line("database unavailable", 1000.0 + REPEAT_WINDOW_S)
    assert after is not None and after.getMessage() == "database unavailable (and 57 more like it in 60 s)"
    info = logging.LogRecord("tally.x", logging.INFO, __file__, 1, "progress", (), None)
    assert all(repeats.filter(info) for _ in range(3))
