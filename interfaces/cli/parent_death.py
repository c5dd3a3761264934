"""The children of `tally serve` (its projection workers and the API processes of `--workers N`) end when
serve ends, however it ends: killed with -9, serve cannot stop them, and an API process left running holds
serve's port and stores events no worker projects (docs/supervision.md).

Each child is sent SIGTERM, as if serve had stopped it, so it ends in order: the worker finishes its
transaction, an API process its requests in flight. On Linux the kernel sends it the moment serve dies
(the parent-death signal); elsewhere a thread notices within a second that the child was handed to
another parent."""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

# The variable `tally serve` names itself in for the API processes uvicorn spawns (they take no arguments).
SUPERVISOR_ENV = "TALLY_SUPERVISOR"
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
PARENT_POLL_S = 1.0


def end_with_parent(parent: int) -> None:
    """Sends this process SIGTERM when `parent` dies, or at once if it already has."""
    if sys.platform != "linux":
        threading.Thread(target=_watch, args=(parent,), name="parent-watch", daemon=True).start()
        return
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG)")
    # The parent may have died before the signal was asked for: then nothing will send it.
    if os.getppid() != parent:
        os.kill(os.getpid(), signal.SIGTERM)


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_S)
    os.kill(os.getpid(), signal.SIGTERM)
