"""A course in English, French and German (tests/data/three): every output builds in the three
languages, German pages speak German (our strings from theme/strings/de.yml, Material's own), and
German search forgives "ss" for "ß" and missing umlauts."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pypdf
import pytest

from tests.conftest import REPO, build_every_output, pdf_text, soup
from tests.test_search import search

LANGS = ("en", "fr", "de")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_every_output(REPO / "tests" / "data" / "three", tmp_path_factory.mktemp("three") / "course")



def test_every_output_is_built_in_each_language(built: Path) -> None:
    site = built / "site"
    assert sorted(p.name for p in site.iterdir()) == ["de", "downloads", "en", "fr", "index.html"]
    assert not list(site.rglob("*.yml")), "the catalogues are written into pages and scripts, not published"
    assert sorted(p.name for p in (site / "downloads").iterdir()) == sorted(
        f"course-{lang}-{kind}" for lang in LANGS for kind in ("learner.pdf", "offline.zip"))
    assert sorted(p.name for p in (built / "trainer").iterdir()) == [f"course-{lang}-trainer.pdf" for lang in
                                                                     sorted(LANGS)]
    for lang in LANGS:
        assert (built / "banks" / "gift" / lang / "all-quizzes.gift").is_file()
        assert (built / "banks" / "moodle-xml" / lang / "all-quizzes.xml").is_file()
        with zipfile.ZipFile(built / "scorm" / f"course-{lang}.zip") as package:
            assert "imsmanifest.xml" in package.namelist()
    chooser = soup(site / "index.html")
    assert [(a["hreflang"], a.get_text()) for a in chooser.select("a[hreflang]")] == [
        ("en", "English: Three-language course"), ("fr", "Français\u00a0: Cours en trois langues"),
        ("de", "Deutsch: Kurs in drei Sprachen")]


def test_german_pages_speak_german(built: Path) -> None:
    quiz = soup(built / "site" / "de" / "01-basics" / "quiz" / "index.html")
    assert quiz.html is not None and quiz.html["lang"] == "de"
    check = quiz.select_one(".cq-check")
    assert check is not None and check.get_text() == "Antwort prüfen"  # theme/strings/de.yml
    search_box = quiz.select_one(".md-search__input")
    assert search_box is not None and search_box["placeholder"] == "Suche"  # Material's own German
    switcher = [(a["hreflang"], a.get_text(strip=True)) for a in quiz.select(".md-select__link")]
    assert switcher == [("en", "English"), ("fr", "Français"), ("de", "Deutsch")]
    assert [link["hreflang"] for link in quiz.select("link[rel=alternate][hreflang]")] == list(LANGS)
    with zipfile.ZipFile(built / "site" / "downloads" / "course-de-offline.zip") as bundle:
        script = next(bundle.read(n).decode() for n in bundle.namelist() if n.endswith("/assets/cq/quiz.js"))
    assert 'wrong:"Nicht ganz."' in script and "Not quite." not in script


def test_the_german_workbook_is_german(built: Path) -> None:
    reader = pypdf.PdfReader(built / "site" / "downloads" / "course-de-learner.pdf")
    text = "\n".join(pdf_text(page) for page in reader.pages)
    assert "Arbeitsheft für Teilnehmende" in text, text[:400]  # print.edition_learner of de.yml
    assert "Deutsch" in text and "Learner workbook" not in text


@pytest.mark.browser
def test_german_quiz_and_search_in_the_browser(page: Any, built: Path, serve: Any) -> None:
    base = serve(built / "site")
    page.goto(base + "/de/01-basics/quiz/")
    page.check("#cq-01-basics-single-1-a")
    page.click("#cq-01-basics-single-1 .cq-check")
    assert page.locator("#cq-01-basics-single-1 .cq-result").inner_text() == "Nicht ganz."
    page.goto(base + "/de/")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    found = {query: search(page, query)[1] for query in ("strasse", "STRASSE", "straße", "grosse", "größe")}
    assert found["strasse"] == found["STRASSE"] == found["straße"] != []
    assert found["grosse"] == found["größe"] != []
    assert all("01-goal-first" in link for link in found["strasse"]), found
    assert page.errors == []
