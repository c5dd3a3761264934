"""`tally keys create --business NAME` registers the business: its name follows the text rule."""

import pytest

from domain.errors import Invalid
from interfaces.cli.main import main


@pytest.mark.parametrize("name", ["a\x00b", "a\nb", "", "x" * 201])
def test_a_business_name_no_read_model_could_show_is_refused_and_stores_nothing(tally, name):
    head = tally.store.head()
    with pytest.raises(Invalid) as raised:
        tally.businesses.create_key(name)
    assert raised.value.code == "invalid_business"
    assert tally.store.head() == head


def test_the_cli_says_why_and_exits_1(database_url, schema, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("TALLY_SCHEMA", schema)
    assert main(["keys", "create", "--business", "a\x01b"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "invalid_business" in captured.err
