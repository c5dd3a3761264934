"""How every tally process logs: text for a person (`2026-11-26 15:24:13 INFO message`) or one JSON object
per line for a log collector (`--log-format json`, TALLY_LOG_FORMAT=json), with the request id of the
request a line was written for.

One logging configuration serves the CLI, `tally serve` and the API processes uvicorn starts (it is handed
to uvicorn, which applies it in each of them), so uvicorn's own lines take the same form. Secrets never
reach a log: a filter on the handler masks anything shaped like an API key or a webhook signing secret,
whoever logged it (a library quoting a header, an exception quoting a value), and the access log names
route templates, never paths (a path may carry a portal token or a customer id)."""

from __future__ import annotations

import json
import logging
import logging.config
import os
import re
import threading
from contextvars import ContextVar
from datetime import datetime, timezone
from typing import Any

FORMAT_ENV = "TALLY_LOG_FORMAT"
FORMATS = ("text", "json")
TEXT = "%(asctime)s %(levelname)s %(message)s"
VERBOSE_TEXT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
DATE = "%Y-%m-%d %H:%M:%S"
ACCESS = "tally.access"

# The request a line is logged for; set by the request wrapper (requests.py) for the request's task and the
# threads it hands work to.
REQUEST_ID: ContextVar[str | None] = ContextVar("request_id", default=None)

# The same warning or error again within this is counted, not written (Repeats); at most this many kinds kept.
REPEAT_WINDOW_S = 60.0
REPEATS_KEPT = 1000
# Fields a line may carry besides its message (`extra=` of a logging call), in the order they are written.
FIELDS = ("request_id", "method", "route", "status", "duration_ms", "business_id")
TEXT_FIELDS = ("request_id", "business_id")

# An API key is `<prefix>_<32 hex of the business>_<secret>`; a webhook signing secret `whsec_<base64>`.
# The business part of a key is kept: it names whose key it was, and is not a secret.
_SECRETS = re.compile(r"\b([a-z]+_[0-9a-f]{32}_)[A-Za-z0-9_\-]+|\b(whsec_)[A-Za-z0-9+/=]+")
MASK = "[redacted]"


def redact(text: str) -> str:
    return _SECRETS.sub(lambda m: (m.group(1) or m.group(2)) + MASK, text)


def log_format(given: str | None = None) -> str:
    chosen = (given or os.environ.get(FORMAT_ENV) or "text").strip().lower()
    if chosen not in FORMATS:
        raise SystemExit(f"{FORMAT_ENV} must be one of {', '.join(FORMATS)}, not {chosen!r}")
    return chosen


class Redacting(logging.Filter):
    """Masks secrets in the message and its arguments before any formatter sees them."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        return True


class Repeats(logging.Filter):
    """An outage makes every request and every loop log the same warning: the first is written, the same
    ones after it within REPEAT_WINDOW_S are counted, not written, and the first after the window says how
    many there were. Same means the same logger, level, message and exception type (not the traceback)."""

    def __init__(self) -> None:
        super().__init__()
        self.lock = threading.Lock()
        self.seen: dict[tuple[str, int, str, str], tuple[float, int]] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        error = record.exc_info[0].__name__ if record.exc_info and record.exc_info[0] else ""
        key = (record.name, record.levelno, record.getMessage(), error)
        with self.lock:
            since, hidden = self.seen.get(key, (0.0, 0))
            if record.created - since < REPEAT_WINDOW_S:
                self.seen[key] = (since, hidden + 1)
                return False
            if len(self.seen) > REPEATS_KEPT:
                self.seen.clear()
            self.seen[key] = (record.created, 0)
        if hidden:
            record.msg, record.args = (
                f"{record.getMessage()} (and {hidden} more like it in {REPEAT_WINDOW_S:.0f} s)",
                None,
            )
        return True


class WithRequestId(logging.Filter):
    """Stamps a line with the request it was written for, as it is written (a formatter may run later)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "request_id", None) is None:
            record.request_id = REQUEST_ID.get()
        return True


class TextFormatter(logging.Formatter):
    """The person's form, with the request id and business after the message when a line has them (an
    access line says its method, route, status and duration in its message)."""

    def format(self, record: logging.LogRecord) -> str:
        fields = _fields(record)
        return super().format(record) + "".join(f" {k}={fields[k]}" for k in TEXT_FIELDS if k in fields)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (RFC 3339, UTC), level, logger, message, the request's fields, and the
    traceback as `error` when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        doc: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            **_fields(record),
        }
        if record.exc_info or record.exc_text:
            doc["error"] = redact(record.exc_text or self.formatException(record.exc_info))  # type: ignore[arg-type]
        return json.dumps(doc, default=str, ensure_ascii=False)


def _fields(record: logging.LogRecord) -> dict[str, Any]:
    return {name: getattr(record, name) for name in FIELDS if getattr(record, name, None) is not None}


def config(fmt: str, verbose: bool, access_log: bool = False) -> dict[str, Any]:
    """The `logging.config.dictConfig` of a tally process. Quiet by default: tally's own INFO lines and
    everyone's warnings; -v adds the libraries' logs and tally's DEBUG lines (docs/cli.md)."""
    formatter: dict[str, Any] = (
        {"()": f"{__name__}.JsonFormatter"}
        if fmt == "json"
        else {"()": f"{__name__}.TextFormatter", "format": VERBOSE_TEXT if verbose else TEXT, "datefmt": DATE}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"tally": formatter},
        "filters": {
            "redacting": {"()": f"{__name__}.Redacting"},
            "request_id": {"()": f"{__name__}.WithRequestId"},
            "repeats": {"()": f"{__name__}.Repeats"},
        },
        "handlers": {
            "tally": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "formatter": "tally",
                "filters": ["repeats", "redacting", "request_id"],
            }
        },
        "root": {"level": "INFO" if verbose else "WARNING", "handlers": ["tally"]},
        "loggers": {
            "tally": {"level": "DEBUG" if verbose else "INFO"},
            ACCESS: {"level": "INFO" if access_log else "WARNING"},
            # uvicorn's own loggers come with handlers of their own; here they write through tally's.
            **{name: {"handlers": [], "propagate": True} for name in ("uvicorn", "uvicorn.error")},
            "uvicorn.access": {"handlers": [], "propagate": False},
        },
    }


def configure(fmt: str, verbose: bool, access_log: bool = False) -> None:
    """Applied once per process. Where logging is set up already (main() called inside a test run), that
    set-up stays, as before: only tally's levels are set."""
    if logging.getLogger().handlers:
        logging.getLogger("tally").setLevel(logging.DEBUG if verbose else logging.INFO)
        logging.getLogger(ACCESS).setLevel(logging.INFO if access_log else logging.WARNING)
        return
    logging.config.dictConfig(config(fmt, verbose, access_log))
