"""Guessing keys is limited per client address: wrong API keys and failed dashboard sign-ins take from one
bucket, then answer 429 with Retry-After without the key being checked; a key that works is never limited,
and one that has worked from an address keeps working there while a guesser shares it."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st
from litestar.testing import TestClient

from application.tally import Tally
from domain.errors import Unauthorized
from interfaces.http.key_guessing import KeyGuessing, TooManyWrongKeys

RIGHT = "tally_right"
BUSINESS = uuid.uuid4()


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Keys:
    """Stands for `Businesses.authenticate`: one right key; counts the keys it was asked to check."""

    def __init__(self) -> None:
        self.checked = 0

    def __call__(self, key: str) -> uuid.UUID:
        self.checked += 1
        if key != RIGHT:
            raise Unauthorized("the API key is not valid")
        return BUSINESS


def guess(limit: KeyGuessing, keys: Keys, address: str = "10.0.0.1", key: str = "tally_wrong") -> int:
    """The status the guess would answer."""
    try:
        limit.authenticate(address, key, keys)
    except Unauthorized:
        return 401
    except TooManyWrongKeys:
        return 429
    return 200


def test_after_the_burst_of_wrong_keys_a_key_is_not_checked_and_the_answer_says_when_to_retry() -> None:
    clock, keys = Clock(), Keys()
    limit = KeyGuessing(burst=5, period_s=10, clock=clock)
    assert [guess(limit, keys) for _ in range(8)] == [401] * 5 + [429] * 3
    assert keys.checked == 5, "a blocked address's keys are not even looked at"
    with pytest.raises(TooManyWrongKeys) as refused:
        limit.authenticate("10.0.0.1", RIGHT, keys)
    assert refused.value.retry_after_s == 2 and refused.value.headers == {"Retry-After": "2"}
    assert keys.checked == 5, "a right guess during the block is refused like a wrong one: it cannot tell itself apart"
    clock.now += 2
    assert guess(limit, keys, key=RIGHT) == 200
    assert guess(limit, keys, address="10.0.0.2") == 401, "another address has its own bucket"


def test_a_key_that_worked_from_an_address_keeps_working_there_while_a_guesser_shares_the_address() -> None:
    clock, keys = Clock(), Keys()
    limit = KeyGuessing(burst=3, period_s=60, clock=clock)
    assert guess(limit, keys, key=RIGHT) == 200
    assert [guess(limit, keys) for _ in range(300)].count(429) == 297
    assert [guess(limit, keys, key=RIGHT) for _ in range(100)] == [200] * 100
    assert [guess(limit, keys) for _ in range(3)] == [429] * 3, "and successes give the guesser nothing back"


def test_buckets_are_bounded_the_least_recently_seen_address_forgotten_first() -> None:
    clock, keys = Clock(), Keys()
    limit = KeyGuessing(burst=1, period_s=60, clock=clock, max_addresses=100)
    for n in range(1000):
        guess(limit, keys, address=f"10.0.{n // 256}.{n % 256}")
        guess(limit, keys, address="10.9.9.9")
    assert len(limit.buckets) == 100
    assert guess(limit, keys, address="10.9.9.9") == 429, "an address in use stays remembered"


@given(st.lists(st.tuples(st.floats(min_value=0, max_value=30), st.booleans()), max_size=200))
def test_wrong_keys_checked_never_exceed_the_burst_plus_the_refill_over_the_time_passed(
    schedule: list[tuple[float, bool]],
) -> None:
    clock, keys = Clock(), Keys()
    limit = KeyGuessing(burst=10, period_s=20, clock=clock)
    start, wrong_checked = clock.now, 0
    for wait_s, right in schedule:
        clock.now += wait_s
        before = keys.checked
        status = guess(limit, keys, key=RIGHT if right else "tally_wrong")
        wrong_checked += status == 401 and keys.checked > before
        assert wrong_checked <= 10 + (clock.now - start) * 10 / 20
        assert not (right and status == 401)


@pytest.mark.parametrize("setting", ["30", "0/60", "30/0", "x/60", "30/-1"])
def test_a_malformed_failure_limit_setting_is_refused_at_start(setting: str) -> None:
    with pytest.raises(ValueError, match="TALLY_KEY_FAILURES"):
        KeyGuessing.from_env({"TALLY_KEY_FAILURES": setting})


def test_the_limit_is_30_wrong_keys_then_one_every_2_s_unless_set() -> None:
    default, tighter = KeyGuessing.from_env({}), KeyGuessing.from_env({"TALLY_KEY_FAILURES": "5/60"})
    assert (default.burst, default.per_s, tighter.burst, tighter.per_s) == (30, 0.5, 5, 5 / 60)


def test_300_wrong_keys_in_a_burst_meet_429_problems_and_the_clients_own_key_still_works(
    client: TestClient, auth: dict[str, str], tally: Tally
) -> None:
    client.app.state.key_guessing = KeyGuessing(clock=Clock())  # the default figures, on a clock that stands still
    assert client.get("/meters", headers=auth).status_code == 200
    answers = [client.get("/meters", headers={"Authorization": f"Bearer tally_wrong_{n}"}) for n in range(300)]
    assert [a.status_code for a in answers] == [401] * 30 + [429] * 270
    refused = answers[-1]
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["code"] == "too_many_requests" and int(refused.headers["Retry-After"]) >= 1
    assert client.get("/meters", headers=auth).status_code == 200, "the key that worked from here is not locked out"
    other = {"Authorization": f"Bearer {tally.businesses.create_key('not-yet-seen')}"}
    assert client.get("/meters", headers=other).status_code == 429, "a key new to the address waits like a guess"
    assert client.get("/health", headers={"Authorization": "Bearer tally_wrong"}).status_code == 429
    assert client.get("/meters").status_code == 401, "no key is no guess"


def test_failed_dashboard_sign_ins_share_the_limit_and_answer_the_form_with_retry_after(
    client: TestClient, key: str, tally: Tally
) -> None:
    clock = Clock()
    client.app.state.key_guessing = KeyGuessing(burst=3, period_s=30, clock=clock)
    signed_in = TestClient(client.app)
    assert signed_in.post("/dashboard/sign-in", data={"api_key": key}, follow_redirects=False).status_code == 303
    wrong = [client.post("/dashboard/sign-in", data={"api_key": f"tally_wrong_{n}"}) for n in range(3)]
    assert [a.status_code for a in wrong] == [401] * 3
    newcomer = tally.businesses.create_key("newcomer")
    refused = client.post("/dashboard/sign-in", data={"api_key": newcomer})
    assert refused.status_code == 429 and refused.headers["Retry-After"] == "10"
    assert "Too many wrong keys from your address. Try again in 10 s." in refused.text
    assert client.get("/meters", headers={"Authorization": "Bearer tally_wrong"}).status_code == 429
    assert "Overview" in signed_in.get("/dashboard").text, "a signed-in session is not a guess: never limited"
    clock.now += 10
    assert client.post("/dashboard/sign-in", data={"api_key": newcomer}, follow_redirects=False).status_code == 303
