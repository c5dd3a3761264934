"""Resends of ids still in flight: whoever loses the race to store an id reports it
as a duplicate, never fails, and every acknowledged id is stored exactly once."""

import random
import threading
from datetime import UTC, datetime

import pytest

from domain.usage_event import IncomingEvent
from interfaces.bootstrap import open_store
from store.config import store_env

NOW = datetime.now(UTC)
CLIENTS = 8
ROUNDS = 12
FRESH, RESENT = 70, 30


@pytest.fixture
def roomy(database_url, schema):
    """A pool as large as the number of clients, as `tally serve` has."""
    app = open_store(store_env(database_url, schema, pool_size=CLIENTS))
    yield app
    app.close()


def batch(ids):
    return [IncomingEvent(event_id=i, customer_id="cus_1", event_name="race") for i in ids]


def test_eight_clients_resending_in_flight_ids_never_fail_and_store_each_acknowledged_id_once(roomy):
    business = roomy.businesses.register_business("acme")
    roomy.customers.create_customer(business, "cus_1", None, None)
    lock, sent, acknowledged, errors = threading.Lock(), [], set(), []
    ingested = []

    def client(n: int) -> None:
        rnd = random.Random(n)
        for round_ in range(ROUNDS):
            fresh = [f"c{n}-r{round_}-{j}" for j in range(FRESH)]
            with lock:
                # ids other clients sent moments ago: many are still in flight
                resent = rnd.sample(sent[-3 * FRESH * CLIENTS :], min(RESENT, len(sent)))
                sent.extend(fresh)
            ids = list(dict.fromkeys(fresh + resent))
            try:
                done = roomy.ingestion.ingest(business, batch(ids), NOW)
            except Exception as exc:  # noqa: BLE001 - any failure is what this test counts
                with lock:
                    errors.append(exc)
                continue
            with lock:
                acknowledged.update(ids)
                ingested.append(done.ingested_count)
                if done.ingested_count + done.duplicate_count != len(ids):
                    errors.append(done)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    stored = roomy.ingestion.stored_keys([(business, i) for i in acknowledged])
    assert len(stored) == len(acknowledged) == CLIENTS * ROUNDS * FRESH
    assert sum(ingested) == len(acknowledged)


def test_a_batch_that_keeps_losing_the_race_is_stored_without_its_duplicates(tally, monkeypatch):
    """Every check is followed by a concurrent writer storing one more of the batch's ids,
    as a client resending in-flight ids does; checking again could lose forever."""
    business = tally.businesses.register_business("acme")
    tally.customers.create_customer(business, "cus_1", None, None)
    ids = [f"e{i}" for i in range(20)]
    check, rival_ids, rival_running = tally.store.existing_ids, [], threading.Event()

    def check_then_lose_a_race(wanted):
        known = check(wanted)
        if not rival_running.is_set():
            rival_running.set()
            rival_ids.append(ids[len(rival_ids)])
            tally.ingestion.ingest(business, batch(rival_ids[-1:]), NOW)
            rival_running.clear()
        return known

    monkeypatch.setattr(tally.ingestion, "existing_ids", check_then_lose_a_race)
    done = tally.ingestion.ingest(business, batch(ids), NOW)
    monkeypatch.undo()

    assert (done.ingested_count, done.duplicate_count) == (20 - len(rival_ids), len(rival_ids))
    assert len(tally.ingestion.stored_keys([(business, i) for i in ids])) == 20
    assert done.position == tally.store.head()
