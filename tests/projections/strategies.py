"""Hypothesis strategies for metadata values and meter filters, rich in the awkward cases:
numeric strings, non-numeric strings, booleans and their spellings, missing keys."""

from __future__ import annotations

from hypothesis import strategies as st

from domain.meter_filter import OPERATORS, TEXT

KEYS = ["tokens", "plan"]

values = st.one_of(
    st.sampled_from(
        [
            "10",
            "10.0",
            "-3",
            ".5",
            "5.",
            "+2",
            "007",
            "x",
            "abc",
            "",
            "true",
            "false",
            "1e5",
            " 5",
            "pro",
            "free",
            "Pro",
            "é",
        ]
    ),
    st.integers(-20, 20),
    st.decimals(-20, 20, places=2),
    st.booleans(),
)
metadata = st.dictionaries(st.sampled_from(KEYS), values, max_size=2)


@st.composite
def conditions(draw: st.DrawFn) -> dict:
    operator = draw(st.sampled_from(OPERATORS))
    value = draw(st.sampled_from(["0", "x", "pro", "r", "", "1", "10"]) if operator in TEXT else values)
    return {"key": draw(st.sampled_from(KEYS)), "operator": operator, "value": value}


def filters(depth: int = 3) -> st.SearchStrategy[dict]:
    clause = conditions() if depth == 1 else st.one_of(conditions(), st.deferred(lambda: filters(depth - 1)))
    return st.fixed_dictionaries(
        {"conjunction": st.sampled_from(["and", "or"]), "clauses": st.lists(clause, min_size=1, max_size=3)}
    )
