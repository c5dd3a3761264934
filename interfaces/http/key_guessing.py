"""Key guessing: a limit, per client address, on wrong API keys and failed dashboard sign-ins.

Each address has a token bucket of failures: `burst` of them at once, refilled at `burst` per `period_s`
(TALLY_KEY_FAILURES="30/60" by default: 30 at once, then one every 2 s). A wrong key takes a token. With
none left, a key from that address is not checked at all: 429 `too_many_requests` with `Retry-After`, the
seconds until a token is back. Not checking is what makes it a limit on guessing: a right guess answered
while wrong ones get 429 would still give itself away.

A key that has worked from an address keeps working from it while the address is blocked: its fingerprint
is remembered (the last KNOWN_PER_ADDRESS of them), so a guesser behind the same address as a real client
(a NAT, a proxy, the same host) cannot lock that client out. A key that has not worked from there yet waits
like a guess. A request without a key, and a dashboard session (its key sits in an encrypted cookie, it
cannot be a guess), is never counted. Requests that succeed are never limited.

Memory is bounded: MAX_ADDRESSES buckets, the least recently seen forgotten first. The buckets live in the
API process, so `tally serve --workers N` allows up to N times the figures. Behind a reverse proxy the
address is the proxy's unless uvicorn trusts its X-Forwarded-For (FORWARDED_ALLOW_IPS); docs/dashboard.md.
"""

from __future__ import annotations

import hashlib
import math
import os
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from litestar.exceptions import TooManyRequestsException

from domain.errors import Unauthorized

FAILURES_ENV = "TALLY_KEY_FAILURES"
DEFAULT_FAILURES = "30/60"
MAX_ADDRESSES = 10_000
KNOWN_PER_ADDRESS = 16


class TooManyWrongKeys(TooManyRequestsException):
    def __init__(self, retry_after_s: int) -> None:
        super().__init__(
            detail=f"too many wrong API keys from this address; retry in {retry_after_s} s",
            headers={"Retry-After": str(retry_after_s)},
        )
        self.retry_after_s = retry_after_s


@dataclass(slots=True)
class Bucket:
    tokens: float
    at: float
    known: OrderedDict[bytes, None] = field(default_factory=OrderedDict)


class KeyGuessing:
    def __init__(
        self,
        burst: int = 30,
        period_s: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        max_addresses: int = MAX_ADDRESSES,
    ) -> None:
        self.burst = burst
        self.per_s = burst / period_s
        self.clock = clock
        self.max_addresses = max_addresses
        self.buckets: OrderedDict[str, Bucket] = OrderedDict()
        self.lock = threading.Lock()

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> KeyGuessing:
        """TALLY_KEY_FAILURES as "FAILURES/SECONDS"."""
        burst, _, period = env.get(FAILURES_ENV, DEFAULT_FAILURES).partition("/")
        try:
            limit = cls(int(burst), float(period))
        except (ValueError, ZeroDivisionError):
            raise ValueError(f"{FAILURES_ENV} must be FAILURES/SECONDS, e.g. {DEFAULT_FAILURES}") from None
        if limit.burst < 1 or limit.per_s <= 0:
            raise ValueError(f"{FAILURES_ENV} must be FAILURES/SECONDS, e.g. {DEFAULT_FAILURES}")
        return limit

    def authenticate(self, address: str, key: str, check: Callable[[str], uuid.UUID]) -> uuid.UUID:
        """`check(key)` unless the address is out of tries and the key has not worked from it before."""
        fingerprint = hashlib.blake2b(key.encode(), digest_size=16).digest()
        with self.lock:
            bucket = self._bucket(address)
            if bucket.tokens < 1 and fingerprint not in bucket.known:
                raise TooManyWrongKeys(math.ceil((1 - bucket.tokens) / self.per_s))
        try:
            business = check(key)
        except Unauthorized:
            with self.lock:
                bucket = self._bucket(address)
                bucket.tokens = max(0.0, bucket.tokens - 1)
            raise
        with self.lock:
            known = self._bucket(address).known
            known[fingerprint] = None
            known.move_to_end(fingerprint)
            if len(known) > KNOWN_PER_ADDRESS:
                known.popitem(last=False)
        return business

    def _bucket(self, address: str) -> Bucket:
        now = self.clock()
        bucket = self.buckets.get(address)
        if bucket is None:
            bucket = self.buckets[address] = Bucket(float(self.burst), now)
            if len(self.buckets) > self.max_addresses:
                self.buckets.popitem(last=False)
        else:
            self.buckets.move_to_end(address)
            bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.at) * self.per_s)
            bucket.at = now
        return bucket
