"""The audit's event-store scan finds exactly a customer's usage events in a position range."""

from datetime import datetime, timezone
from decimal import Decimal

from domain.usage_event import IncomingEvent
from store.evidence import recorded_usage

NOW = datetime.now(timezone.utc)


def test_the_scan_finds_a_customers_events_between_positions(tally):
    acme, rival = tally.businesses.register_business("acme"), tally.businesses.register_business("rival")
    for business in (acme, rival):
        for customer in ("cus_1", "cus_2"):
            tally.customers.create_customer(business, customer, None, None)
    first = tally.ingestion.ingest(
        acme,
        [
            IncomingEvent("a", "cus_1", "api.call", metadata={"gb": Decimal("1.5")}),
            IncomingEvent("b", "cus_2", "api.call"),
        ],
        NOW,
    ).position
    tally.ingestion.ingest(rival, [IncomingEvent("a", "cus_1", "api.call")], NOW)
    second = tally.ingestion.ingest(acme, [IncomingEvent("c", "cus_1", "api.call")], NOW).position
    found = [(p, e.event_id) for p, e in recorded_usage(tally.store, acme, "cus_1")]
    assert [e for _, e in found] == ["a", "c"] and found[-1][0] == second
    assert [e.event_id for _, e in recorded_usage(tally.store, acme, "cus_1", after=first)] == ["c"]
    assert [e.event_id for _, e in recorded_usage(tally.store, acme, "cus_1", upto=first)] == ["a"]
    assert [e.event_id for _, e in recorded_usage(tally.store, acme, None, upto=first)] == ["a", "b"]
    [(_, event)] = recorded_usage(tally.store, acme, "cus_1", upto=first)
    assert event.metadata == {"gb": Decimal("1.5")}
