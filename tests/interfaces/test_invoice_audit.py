"""Explaining an invoice from the event log alone, and `audit verify` catching a tampered read model."""

import uuid
from datetime import timedelta

from psycopg import sql

from interfaces.cli.main import main
from store.evidence import recorded_usage
from tests.interfaces.billing_helpers import (
    JAN1,
    close,
    meter,
    product,
    send,
    subscribe,
    yesterday,
)


def explain(client, auth, invoice_id):
    r = client.get(f"/audit/invoice/{invoice_id}/explain", headers=auth)
    assert r.status_code == 200, r.text
    return r.json()


def test_the_seed_invoice_is_re_derived_line_by_line(client, auth, make_customer):
    customer = make_customer("cus_e")
    calls = meter(client, auth, "api.call", name="API calls")
    storage = meter(client, auth, "storage.used", {"type": "sum", "key": "gb"})
    plan = product(
        client,
        auth,
        {"meter_id": calls, "unit_price": "0.02", "free_threshold": "1000"},
        {"meter_id": storage, "unit_price": "5", "free_threshold": "10"},
    )
    start = yesterday()
    send(client, auth, customer, "api.call", 2500, start + timedelta(minutes=5), "c")
    send(client, auth, customer, "storage.used", 5, start + timedelta(minutes=5), "g", {"gb": "2.5"})
    [invoice] = close(client, auth, subscribe(client, auth, customer, plan["id"], start)["id"])

    body = explain(client, auth, invoice["id"])

    assert body["matches"] is True and body["total"] == body["issued_total"] == "42.50"
    by_meter = {line["meter_id"]: line for line in body["lines"]}
    assert by_meter[calls]["events"] == 2500 and by_meter[calls]["free"] == "1000"
    assert (by_meter[calls]["billable"], by_meter[calls]["exact_amount"], by_meter[calls]["amount"]) == (
        "1500",
        "30.00",
        "30.00",
    )
    assert by_meter[storage]["quantity"] == "12.5" and by_meter[storage]["amount"] == "12.50"


def test_the_price_in_force_at_close_is_the_one_explained(client, auth, make_customer):
    customer = make_customer("cus_e")
    calls = meter(client, auth, "api.call")
    plan = product(client, auth, {"meter_id": calls, "unit_price": "0.02", "free_threshold": "1000"})
    start = yesterday()
    send(client, auth, customer, "api.call", 1500, start + timedelta(minutes=5), "c")
    subscription = subscribe(client, auth, customer, plan["id"], start)
    client.put(
        f"/products/{plan['id']}/usage-prices/{calls}",
        json={"unit_price": "0.05", "free_threshold": "1000"},
        headers=auth,
    )
    [invoice] = close(client, auth, subscription["id"])
    client.put(f"/products/{plan['id']}/usage-prices/{calls}", json={"unit_price": "0.07"}, headers=auth)

    body = explain(client, auth, invoice["id"])

    assert invoice["total"] == "25.00"
    assert body["matches"] is True and body["lines"][0]["unit_price"] == "0.05" and body["product_version"] == 2


def test_a_late_line_is_explained(client, auth, tally, business, make_customer):
    customer = make_customer("cus_e")
    calls = meter(client, auth, "api.call")
    plan = product(client, auth, {"meter_id": calls, "unit_price": "1"})
    send(client, auth, customer, "api.call", 3, JAN1 + timedelta(hours=10), "a")
    subscription = uuid.UUID(subscribe(client, auth, customer, plan["id"], JAN1)["id"])
    tally.billing.close_cycles(business, subscription, JAN1 + timedelta(days=1, hours=1))
    send(client, auth, customer, "api.call", 1, JAN1 + timedelta(hours=12), "late")
    send(client, auth, customer, "api.call", 2, JAN1 + timedelta(days=1, hours=5), "b")
    [second] = tally.billing.close_cycles(business, subscription, JAN1 + timedelta(days=2, hours=1))

    body = explain(client, auth, second)

    assert body["matches"] is True
    assert [(line["quantity"], line["late"], line["events"]) for line in body["lines"]] == [
        ("2", False, 2),
        ("4", True, 1),  # the first cycle re-rated with its late event: 4 calls
    ]
    late = body["lines"][1]["late_for"]
    assert (late["billed"], late["rerated"], body["lines"][1]["amount"]) == ("3.00", "4.00", "1.00")


def test_another_business_cannot_explain_an_invoice(client, auth, make_customer, tally):
    customer = make_customer("cus_e")
    calls = meter(client, auth, "api.call")
    plan = product(client, auth, {"meter_id": calls, "unit_price": "1"})
    [invoice] = close(client, auth, subscribe(client, auth, customer, plan["id"], yesterday())["id"])
    other = {"Authorization": f"Bearer {tally.businesses.create_key('rival')}"}
    assert client.get(f"/audit/invoice/{invoice['id']}/explain", headers=other).status_code == 404
    assert client.get(f"/audit/invoice/{invoice['id']}", headers=other).status_code == 404
    assert client.get(f"/audit/invoice/{uuid.uuid4()}/explain", headers=auth).status_code == 404


def test_verify_catches_a_tampered_invoice_row_while_explain_keeps_the_true_figure(
    client, auth, make_customer, tally, worker, database_url, schema, monkeypatch, capsys
):
    customer = make_customer("cus_e")
    calls = meter(client, auth, "api.call")
    plan = product(
        client,
        auth,
        {"meter_id": calls, "unit_price": "0.02", "free_threshold": "1000"},
        {
            "meter_id": meter(client, auth, "sms.sent"),
            "unit_price": "0.01",
            "credits": {"per_cycle": "10", "per_unit": "1", "rollover": "none"},
        },
    )
    start = yesterday()
    send(client, auth, customer, "api.call", 2500, start + timedelta(minutes=5), "c")
    send(client, auth, customer, "sms.sent", 15, start + timedelta(minutes=5), "s")
    [invoice] = close(client, auth, subscribe(client, auth, customer, plan["id"], start)["id"])
    worker.caught_up()
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("TALLY_SCHEMA", schema)
    assert main(["audit", "verify"]) == 0
    assert "1 invoices, 1 wallets verified; 0 mismatch(es)" in capsys.readouterr().out

    with tally.store.datastore.transaction(commit=True) as cur:
        cur.execute(
            sql.SQL("UPDATE {}.invoices SET total = 31 WHERE id = %s").format(sql.Identifier(schema)),
            (uuid.UUID(invoice["id"]),),
        )
        cur.execute(sql.SQL("UPDATE {}.wallets SET balance = balance + 1").format(sql.Identifier(schema)))

    assert main(["audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert f"MISMATCH invoices {invoice['id']}" in out and "MISMATCH balances" in out
    assert explain(client, auth, invoice["id"])["total"] == "30.05"
    assert main(["audit", "explain", invoice["id"]]) == 0
    assert "MATCHES" in capsys.readouterr().out


def test_explain_finds_the_customers_events_in_the_log_as_a_scan_of_every_event_would(
    client, auth, make_customer, tally, business
):
    customer = make_customer("cus_e")
    other = make_customer("cus_o")
    calls = meter(client, auth, "api.call")
    plan = product(client, auth, {"meter_id": calls, "unit_price": "0.02", "free_threshold": "10"})
    start = yesterday()
    send(client, auth, customer, "api.call", 40, start + timedelta(minutes=5), "c")
    send(client, auth, other, "api.call", 25, start + timedelta(minutes=6), "o")
    [invoice] = close(client, auth, subscribe(client, auth, customer, plan["id"], start)["id"])
    explainer = tally.explainer
    located = explainer.explain_invoice(business, uuid.UUID(invoice["id"]))
    scanned = explainer.explain_invoice(
        business,
        uuid.UUID(invoice["id"]),
        evidence=lambda b, c, a, u, occurred: [
            (p, e)
            for p, e in recorded_usage(tally.store, None, None, a, u, occurred)
            if (e.business_id, e.customer_id) == (b, c)
        ],
    )
    assert located == scanned and located.lines[0].events == 40 and located.matches
