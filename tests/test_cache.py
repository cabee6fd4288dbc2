"""The validated-course cache: a second load skips the work, and no change can get a stale course."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.course import cache, loader
from generator.course.load import load_valid_course
from generator.course.problems import ContentError


def test_a_second_load_comes_from_the_cache(course: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_valid_course(course)
    monkeypatch.setattr(loader, "load_course", lambda *a: pytest.fail("loaded again instead of from the cache"))
    again = load_valid_course(course)
    assert again == first and again is not first


def test_any_change_of_content_is_seen_even_with_the_same_date_and_size(course: Path) -> None:
    load_valid_course(course)
    lesson = next((course / "modules").glob("*/01-*.md"))
    before = lesson.stat()
    text = lesson.read_text(encoding="utf-8")
    changed = text.replace("bakery", "garage", 1)  # same length: same size, and the date is put back
    lesson.write_text(changed, encoding="utf-8")
    os.utime(lesson, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert lesson.stat().st_size == before.st_size and lesson.stat().st_mtime_ns == before.st_mtime_ns
    page = load_valid_course(course).page_by_slug()["01-basics/01-goal-first"]
    assert "garage" in page.sources["en"].body


def test_a_broken_course_is_never_cached_and_always_reported(course: Path) -> None:
    quiz = course / "quizzes" / "01-basics.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("pass_mark: 75", "pass_mark: 75\npass_mark: 80"),
                    encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ContentError):
            load_valid_course(course)
    assert cache.load(cache.course_key(course)) is None


def test_a_new_file_or_a_renamed_one_changes_the_key(course: Path) -> None:
    key = cache.course_key(course)
    extra = course / "pages" / "notes.txt"
    extra.write_text("x", encoding="utf-8")
    assert cache.course_key(course) != key
    extra.rename(course / "pages" / "other.txt")
    renamed = cache.course_key(course)
    assert renamed != key
    declared = course / "course.yml"  # other languages, other course
    declared.write_text(declared.read_text(encoding="utf-8").replace("name: Français", "name: French"),
                        encoding="utf-8")
    assert cache.course_key(course) != renamed
    catalogue = course / "theme" / "strings" / "fr.yml"  # a reworded interface string, too
    before = cache.course_key(course)
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace("Réessayer", "Essayer encore"),
                         encoding="utf-8")
    assert cache.course_key(course) != before


def test_an_unwritable_or_corrupt_cache_only_means_no_cache(course: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("COURSEGEN_CACHE_DIR", str(blocker))
    assert load_valid_course(course).modules  # nothing could be stored, and nothing failed
    monkeypatch.setenv("COURSEGEN_CACHE_DIR", str(tmp_path / "cache"))
    load_valid_course(course)
    for stored in (tmp_path / "cache").glob("course-*.pickle"):
        stored.write_bytes(b"not a pickle")
    assert load_valid_course(course).modules
