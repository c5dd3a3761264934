"""`tally` run as an operator runs it, in processes of its own on an embedded PostgreSQL in a data folder."""

import json
import os
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from tests.cli.processes import eventually, free_port, healthy, start_serve

ROOT = Path(__file__).resolve().parents[2]


def tally_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TALLY_SCHEMA")}
    env["PYTHONPATH"] = str(ROOT)
    return env


def tally(*argv: str) -> subprocess.CompletedProcess[str]:
    """A CLI command, as a process of its own; what it printed on stdout and stderr apart."""
    return subprocess.run(
        [sys.executable, "-m", "interfaces.cli.main", *argv],
        env=tally_env(),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )


class Served:
    """`tally serve` on `data`, answering once started; its output in `log`."""

    def __init__(self, data: Path, log: Path, *args: str, env: dict[str, str] | None = None) -> None:
        self.data = data
        self.log = log
        self.base = f"http://127.0.0.1:{free_port()}"
        port = self.base.rsplit(":", 1)[1]
        self.process = start_serve(log, {**tally_env(), **(env or {})}, "--port", port, "--data-dir", str(data), *args)
        eventually(lambda: self.process.poll() is not None or healthy(self.base), 120, "serve answers")
        assert self.process.poll() is None, log.read_text()

    def call(self, method: str, path: str, key: str | None, body: object = None) -> tuple[int, Any]:
        """(status, the JSON answer, or the text of a refusal)."""
        request = urllib.request.Request(
            self.base + path,
            data=None if body is None else json.dumps(body).encode(),
            method=method,
            headers={"Content-Type": "application/json", **({"Authorization": f"Bearer {key}"} if key else {})},
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                return answer.status, json.loads(answer.read() or b"null")
        except urllib.error.HTTPError as refused:
            return refused.code, refused.read().decode()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=60)
