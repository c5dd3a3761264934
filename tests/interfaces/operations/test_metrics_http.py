"""GET /metrics: Prometheus' text format without a key, labelled by route template, counting ingestion; the
read side's gauges read from the database; nothing that names a business, customer or key."""

from prometheus_client.parser import text_string_to_metric_families

from tests.interfaces.helpers import event, ingest


def families(text: str) -> dict[str, list]:
    return {family.name: family.samples for family in text_string_to_metric_families(text)}


def scrape(client) -> dict[str, list]:
    answer = client.get("/metrics")
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/plain")
    return families(answer.text)


def value(samples, name: str, **labels: str) -> float:
    return sum(s.value for s in samples if s.name == name and all(s.labels.get(k) == v for k, v in labels.items()))


def test_metrics_count_requests_by_route_template_never_by_path(client, auth, make_customer):
    make_customer("cus_secretive")
    before = scrape(client)
    assert client.get("/customers/cus_secretive", headers=auth).status_code == 200
    after = scrape(client)
    requests = after["tally_http_requests"]
    route = "/customers/{customer_id}"
    counted = value(requests, "tally_http_requests_total", route=route, status="200")
    assert counted == value(before.get("tally_http_requests", []), "tally_http_requests_total", route=route) + 1
    assert value(after["tally_http_request_duration_seconds"], "tally_http_request_duration_seconds_count", route=route)
    assert "cus_secretive" not in client.get("/metrics").text


def test_a_request_no_route_matched_is_counted_as_unmatched(client):
    assert client.get("/no/such/thing/cus_42").status_code == 404
    text = client.get("/metrics").text
    assert value(families(text)["tally_http_requests"], "tally_http_requests_total", route="unmatched", status="404")
    assert "cus_42" not in text


def test_metrics_count_ingested_and_duplicate_usage_events(client, auth, make_customer):
    make_customer("cus_abc")
    before = scrape(client)
    assert ingest(client, auth, event("e1"), event("e2")).status_code == 200
    assert ingest(client, auth, event("e2"), event("e3")).status_code == 200
    after = scrape(client)
    ingested = "tally_usage_events_ingested_total"
    duplicates = "tally_usage_events_duplicates_total"
    assert (
        value(after["tally_usage_events_ingested"], ingested) - value(before["tally_usage_events_ingested"], ingested)
        == 3
    )
    assert (
        value(after["tally_usage_events_duplicates"], duplicates)
        - value(before["tally_usage_events_duplicates"], duplicates)
        == 1
    )


def test_metrics_show_each_read_models_position_and_lag_against_the_head(client, auth, make_customer, worker):
    make_customer("cus_abc")
    ingest(client, auth, event("e1"))
    worker.caught_up()
    scraped = scrape(client)
    head = value(scraped["tally_log_head_position"], "tally_log_head_position")
    assert head > 0
    positions = {s.labels["projection"]: s.value for s in scraped["tally_projection_position"]}
    assert positions["usage"] == head
    lags = {s.labels["projection"]: s.value for s in scraped["tally_projection_lag_events"]}
    assert lags["usage"] == 0
    assert value(scraped["tally_projection_lag_seconds"], "tally_projection_lag_seconds", projection="usage") == 0
    assert value(scraped["tally_database_up"], "tally_database_up") == 1


BOUNDED = {"method", "route", "status", "le", "projection", "outcome", "process", "pool"}


def test_metrics_need_no_key_and_are_labelled_only_by_bounded_sets(client, key):
    text = client.get("/metrics").text
    assert key not in text and key.rsplit("_", 1)[-1] not in text
    labels = {name for samples in families(text).values() for s in samples for name in s.labels}
    assert labels <= BOUNDED
