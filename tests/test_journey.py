"""The learner's journey in Chromium: resume, progress that travels, certificate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.conftest import pdf_text
from tests.test_browser import answer_all_right

pytestmark = pytest.mark.browser


def read_first_lesson_and_answer(page: Any, base: str) -> None:
    page.goto(base + "/en/01-basics/01-goal-first/")
    page.check("#cq-01-basics-checks-why-b")
    page.click("#cq-01-basics-checks-why .cq-check")


def test_leave_and_come_back_to_resume(page: Any, built_mini: Path, serve: Any) -> None:
    base = serve(built_mini)
    page.goto(base + "/en/")
    assert " ".join(page.locator(".cq-resume-next").inner_text().split()) == "Start with: Goal first (Basics)"
    read_first_lesson_and_answer(page, base)
    page.goto("about:blank")
    page.goto(base + "/en/")
    assert " ".join(page.locator(".cq-resume-next").inner_text().split()) == "Continue: SMART goals (Basics)"
    assert page.locator(".cq-resume-stats").inner_text() == (
        "1 of 2 lessons read, 0 of 1 module quiz passed. About 1 min left.")
    page.click(".cq-resume-next a")
    page.wait_for_url("**/01-basics/02-smart/")
    # Read once its end has been seen (a short lesson: at once), which the page records before we leave it.
    page.wait_for_function("(JSON.parse(localStorage.getItem('cq:v1')).visited || {})['01-basics/02-smart'] === 1")
    page.goto(base + "/fr/01-basics/")
    assert " ".join(page.locator(".cq-resume-next").inner_text().split()) == "Vous avez lu toutes les leçons."
    assert page.errors == []


def test_progress_page_counts_and_resets(page: Any, built_mini: Path, serve: Any) -> None:
    base = serve(built_mini)
    read_first_lesson_and_answer(page, base)
    page.goto(base + "/en/progress/")
    row = page.locator("[data-cq-module-quiz='01-basics']")
    assert row.locator(".cq-lessons").inner_text() == "1 of 2 lessons read"
    assert row.locator(".cq-checks").inner_text() == "1 of 1 check question answered"
    assert row.locator(".cq-status").inner_text() == "Not started"
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click(".cq-reset")
    assert row.locator(".cq-lessons").inner_text() == "1 of 2 lessons read"
    page.once("dialog", lambda dialog: dialog.accept())
    page.click(".cq-reset")
    assert row.locator(".cq-lessons").inner_text() == "0 of 2 lessons read"
    assert page.locator(".cq-message").inner_text() == "Your progress was erased."


def test_progress_file_travels_to_a_fresh_browser(browser: Any, page: Any, built_mini: Path, serve: Any,
                                                  tmp_path: Path) -> None:
    base = serve(built_mini)
    read_first_lesson_and_answer(page, base)
    page.goto(base + "/en/01-basics/quiz/")
    answer_all_right(page)
    page.goto(base + "/en/progress/")
    with page.expect_download() as info:
        page.click(".cq-download")
    saved = tmp_path / "progress.json"
    info.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == "coursegen-progress" and data["v"] == 1
    assert set(data["state"]) <= {"v", "quizzes", "visited", "last", "name"}

    other = browser.new_context()
    fresh = other.new_page()
    fresh.goto(base + "/fr/progress/")
    row = fresh.locator("[data-cq-module-quiz='01-basics']")
    assert row.locator(".cq-status").inner_text() == "Pas commencé"
    fresh.once("dialog", lambda dialog: dialog.accept())
    fresh.set_input_files(".cq-load", str(saved))
    fresh.locator(".cq-message").filter(has_text="Progression chargée").wait_for()
    assert row.locator(".cq-status").inner_text() == "Réussi (100\u00a0%)"
    assert row.locator(".cq-lessons").inner_text() == "1 sur 2 leçons lues"
    fresh.goto(base + "/fr/01-basics/quiz/")
    assert fresh.locator("#cq-01-basics-tf-1-false").is_checked()
    other.close()


@pytest.mark.parametrize("content", ['{"format": "coursegen-progress", "v": 1, "course": "other", "state": {}}',
                                    "not json at all", '{"format": "coursegen-progress", "v": 9}'])
def test_a_damaged_or_foreign_file_changes_nothing(page: Any, built_mini: Path, serve: Any, tmp_path: Path,
                                                   content: str) -> None:
    base = serve(built_mini)
    read_first_lesson_and_answer(page, base)
    page.goto(base + "/en/progress/")
    before = page.evaluate("localStorage.getItem('cq:v1')")
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    page.set_input_files(".cq-load", str(bad))
    message = page.locator(".cq-message")
    message.filter(has_text="Nothing was changed").wait_for()
    assert message.inner_text() == (
        "This file is not a progress file of this course, or it is damaged. Nothing was changed.")
    assert page.evaluate("localStorage.getItem('cq:v1')") == before
    assert page.locator(".cq-lessons").inner_text() == "1 of 2 lessons read"


def test_certificate_says_what_is_missing_then_prints_on_one_page(page: Any, built_mini: Path, serve: Any,
                                                                  tmp_path: Path) -> None:
    base = serve(built_mini)
    page.goto(base + "/en/certificate/")
    missing = page.locator(".cq-cert-missing")
    assert missing.locator("p").inner_text() == "To get your certificate, pass these module quizzes:"
    assert missing.locator("li").all_inner_texts() == ["Basics"]
    assert not page.locator(".cq-cert").is_visible()
    page.goto(base + "/en/01-basics/quiz/")
    answer_all_right(page)
    page.goto(base + "/en/certificate/")
    page.fill(".cq-cert-name-input", "Camille Martin")
    cert = page.locator(".cq-cert")
    assert "Camille Martin" in cert.inner_text()
    assert "Self-declared" in cert.inner_text()
    pdf = tmp_path / "certificate.pdf"
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), format="A4", print_background=True)
    reader = PdfReader(str(pdf))
    assert len(reader.pages) == 1
    text = pdf_text(reader.pages[0])
    for expected in ("Certificate of completion", "Camille Martin", "Mini course", "Basics", "100%",
                     "Self-declared"):
        assert expected in text, expected
    page.reload()
    assert page.locator(".cq-cert-name-input").input_value() == "Camille Martin"


def test_home_module_cards_start_then_continue_then_review(page: Any, built_mini: Path, serve: Any) -> None:
    base = serve(built_mini)
    page.goto(base + "/en/")
    card = page.locator(".grid.cards [data-cq-card='01-basics']")
    assert card.locator("h3").inner_text() == "Basics"
    assert card.locator(".cq-card-label").inner_text() == "Start"
    assert card.locator(".cq-card-go .cq-sr").text_content() == ": Basics", "the button names its module"
    assert card.locator(".cq-card-state").inner_text() == "0 of 2 lessons read, quiz not passed yet."
    read_first_lesson_and_answer(page, base)
    page.goto(base + "/en/")
    assert card.locator(".cq-card-label").inner_text() == "Continue"
    assert card.locator(".cq-card-go").get_attribute("href").endswith("01-basics/02-smart/")
    assert card.locator(".cq-bar").get_attribute("aria-hidden") == "true"
    assert card.locator(".cq-bar span").evaluate("s => s.style.width") == "33%"
    page.goto(base + "/en/01-basics/02-smart/")
    # The lesson counts as read once its end has been seen (an IntersectionObserver, after the load event):
    # leaving at once raced it, and the card then still said "Continue".
    page.wait_for_function("() => { const s = JSON.parse(localStorage.getItem('cq:v1') || '{}');"
                           " return !!(s.visited && s.visited['01-basics/02-smart']); }")
    page.goto(base + "/en/01-basics/quiz/")
    answer_all_right(page)
    assert page.locator(".cq-meter").is_visible()
    page.goto(base + "/fr/")
    assert card.locator(".cq-card-label").inner_text() == "Revoir"
    assert card.locator(".cq-card-state").inner_text() == "2 sur 2 leçons lues, quiz réussi."
    page.goto(base + "/en/progress/")
    assert page.locator("[data-cq-module-quiz='01-basics'] .cq-bar span").evaluate("s => s.style.width") == "100%"
    assert page.locator(".cq-bar-total span").evaluate("s => s.style.width") == "100%"
    assert page.locator(".cq-total").inner_text() == "Course: 2 of 2 lessons read, 1 of 1 module quiz passed."
    assert page.errors == []


def test_without_javascript_the_cards_link_each_module(browser: Any, built_mini: Path, serve: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(serve(built_mini) + "/fr/")
    card = page.locator("[data-cq-card='01-basics']")
    assert card.locator(".cq-card-label").inner_text() == "Commencer"
    assert card.locator(".cq-card-go").get_attribute("href") == "01-basics/"
    assert not card.locator(".cq-bar").is_visible()
    context.close()


def test_what_shows_progress_is_fetched_only_by_a_page_that_shows_it(page: Any, built_mini: Path,
                                                                       serve: Any) -> None:
    """A quiz page (10 KB budget) asks for neither progress-page.js nor its stylesheet; the progress page
    gets both, and its look with them (the rows' cells aligned at the top, a tick before a passed quiz)."""
    base = serve(built_mini)
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url.rsplit("/", 1)[-1]))
    page.goto(base + "/fr/01-basics/quiz/")
    page.wait_for_load_state("networkidle")
    assert "progress-page.js" not in asked and "progress-page.css" not in asked
    answer_all_right(page)
    page.goto(base + "/fr/progress/")
    status = page.locator("[data-cq-module-quiz='01-basics'] .cq-status")
    assert status.inner_text().startswith("Réussi")
    assert {"progress-page.js", "progress-page.css"} <= set(asked)
    assert status.evaluate("e => getComputedStyle(e).verticalAlign") == "top"
    assert status.evaluate("e => getComputedStyle(e, '::before').content") == '"✓ "'
    assert page.errors == []
