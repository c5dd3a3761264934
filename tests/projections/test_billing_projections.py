"""The billing read models rebuilt from the log equal the incrementally kept ones."""

from datetime import datetime, timedelta, timezone

from projections.engine import operations
from tests.interfaces.billing_helpers import close, meter, product, send, subscribe


def test_rebuilt_billing_read_models_equal_the_incremental_ones_after_a_price_change(client, auth, tally, worker):
    assert client.post("/customers", json={"customer_id": "cus_p"}, headers=auth).status_code == 201
    calls = meter(client, auth, "api.call")
    credits = {"per_cycle": "100", "per_unit": "1", "rollover": "none"}
    plan = product(client, auth, {"meter_id": calls, "unit_price": "0.02", "credits": credits})
    now = datetime.now(timezone.utc)
    old = subscribe(client, auth, "cus_p", plan["id"], now - timedelta(days=1, hours=1))
    send(client, auth, "cus_p", "api.call", 300, now - timedelta(days=1), "a")
    close(client, auth, old["id"])
    send(client, auth, "cus_p", "api.call", 200, now - timedelta(minutes=30), "b")
    r = client.put(
        f"/products/{plan['id']}/usage-prices/{calls}", json={"unit_price": "0.03", "credits": credits}, headers=auth
    )
    worker.caught_up(r.json()["position"])
    before = client.get("/customers/cus_p/usage", headers=auth).json()

    for name in ("charges", "invoices", "balances"):
        assert operations.verify(tally.store, name).differences == [], name
    operations.rebuild(tally.store, "charges")
    after = client.get("/customers/cus_p/usage", headers=auth).json()

    assert before["total"] == after["total"] == "3.00"  # 200 calls, 100 paid with credits, 100 x 0.03
    assert before["lines"] == after["lines"]
