"""Only `tally serve` makes a new store: any other command pointed at a data dir that holds none says so and
leaves the folder as it was (a mistyped --data-dir must not look like a store that lost everything)."""

import pytest

from interfaces.cli.main import main


@pytest.mark.parametrize(
    "argv", [["keys", "list", "--business", "acme"], ["projections", "status"], ["backup", "out.tar"]]
)
def test_a_command_on_a_data_dir_without_a_store_says_so_and_creates_none(argv, tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "typo"
    assert main([*argv, "--data-dir", str(folder)]) == 2
    assert f"no tally store in {folder}" in capsys.readouterr().err
    assert not folder.exists()
