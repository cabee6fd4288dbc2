"""A course in French alone (tests/data/fr-only): no English file anywhere, every output builds, and no
language switcher is offered since there is nothing to switch to."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pypdf
import pytest

from tests.conftest import REPO, build_every_output, pdf_text, soup

SOURCE = REPO / "tests" / "data" / "fr-only"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_every_output(SOURCE, tmp_path_factory.mktemp("fr-only") / "course")



def test_the_course_has_no_english_file() -> None:
    names = [p.name for p in SOURCE.rglob("*.md")]
    assert names and not [n for n in names if n.count(".") > 1], "one language: no suffix on any file"


def test_every_output_is_built_in_french_only(built: Path) -> None:
    site = built / "site"
    assert sorted(p.name for p in site.iterdir()) == ["downloads", "fr", "index.html"]
    assert sorted(p.name for p in (site / "downloads").iterdir()) == ["course-fr-learner.pdf",
                                                                       "course-fr-offline.zip"]
    assert [p.name for p in (built / "trainer").iterdir()] == ["course-fr-trainer.pdf"]
    assert sorted(p.name for p in (built / "banks" / "gift").iterdir()) == ["README.txt", "fr"]
    assert (built / "banks" / "moodle-xml" / "fr" / "all-quizzes.xml").is_file()
    with zipfile.ZipFile(built / "scorm" / "course-fr.zip") as package:
        assert "imsmanifest.xml" in package.namelist()
        page = next(n for n in package.namelist() if n.endswith("quiz.html"))
        html = package.read(page).decode()
    assert '<html lang="fr"' in html and "Vérifier ma réponse" in html


def test_pages_are_french_with_no_language_switcher(built: Path) -> None:
    for name in ("index.html", "01-bases/index.html", "01-bases/quiz/index.html"):
        page = soup(built / "site" / "fr" / name)
        assert page.html is not None and page.html["lang"] == "fr"
        assert page.select(".md-select") == [], f"{name}: a switcher with nothing to switch to"
        assert not page.select("link[hreflang]")
    quiz = soup(built / "site" / "fr" / "01-bases" / "quiz" / "index.html")
    assert quiz.select_one(".cq-check") is not None and quiz.select_one(".cq-check").get_text() == "Vérifier ma réponse"


def test_the_workbook_is_french(built: Path) -> None:
    reader = pypdf.PdfReader(built / "site" / "downloads" / "course-fr-learner.pdf")
    text = "\n".join(pdf_text(page) for page in reader.pages)
    assert "Cahier du participant" in text and "Français" in text and "English" not in text


@pytest.mark.browser
def test_the_address_of_the_portal_opens_the_french_course(page: Any, built: Path, serve: Any) -> None:
    base = serve(built / "site")
    page.goto(base + "/")
    page.wait_for_url(base + "/fr/")
    assert page.locator("h1").first.inner_text() == "Cours en français"
    page.goto(base + "/fr/01-bases/quiz/")
    page.check("#cq-01-bases-single-1-b")
    page.click("#cq-01-bases-single-1 .cq-check")
    assert page.locator("#cq-01-bases-single-1 .cq-result").inner_text() == "Exact."
    assert page.errors == []


def test_fix_typography_finds_the_french_files_of_a_french_only_course(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    from generator.cli.main import main
    from tests.conftest import make_course

    root = make_course(tmp_path / "course", SOURCE)
    lesson = root / "modules" / "01-bases" / "01-objectif-d-abord.md"  # French, though it has no .fr
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\nUn point : ici.\n", encoding="utf-8")
    assert main(["--root", str(root), "fix-typography"]) == 0
    assert f"fixed {lesson}" in capsys.readouterr().out
    assert lesson.read_text(encoding="utf-8").endswith("\nUn point\u00a0: ici.\n")
