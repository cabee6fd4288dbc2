"""Golden cases: a broken change to the mini course -> the exact problems an author reads.

Each tests/golden/*.yml holds `files` (path -> new text), optional `remove` (paths of files
or folders) and `expected` (the problem lines). Run with UPDATE_GOLDEN=1 to rewrite `expected` after a
deliberate change of wording, then review the diff.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from generator.course.load import load_valid_course
from generator.course.problems import ContentError
from tests.conftest import make_course

CASES = sorted((Path(__file__).parent / "golden").glob("*.yml"))


def apply_case(case: Path, root: Path) -> None:
    """Change the course under `root` as the case says: write its `files`, delete what it `remove`s."""
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    for rel, text in (spec.get("files") or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    for rel in spec.get("remove") or []:
        if (root / rel).is_dir():
            shutil.rmtree(root / rel)
        else:
            (root / rel).unlink()


def run_case(case: Path, tmp_path: Path) -> list[str]:
    root = make_course(tmp_path / "course")
    apply_case(case, root)
    try:
        load_valid_course(root)
    except ContentError as exc:
        return [str(p) for p in exc.problems]
    return []


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_golden(case: Path, tmp_path: Path) -> None:
    got = run_case(case, tmp_path)
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    if os.environ.get("UPDATE_GOLDEN"):
        text = case.read_text(encoding="utf-8").split("\nexpected:", 1)[0]
        lines = [yaml.safe_dump(g, width=1000, allow_unicode=True).strip().removesuffix("\n...") for g in got]
        listed = "\n" + "".join(f"  - {line}\n" for line in lines) if lines else " []\n"
        case.write_text(text + "\nexpected:" + listed, encoding="utf-8")
        return
    assert got == spec["expected"]


def test_mini_course_is_clean(tmp_path: Path) -> None:
    course = load_valid_course(make_course(tmp_path / "course"))
    assert [m.slug for m in course.modules] == ["01-basics"]
    assert sorted(course.quizzes) == ["01-basics", "01-basics-checks"]
