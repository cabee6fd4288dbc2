"""Every broken input of the golden corpus, through the real command: a clear message with its file,
a non-zero exit, no traceback, and the previous site/ left exactly as it was."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import make_course
from tests.test_golden import CASES, apply_case

BROKEN = [c for c in CASES if yaml.safe_load(c.read_text(encoding="utf-8"))["expected"]]


@pytest.fixture(scope="module")
def built_course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_course(tmp_path_factory.mktemp("bad") / "course")
    subprocess.run([sys.executable, "-m", "generator", "build", "--lang", "en"], cwd=root, check=True,
                   capture_output=True, timeout=300)
    return root


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("case", BROKEN, ids=[c.stem for c in BROKEN])
def test_broken_input_is_refused_cleanly(case: Path, built_course: Path, tmp_path: Path) -> None:
    root = tmp_path / "course"
    shutil.copytree(built_course, root)
    before = snapshot(root / "site")
    apply_case(case, root)
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--lang", "en"], cwd=root,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    count = len(lines) - 1
    assert lines[-1] == f"{count} {'problem' if count == 1 else 'problems'} found; nothing was written."
    for line in lines[:-1]:
        assert re.match(r"^[\w./-]+(:\d+)?: .+ \[[a-z_.0-9]+\]$", line), line  # a folder has no suffix
    assert snapshot(root / "site") == before


YAML_MISTAKES = [
    # (text, the line to change, the start of what the author reads)
    ("questions:\n  - id: a\n    type: single\n   prompt: x\n", 4,
     "expected a list item or a key at this indentation, but this line is indented differently"),
    ("questions:\n  - id: a\n  kind: check\n", 3, "expected a list item ('- ') at this indentation, but found a key"),
    ("questions:\n  - id: a\n    type: x\n - id: b\n", 4, "expected a key at this indentation, but found a list item"),
    ("kind: check\n- id: a\n", 2, "expected a key at this indentation, but found a list item ('- ')"),
    ('title: "Goals\nkind: check\n', 1, "a quote opened on this line is never closed"),
    ("title: Goals\nkind\npass_mark: 80\n", 2, "expected a colon after the key on this line"),
    ('title: {en: "a", fr: "b"\nkind: check\n', 1, "the '{' opened on this line is never closed"),
    ('title: {en: "Goals?, fr: "Objectifs ?"}\n', 1, "expected ',' or '}' here, but found more text"),
    ("title: Goal: 20 bookings\n", 1, "a colon and a space (': ') inside a value"),
    ('title: "Goals" first\n', 1, "expected the end of the line after the closing quote or bracket"),
    ("title: @goals\n", 1, "a value cannot start with '@' in YAML"),
    ("kind: check\n---\nkind: module\n", 2, "expected one document, but found a second '---' line"),
    ("questions:\n\t- id: a\n", 2, "a tab character is used for indentation: YAML needs spaces"),
]


@pytest.mark.parametrize(("text", "line", "start"), YAML_MISTAKES, ids=[str(i) for i in range(len(YAML_MISTAKES))])
def test_yaml_mistakes_are_told_in_plain_words_at_the_line_to_change(text: str, line: int, start: str) -> None:
    from generator.course.yamlfile import YamlProblem, parse_yaml

    with pytest.raises(YamlProblem) as caught:
        parse_yaml(text)
    assert (caught.value.line, caught.value.code) == (line, "yaml.syntax")
    assert caught.value.message.startswith(f"YAML syntax error: {start}"), caught.value.message
    assert not re.search(r"<[a-z ]+>|while parsing|while scanning", caught.value.message)  # no parser jargon
