"""When `tally serve` restarts its worker and when it gives up, on a clock of the test's: a worker that
keeps dying is restarted for about a minute (docs/supervision.md), however fast it dies."""

import pytest

from interfaces.cli.supervisor import GIVE_UP_S, RestartPolicy


def run_until_given_up(policy: RestartPolicy, lives: float, limit: int = 1000) -> tuple[list[float], float]:
    """A child that dies `lives` seconds after each start: the pauses the policy asked for, and how long
    after the first death it gave up."""
    now, pauses, first_death = 0.0, [], None
    for _ in range(limit):
        started, now = now, now + lives
        first_death = now if first_death is None else first_death
        pause = policy.pause(started, now)
        if pause is None:
            return pauses, now - first_death
        pauses.append(pause)
        now += pause
    raise AssertionError("never gave up")


@pytest.mark.parametrize("lives", [0.05, 1.2, 10.0, 30.0])
def test_a_worker_that_keeps_dying_is_given_up_on_after_about_a_minute_however_fast_it_dies(lives):
    pauses, failing_for = run_until_given_up(RestartPolicy(), lives)

    assert GIVE_UP_S <= failing_for < GIVE_UP_S + lives + max(pauses)


def test_pauses_between_restarts_double_from_half_a_second_to_eight():
    pauses, _ = run_until_given_up(RestartPolicy(), lives=1.2)

    assert pauses[:6] == [0.5, 1, 2, 4, 8, 8]


def test_six_quick_deaths_are_not_enough_to_give_up():
    """The finding: serve gave up after 6 deaths in 8.2 s of a database that was gone."""
    policy, now = RestartPolicy(), 0.0
    for _ in range(6):
        pause = policy.pause(now, now + 1.2)
        assert pause is not None
        now += 1.2 + pause


def test_a_worker_that_ran_a_minute_before_dying_starts_afresh():
    policy = RestartPolicy()
    pauses, now = [], 0.0
    while now < 50:  # failing for 50 s
        pauses.append(policy.pause(now, now + 1))
        now += 1 + pauses[-1]

    assert policy.pause(now, now + GIVE_UP_S) == 0.5
    assert policy.deaths == 1


def test_give_up_after_zero_never_restarts():
    assert RestartPolicy(give_up_s=0).pause(0.0, 5.0) is None
