"""The benchmark's rebuild measure replays the log into scratch tables and leaves nothing behind."""

from datetime import datetime, timezone

from bench.rebuild import SUFFIX, rebuild_rate
from domain.usage_event import IncomingEvent
from projections.engine.tracking import positions

NOW = datetime.now(timezone.utc)


def test_rebuild_rate_replays_the_log_and_drops_its_scratch_tables(tally):
    business = tally.businesses.register_business("acme")
    tally.customers.create_customer(business, "cus_1", None, None)
    tally.ingestion.ingest(business, [IncomingEvent(f"e{i}", "cus_1", "api.call") for i in range(50)], NOW)

    assert rebuild_rate(tally.store, 10_000) > 0

    with tally.store.datastore.transaction(commit=False) as cur:
        cur.execute(
            "SELECT count(*) AS n FROM pg_tables WHERE schemaname = %s AND tablename LIKE %s",
            (tally.store.schema, f"%{SUFFIX}"),
        )
        assert cur.fetchone()["n"] == 0
    assert not [name for name in positions(tally.store) if name.endswith(SUFFIX)]
