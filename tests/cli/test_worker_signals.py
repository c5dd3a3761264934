"""The worker's stop signal handler can run inside itself: a second SIGTERM arriving while the first one's
`Event.set` holds the event's lock must not wait on that lock."""

import threading

from interfaces.cli.worker import stopping
from projections.engine.worker import Worker


def test_a_second_stop_signal_during_the_first_returns_at_once(tally):
    worker = Worker(tally.store, [])
    handler = stopping(worker)
    returned = threading.Event()

    def first_signal_interrupted_by_a_second():
        # Where the first handler stands when the second signal runs: inside Event.set, the flag set, the lock held.
        with worker.stopping._cond:
            worker.stopping._flag = True
            handler()
        returned.set()

    thread = threading.Thread(target=first_signal_interrupted_by_a_second, daemon=True)
    thread.start()
    assert returned.wait(30), "the second handler waited on the lock the first one holds"


def test_a_stop_signal_stops_the_worker(tally):
    worker = Worker(tally.store, [])
    stopping(worker)()
    assert worker.stopping.is_set()
