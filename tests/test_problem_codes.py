"""Every problem code the generator can report has a test asserting the exact line an author reads.

The codes are read from the source (every `problems.add(...)`, `YamlProblem(...)` and schema
`check(...)` call), so a new code without such a test fails here instead of shipping silently.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml

from tests.conftest import REPO

TESTS = Path(__file__).resolve().parent
# The called name -> the (0-based) places of its line and code arguments.
CALLS = {"add": (1, 2), "YamlProblem": (0, 1), "check": (None, 4)}
# Arguments that carry a code made elsewhere (by a YamlProblem, or the caller of `check`): no code of their own.
PASSED_ON = {"exc.code", "code"}
LINED = r"^[\w./-]+:(?:\d+|\{[^}]+\}): .+ \[{code}\]$"  # path:line: message [code]; `{line}` in an f-string
LINELESS = r"^[\w./-]+: .+ \[{code}\]$"  # path: message [code], for a missing file or folder


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):  # only `problems.add`, not a set's add
        return func.attr if func.attr != "add" or ast.unparse(func.value) == "problems" else ""
    return func.id if isinstance(func, ast.Name) else ""


def codes_in_source() -> dict[str, bool]:
    """Each problem code of generator/, and whether it is reported with a line somewhere."""
    found: dict[str, bool] = {}
    unreadable: list[str] = []
    for path in sorted((REPO / "generator").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or _call_name(node) not in CALLS:
                continue
            line_at, code_at = CALLS[_call_name(node)]
            if len(node.args) <= code_at:
                continue  # a call of the same name that reports nothing
            code = node.args[code_at]
            if isinstance(code, ast.Constant) and isinstance(code.value, str):
                line = node.args[line_at] if line_at is not None else None
                lined = not (isinstance(line, ast.Constant) and line.value is None)
                found[code.value] = found.get(code.value, False) or lined
            elif ast.unparse(code) not in PASSED_ON:
                unreadable.append(f"{path.relative_to(REPO).as_posix()}:{node.lineno}: {ast.unparse(code)}")
    assert not unreadable, f"write problem codes as string literals, so that they can be listed: {unreadable}"
    return found


def _text(node: ast.expr) -> str:
    """A string of a test as written: an f-string keeps its `{expression}` parts."""
    if isinstance(node, ast.Constant):
        return str(node.value)
    assert isinstance(node, ast.JoinedStr)
    return "".join(str(v.value) if isinstance(v, ast.Constant) else ast.unparse(v) for v in node.values)


def asserted_lines() -> list[str]:
    """Every problem line the tests expect: the golden cases' `expected` and the strings of the test files."""
    found: list[str] = []
    for case in sorted((TESTS / "golden").glob("*.yml")):
        found += yaml.safe_load(case.read_text(encoding="utf-8"))["expected"]
    for path in sorted(TESTS.glob("test_*.py")):
        if path.name != Path(__file__).name:
            tree = ast.parse(path.read_text(encoding="utf-8"))
            found += [_text(n) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr)
                      or (isinstance(n, ast.Constant) and isinstance(n.value, str))]
    return found


def test_the_source_walk_finds_the_codes() -> None:
    codes = codes_in_source()
    assert {"yaml.alias", "yaml.syntax", "frontmatter.invalid", "quiz.schema", "brand.schema", "quiz.no_correct",
            "file.encoding", "ref.broken_link"} <= {c for c, lined in codes.items() if lined}
    assert {"brand.missing", "file.too_large", "module.no_overview", "course.empty"} <= {
        c for c, lined in codes.items() if not lined}


def test_every_problem_code_has_a_test_asserting_its_exact_line() -> None:
    lines = asserted_lines()
    untested = []
    for code, lined in sorted(codes_in_source().items()):
        pattern = re.compile((LINED if lined else LINELESS).replace("{code}", re.escape(code)), re.S)
        if not any(pattern.match(line) for line in lines):
            untested.append(code)
    assert not untested, (
        "no test asserts the exact 'path:line: message [code]' (or 'path: message [code]' for a missing file) "
        f"an author reads for: {untested}; add a golden case (tests/golden/) or a test in test_files.py or "
        "test_brand.py")


def test_the_authoring_guide_lists_every_problem_code() -> None:
    for guide in ("authoring.md", "authoring.fr.md"):
        text = (REPO / "generator" / "guide" / guide).read_text(encoding="utf-8")
        missing = [code for code in sorted(codes_in_source())
                   if f"`{code}`" not in text and f"`{code.split('.')[0]}.*`" not in text]
        assert not missing, f"generator/guide/{guide}, 'Problem codes': add {missing}"
