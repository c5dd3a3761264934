"""What text every read model can store: no NUL, no other C0 control or DEL (tab, CR and newline only in
prose), no lone surrogate."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.text import line_faults, printable, text_fault

CONTROLS = [chr(c) for c in range(0x20)] + ["\x7f"]
PROSE_WHITESPACE = ["\t", "\n", "\r"]
SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff"]


@pytest.mark.parametrize("bad", CONTROLS + SURROGATES, ids=lambda c: f"U+{ord(c):04X}")
def test_a_line_of_text_refuses_every_control_character_and_lone_surrogate(bad):
    [fault] = text_fault("name", f"ab{bad}c")
    assert fault.field == "name" and f"U+{ord(bad):04X} at 2" in fault.reason


@pytest.mark.parametrize(
    "bad", [c for c in CONTROLS if c not in PROSE_WHITESPACE] + SURROGATES, ids=lambda c: f"U+{ord(c):04X}"
)
def test_prose_refuses_the_same_except_tab_carriage_return_and_newline(bad):
    assert text_fault("description", f"a{bad}", prose=True)


def test_prose_keeps_tabs_and_line_breaks():
    assert text_fault("description", "one\r\ntwo\tthree\n", prose=True) == []


def test_a_fault_names_a_lone_surrogate_as_such():
    assert "lone surrogate" in text_fault("name", "\ud800")[0].reason
    assert "control character" in text_fault("name", "\x00")[0].reason


def test_text_that_is_not_a_string_is_left_to_its_type_rule():
    assert text_fault("value", 3) == [] and text_fault("value", None) == []


def test_line_faults_name_each_field_and_carry_the_index():
    faults = line_faults({"customer_id": "c\x00", "name": "ok", "email": "e\x1b"}, index=4)
    assert [(f.field, f.index) for f in faults] == [("customer_id", 4), ("email", 4)]


ALLOWED = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters=[*CONTROLS]))


@given(ALLOWED)
def test_any_text_without_controls_or_surrogates_passes_both_rules(text):
    assert text_fault("f", text) == [] and text_fault("f", text, prose=True) == []


@given(ALLOWED, st.sampled_from(CONTROLS + SURROGATES), ALLOWED)
def test_one_forbidden_character_anywhere_is_a_fault(before, bad, after):
    assert text_fault("f", before + bad + after)


@given(st.text())
def test_printable_text_passes_the_line_rule_and_can_be_encoded(text):
    shown = printable(text)
    assert text_fault("f", shown) == []
    shown.encode("utf-8")
