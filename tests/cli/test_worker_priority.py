"""`tally worker --nice N`: the worker lowers its own CPU priority before it starts, by 10 unless told."""

import pytest

from interfaces.cli import worker
from interfaces.cli.main import build_parser


class Started(Exception):
    pass


@pytest.fixture
def lowered(monkeypatch):
    calls = []
    monkeypatch.setattr(worker.os, "nice", calls.append)

    def open_tally(*_, **__):
        raise Started

    monkeypatch.setattr(worker, "open_tally", open_tally)
    return calls


@pytest.mark.parametrize(("argv", "expected"), [([], [10]), (["--nice", "3"], [3]), (["--nice", "0"], [])])
def test_the_worker_lowers_its_priority_before_it_opens_the_store(lowered, argv, expected):
    args = build_parser().parse_args(["worker", *argv])
    args.data_dir = None  # set by main from the shared options; the store is never opened here
    with pytest.raises(Started):
        worker.run(args)
    assert lowered == expected


@pytest.mark.parametrize("value", ["20", "-1", "x"])
def test_a_priority_outside_0_to_19_is_refused(value, capsys):
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args(["worker", "--nice", value])
    assert exit_.value.code == 2 and "--nice" in capsys.readouterr().err
