"""The one grammar of an amount a client writes, and the one bound on every number (domain/numbers.py)."""

from __future__ import annotations

import threading
from decimal import Decimal, getcontext
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.metadata import metadata_faults
from domain.numbers import MAX_MAGNITUDE, PRECISION, bound_faults, bounded, plain_decimal

D = Decimal
DIGITS = "0123456789"


def written_plainly(text: str) -> bool:
    """The grammar, said another way: an optional minus, digits, and at most one dot with digits on both sides."""
    whole, dot, fraction = text.removeprefix("-").partition(".")
    return (
        bool(whole)
        and all(c in DIGITS for c in whole)
        and (not dot or bool(fraction))
        and (all(c in DIGITS for c in fraction))
    )


def exactly(text: str) -> Fraction:
    whole, _, fraction = text.removeprefix("-").partition(".")
    size = Fraction(int(whole)) + (Fraction(int(fraction), 10 ** len(fraction)) if fraction else 0)
    return -size if text.startswith("-") else size


plain = st.from_regex(r"\A-?[0-9]{1,20}(\.[0-9]{1,15})?\Z")
# What Python's Decimal() also reads, or a near miss: each put somewhere into a plain amount.
LOOSE = [" ", "\t", "\n", "_", "e", "E", "e3", "+", "-", "+-", ".", ",", "\u0663", "\uff11", "\u00b2", "NaN", "Inf"]


@settings(max_examples=150)
@given(plain)
def test_a_plainly_written_amount_reads_as_exactly_the_number_it_writes(text):
    value = plain_decimal(text)
    assert value is not None and Fraction(value) == exactly(text)
    assert value.as_tuple().exponent == -len(text.partition(".")[2])  # "1.50" keeps its 2 places


@settings(max_examples=150)
@given(plain, st.sampled_from(LOOSE), st.integers(min_value=0))
def test_a_plain_amount_with_anything_else_put_into_it_is_refused(text, extra, at):
    at %= len(text) + 1
    loose = text[:at] + extra + text[at:]
    if not written_plainly(loose):  # "." inside digits that had none, or "-" before them, is still plain
        assert plain_decimal(loose) is None


@settings(max_examples=300)
@given(st.one_of(st.text(max_size=12), st.text(alphabet=DIGITS + ".+-_ eE\u0663", max_size=12)))
def test_any_text_reads_as_a_number_exactly_when_it_is_written_plainly(text):
    assert (plain_decimal(text) is not None) == written_plainly(text)


def test_the_spellings_decimal_reads_and_an_amount_is_never_written_in_are_refused():
    for text in [
        " 1 ",
        "1_000",
        "\u0663",
        "1e3",
        "+-1",
        "+1",
        "--1",
        "-",
        "NaN",
        "Infinity",
        "-Infinity",
        "sNaN",
        "1.",
        ".5",
    ]:
        assert plain_decimal(text) is None, text


def test_the_bound_takes_1e15_and_12_places_and_nothing_past_either():
    assert bounded(MAX_MAGNITUDE) and bounded(-MAX_MAGNITUDE) and bounded(D("0.000000000001"))
    assert not bounded(MAX_MAGNITUDE + D("0.000000000001")) and not bounded(D("0.0000000000001"))
    assert not bounded(D("1.0000000000000"))  # places as written: a 13th, even a zero, is past the bound
    assert [f.reason for f in bound_faults("x", D("1e16"))] == ["must be at most 1e15"]
    assert [f.reason for f in bound_faults("x", D("0"), positive=True)] == ["must be greater than 0"]
    assert [f.reason for f in bound_faults("x", D("1.005"), max_places=2)] == ["must have at most 2 decimal places"]
    assert [f.reason for f in bound_faults("x", D("NaN"))] == ["must be a finite number"]
    assert [f.reason for f in bound_faults("x", D("-0"))] == ["must not be negative"]


@given(
    st.one_of(
        st.integers(),
        st.decimals(allow_nan=False, allow_infinity=False),
        st.from_regex(r"\A[+-]?[0-9]{1,20}(\.[0-9]{0,15})?\Z"),
    )
)
def test_metadata_numbers_and_numeric_strings_are_accepted_exactly_within_the_bound(value):
    faults = metadata_faults({"v": value})
    number = D(value)
    assert (faults == []) == bounded(number), faults
    assert all(f.field == "metadata.v" for f in faults)


def test_every_thread_of_the_process_computes_at_the_one_precision():
    seen: list[int] = []
    thread = threading.Thread(target=lambda: seen.append(getcontext().prec))
    thread.start()
    thread.join()
    assert seen == [PRECISION] and getcontext().prec == PRECISION
