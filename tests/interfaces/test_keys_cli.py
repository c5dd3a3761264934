"""`tally keys list` and `tally keys revoke`: what an operator sees, and never a secret."""

import pytest

from application.businesses import hash_key
from domain.errors import Unauthorized


def test_keys_list_shows_each_key_id_and_creation_time_and_no_secret(cli):
    _, first, _ = cli("keys", "create", "--business", "acme")
    _, second, _ = cli("keys", "create", "--business", "acme")
    code, out, _ = cli("keys", "list", "--business", "acme")
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["KEY_ID", "CREATED", "REVOKED"] and len(lines) == 3
    assert all(line.startswith("key_") and line.split()[2] == "-" for line in lines[1:])
    for key in (first.strip(), second.strip()):
        # The secret is everything after `tally_<business>_`; token_urlsafe may put "_" inside it or at its end.
        secret = key.split("_", 2)[2]
        assert key not in out and hash_key(key) not in out and secret[-6:] not in out


def test_keys_revoke_marks_the_key_revoked_and_it_is_refused(cli, tally):
    _, key, _ = cli("keys", "create", "--business", "acme")
    _, out, _ = cli("keys", "list", "--business", "acme")
    key_id = out.splitlines()[1].split()[0]
    code, said, _ = cli("keys", "revoke", key_id)
    assert code == 0 and said.startswith(f"revoked {key_id}") and "within 5 s" in said
    _, out, _ = cli("keys", "list", "--business", "acme")
    assert out.splitlines()[1].split()[2].endswith("Z")
    with pytest.raises(Unauthorized):
        tally.businesses.authenticate(key.strip())


def test_an_unknown_key_id_or_business_is_an_error_exit(cli):
    cli("keys", "create", "--business", "acme")
    code, _, err = cli("keys", "revoke", "key_00000000000000000000000000000000_000000000000")
    assert code == 1 and "api_key_not_found" in err
    code, _, err = cli("keys", "list", "--business", "nobody")
    assert code == 1 and "business_not_found" in err
