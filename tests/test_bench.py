"""The benchmark's parts (bench/): the synthetic course, the derived pages, the gzip server, page weight.

Timings are never asserted here; `make bench` measures them. These tests keep the yardsticks honest:
a synthetic course the real pipeline accepts, baselines that really lack our HTML, a server that
really compresses.
"""

from __future__ import annotations

import gzip
import re
import shutil
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from bench import synthetic, variants, weight
from bench.gzip_server import serving
from generator.course.load import load_valid_course


def test_synthetic_course_has_the_promised_shape_and_passes_validation(tmp_path: Path) -> None:
    shape = synthetic.write_course(tmp_path / "course", 12)
    course = load_valid_course(tmp_path / "course")
    assert [len(m.lessons) for m in course.modules] == [10, 2]
    assert shape.questions == sum(len(q.questions) for q in course.quizzes.values()) == 5 * (12 + 2)
    lesson = course.modules[1].lessons[0]
    for lang in ("en", "fr"):
        words = len(lesson.sources[lang].body.split())
        assert 550 <= words <= 700, (lang, words)
    assert all(q.type in ("single", "multiple", "true_false") for quiz in course.quizzes.values()
               for q in quiz.questions)


def test_same_seed_gives_the_same_course(tmp_path: Path) -> None:
    synthetic.write_course(tmp_path / "a", 3)
    synthetic.write_course(tmp_path / "b", 3)
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.yml"))
    assert files and all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files)


def test_baseline_pages_lose_our_html_and_keep_the_lesson(tmp_path: Path) -> None:
    synthetic.write_course(tmp_path / "course", 2)
    captured = variants.capture(tmp_path / "course", tmp_path / "captured")
    assert sorted(captured) == ["en", "fr"]
    course = load_valid_course(tmp_path / "course")
    lesson = "00-module-000/01-lesson-0001.md"
    ours = (captured["en"].docs / lesson).read_text(encoding="utf-8")
    lines = ours.split("\n")
    blocks = [captured["en"].expand("\n".join(lines[a:b])) for a, b in variants.html_blocks(ours)]
    assert [b for b in blocks if b.startswith('<div class="cq-quiz"')]  # inline, or in a slot filled after MkDocs
    variants.baseline(captured["en"], tmp_path / "base")
    plain = (tmp_path / "base" / "docs" / lesson).read_text(encoding="utf-8")
    assert "<div" not in plain and "<script" not in plain
    assert plain.split("## ")[1] == ours.split("## ")[1]  # the lesson's own text is untouched
    variants.with_mkdocs_quiz(captured["en"], course, tmp_path / "quiz")
    theirs = (tmp_path / "quiz" / "docs" / lesson).read_text(encoding="utf-8")
    assert theirs.count("<quiz>") == 5 and "<div" not in theirs
    right = [line for line in theirs.splitlines() if line.startswith("- [x] ")]
    assert len(right) == 6  # one right answer in each single and true/false question, two in the multiple


def test_gzip_server_compresses_text_for_clients_that_ask(tmp_path: Path) -> None:
    (tmp_path / "page").mkdir()
    html = "<!doctype html><title>t</title>" + "<p>repeated text</p>" * 200
    (tmp_path / "page" / "index.html").write_text(html, encoding="utf-8")
    with serving(tmp_path) as base:
        request = urllib.request.Request(f"{base}/page/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert gzip.decompress(response.read()).decode() == html
        with urllib.request.urlopen(f"{base}/page/index.html") as response:
            assert response.headers["Content-Encoding"] is None
            assert response.read().decode() == html


def test_quiz_page_loads_our_files_and_no_material_bundle_counts_as_ours(built_mini: Path) -> None:
    page = built_mini / "en" / "01-basics" / "quiz" / "index.html"
    assets = weight.own_assets(built_mini / "en", page)
    assert {"assets/cq/quiz.js", "assets/cq/quiz.css"} <= set(assets)
    assert not [name for name in assets if name.startswith(weight.MATERIAL)]
    assert all(0 < size < (built_mini / "en" / name).stat().st_size for name, size in assets.items())


def test_replicated_course_renames_every_reference_and_passes_validation(tmp_path: Path) -> None:
    from bench.replicated import lessons_in, write_replicated
    from bench.suite import REPO, copy_course

    source = copy_course(REPO, tmp_path / "source")
    made = write_replicated(tmp_path / "course", source, lessons=lessons_in(source) + 1)
    assert made == 2 * lessons_in(source)
    course = load_valid_course(tmp_path / "course")  # raises, listing every problem, on a dangling reference
    modules = [m.slug for m in course.modules]
    assert len(modules) == 2 * len({p.name for p in (source / "modules").iterdir()})
    first, copied = course.modules[0], course.modules[len(modules) // 2]
    assert copied.slug == f"{len(modules) // 2 + 1:02d}-{first.slug.split('-', 1)[1]}"
    assert copied.quiz_id == first.quiz_id.replace(first.slug, copied.slug)
    embedded = [q.lesson for quiz in course.quizzes.values() for q in quiz.questions if q.lesson]
    assert any(lesson.startswith(copied.slug + "/") for lesson in embedded)


@pytest.mark.browser
def test_a_phone_first_visit_is_throttled_and_reported_with_and_without_gzip(built_mini: Path, tmp_path: Path,
                                                                          monkeypatch: Any, browser: Any) -> None:
    from bench import phone
    from bench.report import Report, refresh_rows
    from bench.suite import phone_pages

    with phone.chromium(browser) as chrome, serving(built_mini) as base:  # the worker's browser: one per thread
        seen = phone.visit(chrome, f"{base}/en/")
    # Throttled: the page, then its styles and scripts, are at least two 400 ms round trips before load.
    assert seen.load_s >= 2 * phone.RTT_MS / 1000
    assert 0 < seen.first_paint_s <= seen.load_s and seen.first_contentful_paint_s > 0 and seen.files > 3

    pages = phone_pages(load_valid_course(built_mini.parent))
    assert pages == {"home page, en": "en/", "lesson page, en": "en/01-basics/01-goal-first/",
                     "home page, fr": "fr/", "lesson page, fr": "fr/01-basics/01-goal-first/"}
    monkeypatch.setattr(phone, "KBPS", 100_000)  # the rows' shape and bytes, not the timings: a fast network
    monkeypatch.setattr(phone, "RTT_MS", 5)
    report = Report()
    phone.first_visits(built_mini, {k: v for k, v in pages.items() if k.endswith("en")}, report, lambda _: None,
                       runs=1, browser=browser)
    kilobytes: dict[str, int] = {}
    for row in report.rows:
        found = re.search(r"first paint [\d.]+ s, first contentful paint [\d.]+ s, load [\d.]+ s, (\d+) KB in "
                          r"\d+ files before load", row.value)
        assert found, row.value
        kilobytes[row.measure.split("cold cache, ")[1].split(" (")[0]] = int(found.group(1))
        # The goals stand beside the gzip figures only.
        assert (row.target == "first paint <= 2.5 s, <= 300 KB") == (", gzip (" in row.measure)
        assert (row.met is not None) == (", gzip (" in row.measure)
    assert sorted(kilobytes) == ["home page, en, gzip", "home page, en, no gzip",
                                 "lesson page, en, gzip", "lesson page, en, no gzip"]
    for page in ("home page, en", "lesson page, en"):
        assert 0 < kilobytes[f"{page}, gzip"] < kilobytes[f"{page}, no gzip"] / 2  # text compresses well

    # A --phone-only run replaces its own rows of bench/results.md and keeps every other line.
    results = tmp_path / "results.md"
    shutil.copy(Path(__file__).resolve().parent.parent / "bench" / "results.md", results)
    before = results.read_text(encoding="utf-8").splitlines()
    for _ in range(2):
        refresh_rows(results, report, "first visit,", "`bench/run.py --phone-only`: measured again")
    after = results.read_text(encoding="utf-8").splitlines()
    assert len([line for line in after if line.startswith("| first visit,")]) == len(report.rows)
    refreshed = ("| first visit,", "- `bench/run.py --phone-only`")
    assert [line for line in before if not line.startswith(refreshed)] == [
        line for line in after if not line.startswith(refreshed)]
    assert after.count("- `bench/run.py --phone-only`: measured again") == 1
