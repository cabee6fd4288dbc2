"""A right-to-left course (tests/data/arabic: Arabic first, then French), with coursegen's Arabic interface
strings (theme/strings/ar.yml): pages and PDFs laid out right to left, the quiz mirrored,
axe clean, every output built."""

from __future__ import annotations

import contextlib
import io
import zipfile
from pathlib import Path
from typing import Any

import pypdf
import pytest

from generator.course.load import load_valid_course
from generator.render.print_html import render_print_html
from tests.conftest import REPO, build_every_output, pdf_text, soup
from tests.test_a11y import axe_violations
from tests.test_search import search

QUIZ = "/ar/01-basics/quiz/"


OUTPUT: dict[Path, str] = {}  # what building each course printed


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        root = build_every_output(REPO / "tests" / "data" / "arabic", tmp_path_factory.mktemp("arabic") / "course")
    OUTPUT[root] = printed.getvalue()
    return root


def test_a_build_names_the_unreviewed_catalogue_once(built: Path) -> None:
    """ar.yml says `reviewed: false`, fr.yml `reviewed: true`: one notice, naming Arabic only."""
    notices = [line for line in OUTPUT[built].splitlines() if "reviewed" in line]
    assert notices == ["notice: the interface texts in العربية have not been reviewed by a native speaker yet "
                       "(reviewed: false in their catalogue): a native speaker's corrections go into a copy in the "
                       "course's theme/strings/, with reviewed: true"]



def test_arabic_pages_are_right_to_left_and_french_ones_left_to_right(built: Path) -> None:
    for lang, direction in (("ar", "rtl"), ("fr", "ltr")):
        page = soup(built / "site" / lang / "01-basics" / "quiz" / "index.html")
        assert page.html is not None and page.html["lang"] == lang
        assert page.body is not None and page.body["dir"] == direction
    chooser = soup(built / "site" / "index.html")
    assert chooser.html is not None and (chooser.html["lang"], chooser.html["dir"]) == ("ar", "rtl")
    assert [(a["lang"], a["dir"]) for a in chooser.select("a[hreflang]")] == [("ar", "rtl"), ("fr", "ltr")]
    switcher = soup(built / "site" / "fr" / "index.html").select(".md-select__link")
    assert [(a["lang"], a["dir"], a.get_text(strip=True)) for a in switcher] == [
        ("ar", "rtl", "العربية"), ("fr", "ltr", "Français")]


def test_every_output_is_built_and_the_arabic_ones_are_arabic(built: Path) -> None:
    assert sorted(p.name for p in (built / "site" / "downloads").iterdir()) == [
        "course-ar-learner.pdf", "course-ar-offline.zip", "course-fr-learner.pdf", "course-fr-offline.zip"]
    with zipfile.ZipFile(built / "scorm" / "course-ar.zip") as package:
        page = next(n for n in package.namelist() if n.endswith("quiz.html"))
        html = package.read(page).decode()
        launch = package.read("sco/01-basics.html").decode()
    assert '<html lang="ar" dir="rtl">' in launch
    assert 'dir="rtl"' in html and "تحقّق من إجابتي" in html  # ar.yml's "check my answer"
    gift = (built / "banks" / "gift" / "ar" / "01-basics.gift").read_text(encoding="utf-8")
    assert "كتب عميل تقييمًا إيجابيًا" in gift
    assert (built / "banks" / "moodle-xml" / "ar" / "all-quizzes.xml").is_file()


def test_the_arabic_workbook_is_laid_out_right_to_left(built: Path) -> None:
    course = load_valid_course(built)
    import datetime as dt

    html = render_print_html(course, "ar", "learner", dt.date(2026, 11, 30))
    assert '<html lang="ar" dir="rtl">' in html
    reader = pypdf.PdfReader(built / "site" / "downloads" / "course-ar-learner.pdf")
    text = "\n".join(pdf_text(page) for page in reader.pages)
    assert "الأساسيات" in text  # the module's title, drawn with a font that has Arabic
    assert "30 نوفمبر 2026" in html and "November" not in text  # the date, by CLDR's Arabic long pattern
    # The module's title starts right of the page's middle in Arabic, left of it in French.
    width = float(reader.pages[0].mediabox.width)
    assert starts_at(reader, "الأساسيات") > width / 2
    french = pypdf.PdfReader(built / "site" / "downloads" / "course-fr-learner.pdf")
    assert starts_at(french, "Les bases") < width / 2


def starts_at(reader: pypdf.PdfReader, heading: str) -> float:
    """Where the first line that is exactly `heading` starts, left to right, in points."""
    found: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip() == heading:
            found.append(tm[4] * cm[0] + cm[4])

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
        if found:
            return found[0]
    raise AssertionError(f"{heading!r} is not a line of the PDF")


@pytest.mark.browser
def test_the_arabic_quiz_works_mirrored(page: Any, built: Path, serve: Any) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(serve(built / "site") + QUIZ)
    page.check("#cq-01-basics-single-1-a")
    page.click("#cq-01-basics-single-1 .cq-check")
    assert page.locator("#cq-01-basics-single-1 .cq-result").inner_text() == "ليس تمامًا."  # ar.yml
    # Right to left, a choice's radio button comes first, so on the right of its text.
    radio = page.locator("#cq-01-basics-single-1-b").bounding_box()
    label = page.locator("label[for=cq-01-basics-single-1-b]").bounding_box()
    assert radio is not None and label is not None
    assert radio["x"] > label["x"], (radio, label)
    question = page.locator("#cq-01-basics-single-1").bounding_box()
    assert question is not None and radio["x"] + radio["width"] > question["x"] + question["width"] * 0.75
    assert page.errors == []


@pytest.mark.browser
def test_arabic_pages_pass_axe(page: Any, built: Path, serve: Any) -> None:
    base = serve(built / "site")
    for path in ("/", "/ar/", "/ar/01-basics/", "/ar/01-basics/01-positive-review/", QUIZ, "/ar/progress/",
                 "/ar/certificate/"):
        page.goto(base + path)
        assert axe_violations(page) == [], path
    page.goto(base + QUIZ)
    page.check("#cq-01-basics-single-1-b")
    page.click("#cq-01-basics-single-1 .cq-check")
    assert axe_violations(page) == [], "the quiz with feedback shown"


@pytest.mark.browser
def test_arabic_search_finds_words_with_or_without_their_short_vowels(page: Any, built: Path, serve: Any) -> None:
    page.goto(serve(built / "site") + "/ar/")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    found = {query: search(page, query)[1] for query in ("تقييمًا", "تقييما", "العملاء")}
    assert found["تقييمًا"] == found["تقييما"] != []  # the tanwin is a mark: folded like an accent
    assert any("01-positive-review" in link for link in found["تقييما"]), found
    assert found["العملاء"] != []
    assert page.errors == []


@pytest.mark.browser
def test_arabic_counts_follow_the_rules_python_used(page: Any, built: Path, serve: Any) -> None:
    """The built page carries Babel's Arabic plural rules and number marks: its script counts and writes
    numbers as the generator did for the same page (and for the PDF)."""
    from generator.course import cldr

    overview = soup(built / "site" / "ar" / "01-basics" / "index.html").get_text(" ")
    assert "(4 أسئلة)" in overview  # the quiz's four questions: Arabic `few`, written by Python
    page.goto(serve(built / "site") + QUIZ)
    counts = list(range(0, 250))
    got = page.evaluate("counts => counts.map(cq.plural)", counts)
    assert got == [cldr.plural_category("ar", n) for n in counts]
    assert set(got) == {"zero", "one", "two", "few", "many", "other"}
    assert page.evaluate("[cq.num(1234.5), cq.pct(87.5)]") == ["1,234.5", "87.5\u200e%\u200e"]  # CLDR ar: Latin digits
    assert page.locator(".cq-score").inner_text() == "الأسئلة التي تم التحقّق منها: 0 من 4."
    assert page.errors == []
