"""GET /audit/{kind}/{id}: history and time travel from the event store."""

from interfaces.cli.main import main
from tests.interfaces.helpers import event, ingest


def renamed_customer(make_customer, client, auth):
    """cus_a with a history of two versions: created as "Before", renamed "After"."""
    make_customer("cus_a", name="Before")
    assert client.patch("/customers/cus_a", json={"name": "After"}, headers=auth).status_code == 200


def test_a_customers_history_lists_its_events_in_order(client, auth, make_customer):
    renamed_customer(make_customer, client, auth)
    body = client.get("/audit/customer/cus_a", headers=auth).json()
    assert [(e["version"], e["type"]) for e in body["events"]] == [(1, "Customer.Created"), (2, "Customer.Updated")]
    assert body["events"][0]["payload"]["name"] == "Before"
    assert body["state"]["name"] == "After" and body["version"] == 2


def test_state_at_a_version_is_replayed(client, auth, make_customer):
    renamed_customer(make_customer, client, auth)
    body = client.get("/audit/customer/cus_a", params={"version": 1}, headers=auth).json()
    assert body["state"]["name"] == "Before" and body["version"] == 1


def test_state_at_a_time_is_replayed(client, auth, make_customer):
    renamed_customer(make_customer, client, auth)
    entries = client.get("/audit/customer/cus_a", headers=auth).json()["events"]
    between = entries[0]["recorded_at"]
    body = client.get("/audit/customer/cus_a", params={"at": between}, headers=auth).json()
    assert body["state"]["name"] == "Before"
    before_all = client.get("/audit/customer/cus_a", params={"at": "2000-01-01T00:00:00Z"}, headers=auth)
    assert before_all.status_code == 404


def test_a_usage_event_is_found_by_its_event_id(client, auth, make_customer):
    renamed_customer(make_customer, client, auth)
    ingest(client, auth, event("evt_9", customer="cus_a", metadata={"tokens": "150"}))
    body = client.get("/audit/usage_event/evt_9", headers=auth).json()
    assert body["events"][0]["type"] == "UsageEvent.Recorded"
    assert body["events"][0]["payload"]["metadata"] == {"tokens": "150"}


def test_another_business_gets_404(client, auth, make_customer, tally):
    renamed_customer(make_customer, client, auth)
    other = {"Authorization": f"Bearer {tally.businesses.create_key('rival')}"}
    assert client.get("/audit/customer/cus_a", headers=other).status_code == 404
    cid = client.get("/audit/customer/cus_a", headers=auth).json()["id"]
    assert client.get(f"/audit/customer/{cid}", headers=other).status_code == 404


def test_bad_kinds_and_versions_are_problems(client, auth, make_customer):
    renamed_customer(make_customer, client, auth)
    assert client.get("/audit/spaceship/x", headers=auth).json()["code"] == "unknown_kind"
    assert client.get("/audit/customer/cus_a", params={"version": 9}, headers=auth).json()["code"] == "invalid_version"
    assert client.get("/audit/meter/not-a-uuid", headers=auth).status_code == 404
    cid = client.get("/audit/customer/cus_a", headers=auth).json()["id"]
    assert client.get(f"/audit/usage_event/{cid}", headers=auth).status_code == 404


def test_the_cli_prints_a_timeline(client, auth, make_customer, database_url, schema, monkeypatch, capsys):
    renamed_customer(make_customer, client, auth)
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("TALLY_SCHEMA", schema)
    cid = client.get("/audit/customer/cus_a", headers=auth).json()["id"]
    assert main(["audit", "customer", cid, "--version", "1"]) == 0
    out = capsys.readouterr().out
    assert "Customer.Created" in out and "Customer.Updated" in out and '"Before"' in out.split("state at v1:")[1]
    assert main(["audit", "customer", "cus_a"]) == 2  # an external id needs --business: said, not "not found"
    assert "--business" in capsys.readouterr().err
