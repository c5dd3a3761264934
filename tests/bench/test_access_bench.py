"""The access benchmark's requests are ones the API takes: a consume adds exactly its quantity to the bench
meter, and each check names a subscribed customer."""

from decimal import Decimal

from bench.access import SUBSCRIBERS, check_paths, consumes
from bench.bodies import EVENT_NAME
from domain.aggregation import MeterRule
from interfaces.resources.access import parse_consume

TOKENS = MeterRule(EVENT_NAME, "sum", "tokens", None)


def test_each_consume_adds_its_quantity_to_the_bench_meter_and_the_customers_take_turns():
    requests = consumes("m-1", ["cus_0", "cus_1"], 4, "p")

    parsed = [parse_consume(body.encode()) for _, body in requests]

    assert [path for path, _ in requests] == [f"/customers/cus_{n % 2}/access/consume" for n in range(4)]
    assert {(meter, quantity, TOKENS.value(e.metadata)) for meter, quantity, e in parsed} == {
        ("m-1", Decimal(1), Decimal(1))
    }
    assert len({e.event_id for _, _, e in parsed}) == 4


def test_checks_ask_only_for_subscribed_customers():
    paths = check_paths("m-1", 1000, 3 * SUBSCRIBERS)

    assert {p.split("/")[2] for p in paths} == {f"cus_{n}" for n in range(SUBSCRIBERS)}
