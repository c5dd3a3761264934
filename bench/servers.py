"""Starting and stopping the two services under test, each as its own processes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import psutil


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Service:
    name: str
    process: subprocess.Popen[bytes]
    port: int
    log: Path

    def processes(self) -> list[psutil.Process]:
        try:
            root = psutil.Process(self.process.pid)
            return [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def start(name: str, command: list[str], env: dict[str, str], log: Path, timeout: float = 60.0) -> Service:
    port = free_port()
    command = [part.replace("{port}", str(port)) for part in command]
    with open(log, "wb") as out:
        process = subprocess.Popen(
            command, env={**os.environ, **env}, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    service = Service(name, process, port, log)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with {process.returncode}: {log.read_text()[-500:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as answer:
                if answer.status == 200:
                    return service
        except OSError:
            time.sleep(0.1)
    service.stop()
    raise RuntimeError(f"{name} did not answer /health within {timeout:.0f}s: {log.read_text()[-500:]}")


def start_baseline(database_url: str, key: str, workers: int, folder: Path) -> Service:
    return start(
        "baseline",
        [
            sys.executable,
            "-m",
            "uvicorn",
            "bench.baseline:create_app",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            "{port}",
            "--workers",
            str(workers),
            "--no-access-log",
            "--log-level",
            "warning",
        ],
        {"BENCH_DATABASE_URL": database_url, "BENCH_KEY": key},
        folder / "baseline.log",
    )


def start_tally(database_url: str, schema: str, workers: int, folder: Path) -> Service:
    """`tally serve` itself: API process(es) plus the separate projection worker process."""
    return start(
        "tally",
        [
            sys.executable,
            "-m",
            "interfaces.cli.main",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            "{port}",
            "--workers",
            str(workers),
            "--no-access-log",
            "--data-dir",
            str(folder / "tally-data"),
        ],
        {"DATABASE_URL": database_url, "TALLY_SCHEMA": schema},
        folder / "tally.log",
    )


def is_projection_worker(process: psutil.Process) -> bool:
    try:
        return "worker" in process.cmdline()[1:]
    except psutil.Error:
        return False
