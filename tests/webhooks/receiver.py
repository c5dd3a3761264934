"""A real HTTP receiver on 127.0.0.1 for webhook tests: records every request and answers from a script."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes
    answered: int
    arrived_at: float


@dataclass
class Receiver:
    port: int = 0
    requests: list[Received] = field(default_factory=list)
    # The webhook-id of every request as it arrives, answered yet or not.
    arrivals: list[str] = field(default_factory=list)
    # Answers per path, used up in order; 200 once a path's script is spent.
    script: dict[str, list[int]] = field(default_factory=dict)
    # Requests are held open (a receiver that hangs) while `holding`, or for a path in `slow`, until released.
    holding: bool = False
    slow: set[str] = field(default_factory=set)
    released: threading.Condition = field(default_factory=threading.Condition)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def hang(self, path: str | None = None) -> None:
        """Holds every request open (no path) or those of one path, until `release`."""
        with self.released:
            if path is None:
                self.holding = True
            else:
                self.slow.add(path)

    def release(self) -> None:
        with self.released:
            self.holding = False
            self.slow.clear()
            self.released.notify_all()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def answered(self, path: str, code: int = 200) -> list[Received]:
        with self.lock:
            return [r for r in self.requests if r.path == path and r.answered == code]

    def at(self, path: str) -> list[Received]:
        with self.lock:
            return [r for r in self.requests if r.path == path]


@contextmanager
def receiving(port: int = 0) -> Iterator[Receiver]:
    receiver = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length") or 0))
            arrived_at = time.time()
            with receiver.lock:
                receiver.arrivals.append(self.headers.get("webhook-id", ""))
            with receiver.released:
                receiver.released.wait_for(lambda: not receiver.holding and self.path not in receiver.slow)
            with receiver.lock:
                queue = receiver.script.get(self.path) or []
                code = queue.pop(0) if queue else 200
                receiver.requests.append(
                    Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body, code, arrived_at)
                )
            self.send_response(code)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    receiver.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        receiver.release()
        server.shutdown()
        server.server_close()
