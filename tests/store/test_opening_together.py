"""Workers of several partitions start together on a new schema: each must find or create it and the
events table, never fail on the other's CREATE (`tuple concurrently updated`)."""

from concurrent.futures import ThreadPoolExecutor

from interfaces.bootstrap import open_store
from store.config import store_env


def test_stores_opened_together_on_a_new_schema_all_open(database_url, schema):
    with ThreadPoolExecutor(6) as pool:
        opened = list(pool.map(lambda _: open_store(store_env(database_url, schema, pool_size=1)), range(6)))
    try:
        assert {t.store.schema for t in opened} == {schema} and all(t.store.head() == 0 for t in opened)
    finally:
        for t in opened:
            t.close()
