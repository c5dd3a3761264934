"""`tally simulate`: a progress bar on stderr, the table on stdout, and a bad prices file refused."""

import json
from datetime import timedelta

from tests.application.helpers import (
    JAN1,
    close,
    count_meter,
    daily_product,
    price,
    send,
    subscribe,
)


def test_simulate_prints_each_customer_and_the_totals(cli, tally, business, worker, make_customer, tmp_path):
    make_customer("cus_1")
    meter = count_meter(tally, business)
    product = daily_product(tally, business, price(meter, "0.02", "1000"))
    send(tally, business, "cus_1", "api.call", 2500, JAN1 + timedelta(hours=1), "e")
    subscription = subscribe(tally, business, "cus_1", product, JAN1)
    worker.caught_up()
    close(tally, business, subscription, JAN1 + timedelta(days=1, hours=1))
    prices = tmp_path / "prices.json"
    prices.write_text(json.dumps([{"meter_id": str(meter), "unit_price": "0.03", "free_threshold": "1000"}]))

    code, out, err = cli("simulate", "--product", str(product), "--prices", str(prices), "--cycles", "1")

    assert code == 0, err
    assert "simulating [" in err and "100.0% 1/1" in err
    rows = [line.split() for line in out.splitlines()]
    assert ["cus_1", "proposed", "1", "30.00", "45.00", "15.00"] in rows
    assert ["total", "proposed", "1", "30.00", "45.00", "15.00"] in rows


def test_a_prices_file_with_a_bad_price_is_refused(cli, tally, business, tmp_path):
    meter = count_meter(tally, business)
    product = daily_product(tally, business, price(meter, "0.02"))
    prices = tmp_path / "prices.json"
    prices.write_text(json.dumps({"usage_prices": [{"meter_id": str(meter), "unit_price": "-1"}]}))
    code, _, err = cli("simulate", "--product", str(product), "--prices", str(prices))
    assert code == 1 and "invalid_simulation" in err
    prices.write_text("{not json")
    code, _, err = cli("simulate", "--product", str(product), "--prices", str(prices))
    assert code == 1 and "invalid_prices_file" in err
    prices.write_text(json.dumps([{"meter_id": str(meter), "unit_price": "3e-2"}]))
    code, _, err = cli("simulate", "--product", str(product), "--prices", str(prices))
    assert code == 1 and "unit_price must be a string of ASCII digits" in err
