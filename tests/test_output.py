"""Output as a host meets it: readable by another user, swapped in one step, locked, dated without git."""

from __future__ import annotations

import os
import re
import shutil
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator import output
from generator.build import build
from generator.cli.main import main


@pytest.fixture(autouse=True)
def _fixed_build_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """Builds here are dated by the variable, as a Makefile or CI would set it (no git lookups)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")


@contextmanager
def umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def modes(folder: Path) -> dict[str, set[int]]:
    """The permission bits found on the folders and on the files under `folder` (itself included)."""
    found: dict[str, set[int]] = {"dirs": {stat.S_IMODE(folder.stat().st_mode)}, "files": set()}
    for path in folder.rglob("*"):
        found["dirs" if path.is_dir() else "files"].add(stat.S_IMODE(path.stat().st_mode))
    return found


@pytest.mark.parametrize(("mask", "folder_mode", "file_mode"), [(0o022, 0o755, 0o644), (0o027, 0o750, 0o640)])
def test_every_output_gets_the_permissions_of_the_umask(course: Path, tmp_path: Path, mask: int,
                                                       folder_mode: int, file_mode: int) -> None:
    out = tmp_path / "out"
    with umask(mask):
        assert main(["--root", str(course), "build", "--site-dir", str(out / "site")]) == 0
        assert main(["--root", str(course), "export", "--format", "gift", "-o", str(out / "banks")]) == 0
        assert main(["--root", str(course), "scorm", "--lang", "en", "-o", str(out / "scorm" / "en.zip")]) == 0
        assert main(["--root", str(course), "pdf", "--lang", "fr", "--edition", "learner",
                     "-o", str(out / "pdf" / "fr.pdf")]) == 0
    for name in ("site", "banks", "scorm", "pdf"):
        assert modes(out / name) == {"dirs": {folder_mode}, "files": {file_mode}}, name


def test_a_reader_never_finds_the_site_missing_while_it_is_replaced(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    exchanged: list[bool] = []
    real_exchange = output._exchange

    def counted(a: Path, b: Path) -> bool:
        exchanged.append(real_exchange(a, b))
        return exchanged[-1]

    monkeypatch.setattr(output, "_exchange", counted)
    target = tmp_path / "site"
    target.mkdir()
    (target / "index.html").write_text("v0", encoding="utf-8")
    missing: list[int] = []
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            try:
                (target / "index.html").read_text(encoding="utf-8")
            except FileNotFoundError:
                missing.append(1)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for version in range(1, 200):
            built = output.staging_dir(target)
            (built / "index.html").write_text(f"v{version}", encoding="utf-8")
            output.publish_dir(built, target)
    finally:
        done.set()
        reader.join()
    assert (target / "index.html").read_text(encoding="utf-8") == "v199"
    assert exchanged == [True] * 199  # every swap was one exchange, not the two-rename fallback
    assert missing == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no staging or old copy left


def test_a_second_build_refuses_while_the_first_holds_the_lock(course: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    site = course / "site"
    assert main(["--root", str(course), "build"]) == 0
    before = (site / "en" / "index.html").stat().st_ino
    with output.output_lock(site):
        assert main(["--root", str(course), "build"]) == 1
    err = capsys.readouterr().err
    assert f"error: {site}: another build is writing it (pid {os.getpid()})" in err
    assert (site / "en" / "index.html").stat().st_ino == before
    assert main(["--root", str(course), "build"]) == 0  # the lock went with the first build


def test_copies_left_by_an_interrupted_build_are_cleared(course: Path) -> None:
    for stale in ("site.tmp-k2j3h4", "site.old-4242"):
        (course / stale / "en").mkdir(parents=True)
    (course / "site.tmp-other.txt").write_text("half a file", encoding="utf-8")
    build(course, course / "site")
    assert sorted(p.name for p in course.iterdir() if p.name.startswith("site")) == ["site"]


def test_an_old_copy_that_cannot_be_deleted_is_a_warning(course: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build(course, course / "site")
    real_rmtree = shutil.rmtree

    def stubborn(path: str | os.PathLike[str], *args: object, **kwargs: object) -> None:
        if ".tmp-" in os.fspath(path) and not kwargs.get("ignore_errors"):
            raise PermissionError(13, "Permission denied")
        real_rmtree(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(shutil, "rmtree", stubborn)
    said: list[str] = []
    build(course, course / "site", progress=said.append)
    assert any(line.startswith("warning: the new output is in place, but the old copy") for line in said), said
    assert (course / "site" / "en" / "index.html").is_file()


def test_the_fallback_without_an_exchange_still_replaces_the_site(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(output, "_exchange", lambda a, b: False)
    target = tmp_path / "site"
    for version in ("one", "two"):
        built = output.staging_dir(target)
        (built / "v").write_text(version, encoding="utf-8")
        output.publish_dir(built, target)
    assert (target / "v").read_text(encoding="utf-8") == "two"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


@pytest.mark.parametrize("value", ["", "  ", "soon", "-5", "1.5e9"])
def test_an_empty_or_invalid_source_date_epoch_never_raises(value: str, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "modules").mkdir()
    lesson = tmp_path / "modules" / "a.md"
    lesson.write_text("x", encoding="utf-8")
    os.utime(lesson, (1767225600, 1767225600))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    assert output.build_epoch(tmp_path) == 1767225600  # no git here: the newest source file


def test_the_build_date_prefers_source_date_epoch_then_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    if shutil.which("git") is None:
        pytest.skip("git is not installed: the fallback without it is tested above")
    (tmp_path / "modules").mkdir()
    lesson = tmp_path / "modules" / "a.md"
    lesson.write_text("x", encoding="utf-8")
    os.utime(lesson, (1767225600, 1767225600))
    dated = {"GIT_AUTHOR_DATE": "@1700000000 +0000", "GIT_COMMITTER_DATE": "@1700000000 +0000",
             "GIT_AUTHOR_NAME": "a", "GIT_AUTHOR_EMAIL": "a@example.org", "GIT_COMMITTER_NAME": "a",
             "GIT_COMMITTER_EMAIL": "a@example.org"}
    for argv in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "lesson"]):
        subprocess.run(["git", "-C", str(tmp_path), *argv], check=True, env={**os.environ, **dated})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    assert output.build_epoch(tmp_path) == 1600000000  # the variable first
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert output.build_epoch(tmp_path) == 1700000000  # then the last commit, not the file's date


def test_the_build_date_reaches_every_output_without_touching_the_environment(course: Path, tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty SOURCE_DATE_EPOCH (what an old Makefile exported) and no git: the newest source file dates the
    pages built in worker processes, the sitemap and the package's entries, and the command leaves its
    process's environment as it found it (MkDocs reads the variable too, and refuses an empty one)."""
    import zipfile

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "")
    newest = 1770681600  # 10 February 2026
    for path in (p for d in ("modules", "quizzes", "pages") for p in (course / d).rglob("*") if p.is_file()):
        os.utime(path, (newest, newest))
    assert main(["--root", str(course), "build", "--jobs", "2", "--site-dir", str(tmp_path / "site"),
                 "--site-url", "https://learn.example.org/course/"]) == 0
    assert main(["--root", str(course), "scorm", "--lang", "fr", "-o", str(tmp_path / "fr.zip")]) == 0
    # Only ours is checked: importing Material sets NO_MKDOCS_2_WARNING, which is not ours to undo.
    assert os.environ["SOURCE_DATE_EPOCH"] == ""
    for lang in ("en", "fr"):
        sitemap = (tmp_path / "site" / lang / "sitemap.xml").read_text(encoding="utf-8")
        dates = set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap))
        assert dates == {"2026-02-10"}, lang
    with zipfile.ZipFile(tmp_path / "fr.zip") as package:
        assert {info.date_time[:3] for info in package.infolist()} == {(2026, 2, 10)}
