"""Chromium takes the quizzes the way a learner does (Playwright, Debian's /usr/bin/chromium)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.build import BuildOptions, build
from tests.pages import SAMPLE

pytestmark = pytest.mark.browser

QUIZ = "/en/01-basics/quiz/"


def answer_all_right(page: Any, prefix: str = "cq-01-basics") -> None:
    """Answer the mini module quiz correctly, checking each question, as a learner would click."""
    page.check(f"#{prefix}-single-1-c")
    page.click(f"#{prefix}-single-1 .cq-check")
    page.check(f"#{prefix}-multi-1-a")
    page.check(f"#{prefix}-multi-1-b")
    page.click(f"#{prefix}-multi-1 .cq-check")
    page.check(f"#{prefix}-tf-1-false")
    page.click(f"#{prefix}-tf-1 .cq-check")
    for item in page.query_selector_all(f"#{prefix}-order-1 .cq-item"):
        item.query_selector("select").select_option(item.get_attribute("data-cq-item"))
    page.click(f"#{prefix}-order-1 .cq-check")
    for item in page.query_selector_all(f"#{prefix}-match-1 .cq-item"):
        item.query_selector("select").select_option(item.get_attribute("data-cq-item"))
    page.click(f"#{prefix}-match-1 .cq-check")


def answer_all_wrong(page: Any, prefix: str = "cq-01-basics", first: str = "b") -> None:
    """Answer every question of the mini module quiz wrongly (`first`: the wrong choice of question 1)."""
    page.check(f"#{prefix}-single-1-{first}")
    page.click(f"#{prefix}-single-1 .cq-check")
    for qid, choice in (("multi-1", "c"), ("tf-1", "true")):
        page.check(f"#{prefix}-{qid}-{choice}")
        page.click(f"#{prefix}-{qid} .cq-check")
    for q in ("order-1", "match-1"):
        for select in page.query_selector_all(f"#{prefix}-{q} select"):
            select.select_option("0")
        page.click(f"#{prefix}-{q} .cq-check")


def external(requests: list[str], base: str) -> list[str]:
    return [r for r in requests if not r.startswith(base) and not r.startswith("data:")]


def test_pass_the_module_quiz_and_find_it_remembered(page: Any, built_mini: Path, serve: Any) -> None:
    base = serve(built_mini)
    page.goto(base + QUIZ)
    page.check("#cq-01-basics-single-1-a")
    page.click("#cq-01-basics-single-1 .cq-check")
    result = page.locator("#cq-01-basics-single-1 .cq-result")
    assert result.inner_text() == "Not quite."
    feedback = page.locator("#cq-01-basics-single-1 [data-cq-choice=a] .cq-choice-feedback")
    assert feedback.inner_text() == "Your answer is not right: No number, no date."
    assert page.locator("#cq-01-basics-single-1 .cq-answer").is_visible()
    page.click(".cq-retry-all")
    answer_all_right(page)
    score = page.locator(".cq-score")
    assert score.inner_text() == "Your score: 5 of 5 (100%). Passed: you reached the pass mark."
    page.reload()
    assert page.locator(".cq-score").inner_text() == "Your score: 5 of 5 (100%). Passed: you reached the pass mark."
    assert page.locator("#cq-01-basics-tf-1-false").is_checked()
    page.goto(base + "/en/progress/")
    assert page.locator("[data-cq-module-quiz='01-basics'] .cq-status").inner_text() == "Passed (100%)"
    assert page.errors == [] and external(page.requests, base) == []
    assert page.context.cookies() == []


def test_a_failing_score_says_so_and_retry_clears_it(page: Any, built_mini: Path, serve: Any) -> None:
    base = serve(built_mini)
    page.goto(base + QUIZ)
    answer_all_right(page)
    page.click(".cq-retry-all")
    assert not page.locator("#cq-01-basics-tf-1-false").is_checked()
    assert page.locator(".cq-score").inner_text() == "0 of 5 questions checked."
    answer_all_wrong(page)
    text = page.locator(".cq-score").inner_text()
    assert text.startswith("Your score: 0 of 5 (0%). Not passed yet")


def test_the_quiz_works_in_french(page: Any, built_mini: Path, serve: Any) -> None:
    base = serve(built_mini)
    page.goto(base + "/fr/01-basics/quiz/")
    answer_all_right(page)
    assert page.locator(".cq-score").inner_text() == (
        "Votre score\u00a0: 5 sur 5 (100\u00a0%). Réussi\u00a0: vous avez atteint le seuil de réussite.")
    page.goto(base + "/fr/progress/")
    assert page.locator(".cq-status").inner_text() == "Réussi (100\u00a0%)"


def test_unanswered_question_asks_for_an_answer(page: Any, built_mini: Path, serve: Any) -> None:
    page.goto(serve(built_mini) + QUIZ)
    page.click("#cq-01-basics-order-1 .cq-check")
    assert page.locator("#cq-01-basics-order-1 .cq-result").inner_text() == "Answer every item first."


def test_check_question_can_be_retried(page: Any, built_mini: Path, serve: Any) -> None:
    page.goto(serve(built_mini) + "/en/01-basics/01-goal-first/")
    page.check("#cq-01-basics-checks-why-a")
    page.click("#cq-01-basics-checks-why .cq-check")
    assert page.locator("#cq-01-basics-checks-why .cq-result").inner_text() == "Not quite."
    page.click("#cq-01-basics-checks-why .cq-retry")
    assert not page.locator("#cq-01-basics-checks-why-a").is_checked()
    page.check("#cq-01-basics-checks-why-b")
    page.click("#cq-01-basics-checks-why .cq-check")
    assert page.locator("#cq-01-basics-checks-why .cq-result").inner_text() == "Right."


def test_quizzes_mount_after_instant_navigation(page: Any, course: Path, serve: Any) -> None:
    # Material turns instant navigation on only when the site knows its own address.
    base = serve(course / "site")
    build(course, course / "site", BuildOptions(langs=("en",), site_url=base + "/"))
    page.goto(base + "/en/01-basics/02-smart/")
    page.evaluate("window.__same_document = true")
    page.click("a.md-footer__link--next")
    page.wait_for_url("**/01-basics/quiz/")
    assert page.evaluate("window.__same_document") is True, "Material's instant navigation was not used"
    page.check("#cq-01-basics-single-1-c")
    page.click("#cq-01-basics-single-1 .cq-check")
    assert page.locator("#cq-01-basics-single-1 .cq-result").inner_text() == "Right."


def test_language_switcher_opens_the_same_page(page: Any, built_mini: Path, serve: Any) -> None:
    page.goto(serve(built_mini) + "/en/01-basics/02-smart/")
    page.goto(page.locator("a.md-select__link[hreflang=fr]").evaluate("a => a.href"))
    assert page.locator("h1").inner_text() == "Objectifs SMART"


def test_search_finds_pages_of_its_own_language_only(page: Any, built_mini: Path, serve: Any) -> None:
    page.goto(serve(built_mini) + "/fr/")
    page.click("label.md-search__icon, .md-search__input")
    page.locator(".md-search__input").press_sequentially("boulangerie", delay=30)
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    assert "L’objectif d’abord" in page.locator(".md-search-result").inner_text()
    page.locator(".md-search__input").fill("")
    page.locator(".md-search__input").press_sequentially("bakery", delay=30)
    page.wait_for_timeout(500)
    assert page.locator(".md-search-result__item").count() == 0


def test_without_javascript_questions_and_answers_stay_readable(browser: Any, built_mini: Path,
                                                                serve: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(serve(built_mini) + QUIZ)
    assert page.locator(".cq-prompt").first.inner_text() == "Which goal is SMART?"
    assert not page.locator(".cq-check").first.is_visible()
    page.locator("#cq-01-basics-single-1 summary").click()
    assert "20 bookings a month by June" in page.locator("#cq-01-basics-single-1 .cq-answer").inner_text()
    context.close()


@pytest.mark.parametrize("stored", ['{not json', '{"v": 0, "results": [1, 2]}', '{"v": 1, "quizzes": 7}',
                                    '{"v": 1, "quizzes": {"01-basics": {"answers": {"single-1": 5}}}}'])
def test_corrupt_or_old_storage_does_not_break_the_quiz(page: Any, built_mini: Path, serve: Any,
                                                        stored: str) -> None:
    base = serve(built_mini)
    page.goto(base + "/en/")
    page.evaluate("s => localStorage.setItem('cq:v1', s)", stored)
    page.goto(base + QUIZ)
    answer_all_right(page)
    assert page.locator(".cq-score").inner_text().startswith("Your score: 5 of 5")
    assert page.errors == []


def test_blocked_storage_keeps_quizzes_usable(page: Any, built_mini: Path, serve: Any) -> None:
    page.add_init_script("""Object.defineProperty(window, 'localStorage', {
        get() { throw new DOMException('blocked', 'SecurityError'); } });""")
    page.goto(serve(built_mini) + QUIZ)
    answer_all_right(page)
    assert page.locator(".cq-score").inner_text().startswith("Your score: 5 of 5")
    assert page.errors == []


def test_full_storage_keeps_quizzes_usable(page: Any, built_mini: Path, serve: Any) -> None:
    page.add_init_script("""Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };""")
    page.goto(serve(built_mini) + QUIZ)
    answer_all_right(page)
    assert page.locator(".cq-score").inner_text().startswith("Your score: 5 of 5")
    assert page.errors == []


def unreadable_without_javascript(browser: Any, site: Path, base: str, folders: list[str]) -> list[str]:
    """The pages (folders of index.html under `site`) whose text or quiz prompts do not show without JS."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    unreadable = []
    for rel in folders:
        page.goto(f"{base}/{rel}/")
        if rel == ".":  # the language chooser
            if not page.locator("main a").all_inner_texts()[0].startswith("English"):
                unreadable.append(rel)
        elif len(page.locator("article.md-content__inner").inner_text()) <= 100 or not all(
                prompt.is_visible() and prompt.inner_text().strip() for prompt in page.locator(".cq-prompt").all()):
            unreadable.append(rel)
    context.close()
    return unreadable


def test_a_page_of_each_kind_reads_without_javascript(browser: Any, built_real: Path, serve: Any) -> None:
    folders = [str(Path(rel).parent.as_posix()) for rel in SAMPLE if rel.endswith("index.html")]
    assert len(folders) > 30 and "." in folders and any(rel.endswith("/quiz") for rel in folders)
    assert unreadable_without_javascript(browser, built_real, serve(built_real), folders) == []


@pytest.mark.exhaustive
def test_every_page_reads_without_javascript(browser: Any, built_real: Path, serve: Any) -> None:
    folders = sorted(p.parent.relative_to(built_real).as_posix() for p in built_real.rglob("index.html"))
    assert len(folders) > 100
    assert unreadable_without_javascript(browser, built_real, serve(built_real), folders) == []


def test_a_script_in_quiz_text_never_runs(page: Any, course: Path, serve: Any) -> None:
    checks = course / "quizzes" / "01-basics-checks.yml"
    checks.write_text(checks.read_text(encoding="utf-8").replace(
        "A shop wants a page.", "A shop <script>window.__pwned = 1</script><img src=x onerror='window.__pwned=2'>"),
        encoding="utf-8")
    build(course, course / "site", BuildOptions(langs=("en",)))
    page.goto(serve(course / "site") + "/en/01-basics/01-goal-first/")
    assert "<script>window.__pwned = 1</script>" in page.locator(".cq-prompt").inner_text()
    assert page.evaluate("window.__pwned") is None
