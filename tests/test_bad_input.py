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
    assert lines[-1].endswith("problem(s) found; nothing was written.")
    for line in lines[:-1]:
        assert re.match(r"^[\w./-]+(:\d+)?: .+ \[[a-z_.0-9]+\]$", line), line  # a folder has no suffix
    assert snapshot(root / "site") == before
