"""The load generator, run as its own process so it never shares an interpreter
with the server it measures: `python -m bench.load < job.json`.

A job is either `ingest` (bodies built before the clock starts, sent over
keep-alive connections as fast as acknowledged, or on an open-loop schedule at
`rate` events/s) or `query` (GETs one after another, latency per request).
It prints one JSON result. A minimal HTTP/1.1 client on asyncio streams keeps
the generator's own cost far below either server's.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from datetime import datetime, timezone
from typing import Any

from bench.bodies import body

MAX_PREBUILT_EVENTS = 400_000


class Connection:
    def __init__(self, host: str, port: int, key: str, cookie: str | None = None) -> None:
        """`cookie`: sent with every request (a customer portal page reads its session from one)."""
        self.host, self.port, self.key = host, port, key
        self.extra = f"Cookie: {cookie}\r\n" if cookie else ""
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, payload: bytes = b"") -> tuple[int, bytes]:
        try:
            return await self._exchange(method, path, payload)
        except (ConnectionError, EOFError):
            # The server closes keep-alive connections left idle (open-loop load leaves some idle for
            # seconds). Sending again is safe: ingestion skips ids it already stored.
            self.close()
            return await self._exchange(method, path, payload)

    async def _exchange(self, method: str, path: str, payload: bytes) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        head = (
            f"{method} {path} HTTP/1.1\r\nHost: {self.host}\r\nAuthorization: Bearer {self.key}\r\n{self.extra}"
            f"Content-Type: application/json\r\nContent-Length: {len(payload)}\r\n\r\n"
        )
        self.writer.write(head.encode() + payload)
        status_line = await self.reader.readline()
        if not status_line:
            raise EOFError("the server closed the connection")
        length = 0
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        return int(status_line.split()[1]), await self.reader.readexactly(length)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def percentile(values: list[float], p: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def ingest(job: dict[str, Any]) -> dict[str, Any]:
    size, duration, rate = job["batch"], job["duration"], job.get("rate")
    # A job of a set number of events (`events`, the scale run's loads) sends them all, however long it takes. A
    # job at a set rate gets bodies for its whole duration: capped, a 30 s window at 28 k events/s ended after
    # 14 s (issue 32). A maximum-rate job is capped, at whatever it reaches.
    ceiling = job.get("events") or (
        int(duration * rate) if rate else min(MAX_PREBUILT_EVENTS, int(duration * job.get("max_rate", 120_000)))
    )
    now = datetime.now(timezone.utc)
    first = job.get("first", 0)
    bodies = [
        body(
            job["prefix"],
            range(first + i * size, first + (i + 1) * size),
            job["customers"],
            now,
            job.get("resend_prefix"),
            job.get("shape", "spread"),
        )
        for i in range(max(1, ceiling // size))
    ]
    connections = [Connection(job["host"], job["port"], job["key"]) for _ in range(job["concurrency"])]
    queue: asyncio.Queue[bytes | None] = asyncio.Queue()
    acked, failed, latencies = 0, 0, []
    statuses: dict[int, int] = {}
    started = time.monotonic()
    deadline = started + duration

    async def send(connection: Connection) -> None:
        nonlocal acked, failed
        while (payload := await queue.get()) is not None:
            sent = time.monotonic()
            status, _ = await connection.request("POST", "/events/ingest", payload)
            latencies.append(time.monotonic() - sent)
            statuses[status] = statuses.get(status, 0) + 1
            if status == 200:
                acked += size
            else:
                failed += 1
            if time.monotonic() >= deadline:
                break

    async def schedule() -> None:
        for index, payload in enumerate(bodies):
            if rate:
                await asyncio.sleep(max(0.0, started + index * size / rate - time.monotonic()))
            if time.monotonic() >= deadline:
                break
            queue.put_nowait(payload)
        for _ in connections:
            queue.put_nowait(None)

    scheduler = asyncio.create_task(schedule())
    await asyncio.gather(*(send(c) for c in connections))
    elapsed = time.monotonic() - started
    scheduler.cancel()
    for connection in connections:
        connection.close()
    return {
        "events": acked,
        "failed_requests": failed,
        "elapsed_s": elapsed,
        "events_per_s": acked / elapsed,
        "bodies_built": len(bodies),
        "statuses": statuses,
        "latency_p50_ms": 1000 * (percentile(latencies, 50) or 0),
        "latency_p99_ms": 1000 * (percentile(latencies, 99) or 0),
    }


async def query(job: dict[str, Any]) -> dict[str, Any]:
    connection = Connection(job["host"], job["port"], job["key"], job.get("cookie"))
    latencies, failed, sample = [], 0, ""
    warmup = job.get("warmup", 0)  # not timed: the first requests open connections and plan statements
    for index, path in enumerate(job["paths"]):
        sent = time.monotonic()
        status, answer = await connection.request("GET", path)
        if index >= warmup:
            latencies.append(time.monotonic() - sent)
        if status != 200:
            failed += 1
            sample = answer.decode(errors="replace")[:200]
    connection.close()
    return {
        "requests": len(latencies),
        "failed_requests": failed,
        "failure_sample": sample,
        "p50_ms": 1000 * (percentile(latencies, 50) or 0),
        "p99_ms": 1000 * (percentile(latencies, 99) or 0),
    }


async def posts(job: dict[str, Any]) -> dict[str, Any]:
    """Prebuilt (path, body) POSTs over `concurrency` connections, as fast as they are answered."""
    connections = [Connection(job["host"], job["port"], job["key"]) for _ in range(job["concurrency"])]
    queue: asyncio.Queue[list[str] | None] = asyncio.Queue()
    for request in job["requests"]:
        queue.put_nowait(request)
    for _ in connections:
        queue.put_nowait(None)
    statuses: dict[str, int] = {}
    sample = ""

    async def send(connection: Connection) -> None:
        nonlocal sample
        while (request := await queue.get()) is not None:
            status, answer = await connection.request("POST", request[0], request[1].encode())
            statuses[str(status)] = statuses.get(str(status), 0) + 1
            if status >= 300:
                sample = answer.decode(errors="replace")[:200]

    started = time.monotonic()
    await asyncio.gather(*(send(c) for c in connections))
    elapsed = time.monotonic() - started
    for connection in connections:
        connection.close()
    return {
        "statuses": statuses,
        "failure_sample": sample,
        "elapsed_s": elapsed,
        "requests_per_s": len(job["requests"]) / elapsed,
    }


def main() -> None:
    job = json.loads(sys.stdin.read())
    runner = {"ingest": ingest, "query": query, "posts": posts}[job["kind"]]
    try:
        import uvloop

        result = uvloop.run(runner(job))
    except ImportError:
        result = asyncio.run(runner(job))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
