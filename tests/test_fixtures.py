"""Every fixture name is defined once under tests/: a second definition would shadow the
first for some tests and not others, and which one a test gets would depend on where it lives."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

TESTS = Path(__file__).parent


def fixture_names(source: str) -> list[str]:
    """The names the fixtures in this source are requested by (`name=` wins over the function's)."""
    names = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for decorator in node.decorator_list:
            call = decorator if isinstance(decorator, ast.Call) else None
            target = call.func if call else decorator
            if (target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", None)) != "fixture":
                continue
            named = [
                k.value.value
                for k in (call.keywords if call else [])
                if k.arg == "name" and isinstance(k.value, ast.Constant)
            ]
            names.append(named[0] if named else node.name)
    return names


def defined_more_than_once(sources: dict[str, str]) -> dict[str, list[str]]:
    places = defaultdict(list)
    for where, source in sources.items():
        for name in fixture_names(source):
            places[name].append(where)
    return {name: wheres for name, wheres in places.items() if len(wheres) > 1}


def test_no_fixture_name_is_defined_in_more_than_one_place_under_tests():
    sources = {str(p.relative_to(TESTS)): p.read_text() for p in sorted(TESTS.rglob("*.py"))}
    assert defined_more_than_once(sources) == {}


def test_the_check_finds_a_fixture_shadowed_in_another_module_by_name_or_by_function():
    sources = {
        "conftest.py": "import pytest\n@pytest.fixture\ndef customer(): ...\n",
        "a/test_a.py": "import pytest\n@pytest.fixture(scope='module')\ndef customer(): ...\n",
        "b/test_b.py": "from pytest import fixture\n@fixture(name='customer')\ndef other(): ...\n",
        "c/test_c.py": "def customer(): ...\n",
    }
    assert defined_more_than_once(sources) == {"customer": ["conftest.py", "a/test_a.py", "b/test_b.py"]}
