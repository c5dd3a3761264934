"""`tally serve`: the API and a supervised projection worker on one database, ready to use."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import socket
import sys
import threading
from pathlib import Path

import uvicorn
from uvicorn.config import STARTUP_FAILURE
from uvicorn.supervisors import Multiprocess

from application.tally import Tally
from interfaces.cli.close_cycles import add_grace
from interfaces.cli.common import UserError, open_tally
from interfaces.cli.parent_death import SUPERVISOR_ENV
from interfaces.cli.supervisor import GIVE_UP_S, RestartPolicy, Supervisor
from interfaces.database import keep_running
from interfaces.observability import logs, metrics
from projections.engine.partitions import Partition
from projections.engine.registry import worker_projections
from projections.engine.worker import Worker
from projections.reads.queries import Queries
from store.config import SERVING

log = logging.getLogger("tally.serve")

DEMO_BUSINESS = "demo"
# uvicorn kills an API process of --workers N that has not answered its health check within this many
# seconds, and starts another. Its own 5 s is shorter than a start on a busy machine (importing tally took
# 7.4 s at a load average of 15 on 2 cores): every new process was killed before it could answer.
API_HEALTHCHECK_S = 30


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("serve", help="run the API and the projection worker")
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)"
    )
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    parser.add_argument(
        "--workers", type=int, default=1, help="API processes (default 1); the projection worker is always one more"
    )
    parser.add_argument(
        "--partitions",
        type=int,
        default=1,
        help="projection workers, each applying its share of the usage projection "
        "(`tally worker --partition I/N`; default 1: one worker for everything)",
    )
    parser.add_argument(
        "--access-log",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="log every request (default: only with -v; off saves CPU under heavy load)",
    )
    parser.add_argument(
        "--give-up-after",
        type=float,
        default=GIVE_UP_S,
        metavar="SECONDS",
        help=f"how long a worker that keeps dying is restarted before serve exits with status 1 (default "
        f"{GIVE_UP_S:.0f}; 0: never restart, for an orchestrator that restarts serve; docs/supervision.md)",
    )
    add_grace(parser)
    parser.set_defaults(run=run)


def demo_key(tally: Tally, data_dir: str) -> str:
    """Keys are stored hashed, so the demo key is kept in the data folder to be shown again."""
    path = Path(data_dir) / "demo-key"
    if path.exists():
        return path.read_text().strip()
    key = tally.businesses.create_key(DEMO_BUSINESS)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600)
    path.write_text(key + "\n")
    return key


def listen(host: str, port: int) -> socket.socket:
    """serve's port, taken before anything else: a serve that cannot have it stops before it opens, or
    could stop, a database that another serve is using."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as e:
        sock.close()
        raise UserError(
            f"cannot listen on {host}:{port}: {e.strerror}", "another program has the port: stop it, or choose --port"
        ) from None
    sock.set_inheritable(True)  # the API processes of --workers N serve it too
    return sock


def banner(base: str, key: str, data_dir: str, log_format: str) -> None:
    """For a person: where everything is and a key to try. For a log collector (json), one line saying
    where, and where the demo key is kept rather than the key: a key has no place in a log."""
    if log_format == "json":
        log.info(
            "tally is running: API %s, OpenAPI %s/schema, dashboard %s/dashboard; the demo key is in %s",
            base,
            base,
            base,
            Path(data_dir) / "demo-key",
        )
        return
    print(
        f"tally is running\n  API:        {base}\n  OpenAPI:    {base}/schema\n"
        f"  Dashboard:  {base}/dashboard\n  Demo key:   {key}\n\n"
        f"Try: curl -X POST {base}/customers -H 'Authorization: Bearer {key}' "
        f"-H 'Content-Type: application/json' -d '{{\"customer_id\": \"cus_abc\"}}'\n",
        flush=True,
    )


def run(args: argparse.Namespace) -> int:
    sock = listen(args.host, args.port)
    metrics_setting = metrics.setting()
    # Before any process counts anything: the API processes and the worker count into one folder.
    shared = metrics.share_between_processes(args.data_dir)
    try:
        return serve(args, sock, metrics_setting)
    finally:
        metrics.forget(shared)


def serve(args: argparse.Namespace, sock: socket.socket, metrics_setting: metrics.Setting) -> int:
    tally, url = open_tally(args.data_dir, pool_size=8, timeouts=SERVING, create=True)
    splits = [None] if args.partitions <= 1 else [Partition(i, args.partitions) for i in range(args.partitions)]
    for split in splits:
        Worker(tally.store, worker_projections(tally.store.schema, split)).setup()
    key = demo_key(tally, args.data_dir)
    # Giving up ends serve the way SIGTERM does, so uvicorn shuts down in order and PostgreSQL stops.
    workers = [
        Supervisor(
            "worker",
            [
                sys.executable,
                "-m",
                "interfaces.cli.main",
                "worker",
                "--supervisor",
                str(os.getpid()),
                "--grace",
                str(args.grace),
                *(["--partition", f"{split.index}/{split.count}"] if split else []),
                "--log-format",
                args.log_format,
                *(["-v"] if args.verbose else []),
            ],
            env={**os.environ, "DATABASE_URL": url, "TALLY_SCHEMA": tally.store.schema},
            on_give_up=lambda: os.kill(os.getpid(), signal.SIGTERM),
            policy=RestartPolicy(give_up_s=args.give_up_after),
        )
        for split in splits
    ]
    database_gave_up, keeping = threading.Event(), threading.Event()

    def give_up_database() -> None:
        database_gave_up.set()
        os.kill(os.getpid(), signal.SIGTERM)

    gave_up = lambda: any(w.gave_up for w in workers) or database_gave_up.is_set()  # noqa: E731
    # uvicorn re-raises SIGTERM once it has shut down; exiting normally instead lets the embedded
    # PostgreSQL stop with us (it stops at interpreter exit).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1 if gave_up() else 0))
    base = f"http://{args.host}:{args.port}"
    access_log = args.verbose if args.access_log is None else args.access_log
    log_level = "info" if args.verbose else "warning"
    # One logging set-up for this process and each API process uvicorn starts; tally writes the access log
    # (interfaces/observability/requests.py), which knows the route and the business, so uvicorn's is off.
    log_config = logs.config(args.log_format, args.verbose, access_log)
    logs.configure(args.log_format, args.verbose, access_log)
    try:
        for worker in workers:
            worker.start()
        keep_running(args.data_dir, keeping, give_up_database)
        if metrics_setting.port is not None:
            queries = Queries(tally.store.datastore, tally.store.schema, tally.store.events_table)
            metrics.serve_on_port(metrics.scrape_registry(queries.vitals), args.host, metrics_setting.port)
        banner(base, key, args.data_dir, args.log_format)
        if args.workers > 1:
            # Each API process opens its own pool; they find the database through the environment, and end
            # when serve does (interfaces/cli/parent_death.py).
            os.environ.update(
                {
                    "DATABASE_URL": url,
                    "TALLY_SCHEMA": tally.store.schema,
                    "TALLY_DATA_DIR": str(args.data_dir),
                    SUPERVISOR_ENV: str(os.getpid()),
                }
            )
            config = uvicorn.Config(
                "interfaces.http.asgi:create",
                factory=True,
                workers=args.workers,
                timeout_worker_healthcheck=API_HEALTHCHECK_S,
                log_level=log_level,
                log_config=log_config,
                access_log=False,
            )
            Multiprocess(config, sockets=[sock]).run()
        else:
            # Imported here, not with this module: the routes, the dashboard and the PDF renderer are half a
            # second of CPU that every other command (the worker serve starts among them) would pay too.
            from interfaces.dashboard.session import session_secret
            from interfaces.http.app import create_app

            config = uvicorn.Config(
                create_app(tally, session_secret(args.data_dir)),
                log_level=log_level,
                log_config=log_config,
                access_log=False,
            )
            server = uvicorn.Server(config)
            server.run(sockets=[sock])
            if not server.started:
                return STARTUP_FAILURE
    finally:
        keeping.set()  # serve's own stop of PostgreSQL, at exit, is no death
        for worker in workers:
            worker.stop()
        tally.close()
        log.info("stopped")
    return 1 if gave_up() else 0
