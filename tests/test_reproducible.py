"""Two builds of the same sources give byte-identical trees."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from generator.build import build


def tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    build(course, tmp_path / "one")
    os.utime(course / "modules" / "01-basics" / "02-smart.md")  # a touched file must not change the output
    build(course, tmp_path / "two")
    first, second = tree(tmp_path / "one"), tree(tmp_path / "two")
    assert len(first) > 20
    assert first == second
