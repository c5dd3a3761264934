"""Pages of the log: read from a window of ids, and past a gap wider than the window."""

from datetime import datetime, timezone

from psycopg import sql

from domain.usage_event import IncomingEvent
from store.log import WINDOW, read_page

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)


def ingest(tally, business, numbers):
    return tally.ingestion.ingest(
        business, [IncomingEvent(f"e-{n}", "cus_1", "api.call", NOW, {}) for n in numbers], NOW
    )


def skip_ids(tally, count):
    """A gap of `count` ids, as rolled-back writes leave."""
    with tally.store.datastore.transaction(commit=True) as cur:
        cur.execute(
            sql.SQL(
                "SELECT setval(pg_get_serial_sequence(%s, 'notification_id'), "
                "nextval(pg_get_serial_sequence(%s, 'notification_id')) + %s)"
            ),
            (tally.store.events_table.as_string(cur), tally.store.events_table.as_string(cur), count),
        )


def page(tally, after, limit, stop=None):
    with tally.store.datastore.transaction(commit=False) as cur:
        return [n.id for n in read_page(cur, tally.store, after, limit, stop)]


def test_a_page_reads_past_a_gap_wider_than_its_window(tally):
    business = tally.businesses.register_business("acme")
    tally.customers.create_customer(business, "cus_1", None, None)
    start = ingest(tally, business, range(3)).position - 3
    skip_ids(tally, WINDOW * 10 * 5)
    last = ingest(tally, business, range(3, 8)).position

    everything = page(tally, start, 100)
    assert len(everything) == 8 and everything[-1] == last
    assert everything[3] - everything[2] > WINDOW * 10 * 5
    assert page(tally, start, 4) == everything[:4]
    assert page(tally, everything[2], 10) == everything[3:]
    assert page(tally, start, 10, stop=everything[5]) == everything[:6]


def test_a_full_window_is_a_page_in_order(tally):
    business = tally.businesses.register_business("acme")
    tally.customers.create_customer(business, "cus_1", None, None)
    start = ingest(tally, business, range(50)).position - 50

    ids = page(tally, start, 10)
    assert ids == sorted(ids) and len(ids) == 10 and ids[0] > start
    assert page(tally, ids[-1], 10)[0] > ids[-1]


class Interleaved:
    """The caller's cursor, with `between` run (once) after its first statement: writers commit while the
    page is being read."""

    def __init__(self, cur, between):
        self.connection = self
        self._connection = cur.connection
        self._between = between

    def cursor(self, **options):
        real = self._connection.cursor(**options)
        outer = self

        class Cursor:
            def __enter__(self):
                real.__enter__()
                return self

            def __exit__(self, *exc):
                return real.__exit__(*exc)

            def execute(self, *args, **kwargs):
                real.execute(*args, **kwargs)
                between, outer._between = outer._between, None
                if between is not None:
                    between()
                return self

            def fetchall(self):
                return real.fetchall()

            def __iter__(self):
                return iter(real)

        return Cursor()


def test_a_page_leaves_no_store_event_behind_a_usage_event_committed_while_it_was_read(tally):
    """A meter created and a usage event sent after it, both committed while a page is read: the page holds
    both or neither. Holding only the usage event, the page's end moved the tracking past the meter."""
    business = tally.businesses.register_business("acme")
    tally.customers.create_customer(business, "cus_1", None, None)
    start = ingest(tally, business, range(3)).position - 3

    def writers_commit():
        tally.meters.create_meter(business, "calls", "api.call", {"type": "count"})
        ingest(tally, business, [3])

    with tally.store.datastore.transaction(commit=False) as cur:
        seen = [n.id for n in read_page(Interleaved(cur, writers_commit), tally.store, start, 100)]
    everything = page(tally, start, 100)
    assert len(everything) == 5
    assert seen == [p for p in everything if p <= seen[-1]]
