"""`GET /customers?search=`: customers whose id, name or email contains the text, in any case."""

from tests.interfaces.helpers import items


def _ids(client, auth, search):
    return [c["customer_id"] for c in items(client.get("/customers", params={"search": search}, headers=auth))]


def test_search_finds_customers_by_id_name_or_email_in_any_case(client, auth, worker):
    for body in (
        {"customer_id": "cus_1", "name": "Acme Rockets", "email": "ops@acme.example"},
        {"customer_id": "cus_2", "name": "Globex", "email": "billing@globex.example"},
        {"customer_id": "acme_3", "name": "Initech"},
    ):
        assert client.post("/customers", json=body, headers=auth).status_code == 201
    worker.caught_up()
    assert _ids(client, auth, "ACME") == ["acme_3", "cus_1"]
    assert _ids(client, auth, "billing@") == ["cus_2"]
    assert _ids(client, auth, "cus_") == ["cus_2", "cus_1"]
    assert _ids(client, auth, "nobody") == []


def test_search_takes_percent_and_underscore_literally(client, auth, worker):
    for customer_id in ("a_b", "axb", "100%"):
        assert client.post("/customers", json={"customer_id": customer_id}, headers=auth).status_code == 201
    worker.caught_up()
    assert _ids(client, auth, "a_b") == ["a_b"]
    assert _ids(client, auth, "%") == ["100%"]


def test_search_never_shows_another_business_customers(client, auth, tally, worker):
    other = {"Authorization": f"Bearer {tally.businesses.create_key('someone-else')}"}
    assert (
        client.post("/customers", json={"customer_id": "cus_theirs", "name": "Acme"}, headers=other).status_code == 201
    )
    worker.caught_up()
    assert _ids(client, auth, "acme") == []


def test_a_search_longer_than_200_characters_is_refused(client, auth):
    answer = client.get("/customers", params={"search": "x" * 201}, headers=auth)
    assert answer.status_code in (400, 422), answer.text
