"""Attempts in Chromium: options drawn per learner and attempt, pools, exam mode, and progress that
survives a course update (issue 14)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.build import BuildOptions, build
from generator.course.load import load_valid_course
from generator.render.quiz import choices_in_order
from tests.test_a11y import axe_violations
from tests.test_browser import QUIZ, answer_all_right

pytestmark = pytest.mark.browser

QUIZ_FILE = "quizzes/01-basics.yml"
# The order the learner sees: choices, items and the matching options of every question.
ORDER = """() => [...document.querySelectorAll('.cq-question')].map(q =>
  [...q.querySelectorAll('.cq-choice')].map(c => c.dataset.cqChoice).join('') + '/' +
  [...q.querySelectorAll('.cq-item')].map(c => c.dataset.cqItem).join('') + '/' +
  [...q.querySelectorAll('.cq-item:first-child select option')].map(o => o.value).join('')).join(' ')"""
STORED = "id => JSON.parse(localStorage.getItem('cq:v1')).quizzes[id]"


def edit_quiz(course: Path, settings: str = "", replace: tuple[str, str] | None = None) -> None:
    """Add top-level settings to the mini module quiz, or replace a piece of its text."""
    path = course / QUIZ_FILE
    text = path.read_text(encoding="utf-8")
    if settings:
        text = text.replace("pass_mark: 75\n", "pass_mark: 75\n" + settings + "\n")
    if replace:
        assert replace[0] in text
        text = text.replace(*replace)
    path.write_text(text, encoding="utf-8")


def order(page: Any) -> str:
    return str(page.evaluate(ORDER))


def test_each_learner_gets_an_order_that_a_reload_keeps_and_a_retry_changes(browser: Any, built_mini: Path,
                                                                            serve: Any) -> None:
    base = serve(built_mini)
    seen = set()
    for _ in range(4):  # the chance that two fresh learners see the same order is about 1 in 900
        context = browser.new_context()
        fresh = context.new_page()
        fresh.goto(base + QUIZ)
        seen.add(order(fresh))
        context.close()
        if len(seen) > 1:
            break
    assert len(seen) > 1, "two fresh browsers got the same option order"

    context = browser.new_context()
    page = context.new_page()
    page.goto(base + QUIZ)
    first, seed = order(page), page.evaluate(STORED, "01-basics")["seed"]
    page.reload()
    assert order(page) == first and page.evaluate(STORED, "01-basics")["seed"] == seed
    answer_all_right(page)
    assert page.locator(".cq-score").inner_text().startswith("Your score: 5 of 5 (100%)")
    orders = set()
    for _ in range(3):
        page.click(".cq-retry-all")
        assert page.evaluate(STORED, "01-basics")["seed"] != seed
        seed = page.evaluate(STORED, "01-basics")["seed"]
        orders.add(order(page))
        page.reload()
        assert order(page) in orders
        answer_all_right(page)  # answers are judged by the author's items, whatever the order on screen
        assert page.locator(".cq-score").inner_text().startswith("Your score: 5 of 5 (100%)")
    assert orders - {first}, "a retry kept the same order three times"
    page.reload()
    assert page.locator(".cq-score").inner_text().startswith("Your score: 5 of 5 (100%)")
    assert page.locator("#cq-01-basics-tf-1 .cq-choice").evaluate_all("l => l.map(c => c.dataset.cqChoice)") == [
        "true", "false"], "True comes before False"
    context.close()


def test_shuffle_false_keeps_author_order_and_the_answer_list_never_moves(browser: Any, course: Path,
                                                                          serve: Any) -> None:
    edit_quiz(course, replace=("    type: single\n", "    type: single\n    shuffle: false\n"))
    build(course, course / "site", BuildOptions(langs=("en",)))
    quiz = load_valid_course(course).quizzes["01-basics"]
    multi = quiz.question("multi-1")
    assert multi is not None
    paper = [c.id for c in choices_in_order(quiz, multi)]  # the fixed order of the workbook
    base = serve(course / "site")
    for _ in range(3):
        context = browser.new_context()
        page = context.new_page()
        page.goto(base + QUIZ)
        assert page.locator("#cq-01-basics-single-1 .cq-choice").evaluate_all(
            "l => l.map(c => c.dataset.cqChoice)") == ["a", "b", "c"]
        answers = page.locator("#cq-01-basics-multi-1 .cq-answer li").evaluate_all(
            "l => l.map(c => c.dataset.cqFor)")
        assert answers == paper, "the answer list keeps the order of paper, attempt after attempt"
        context.close()


def test_a_pool_draws_n_questions_and_scores_them(page: Any, course: Path, serve: Any) -> None:
    edit_quiz(course, "draw: 3")
    build(course, course / "site", BuildOptions(langs=("en",)))
    base = serve(course / "site")
    page.goto(base + QUIZ)
    shown = page.locator(".cq-question:visible")
    assert shown.count() == 3
    assert shown.locator(".cq-number").all_inner_texts() == ["Question 1 of 3", "Question 2 of 3", "Question 3 of 3"]
    drawn = page.evaluate(STORED, "01-basics")["draw"]
    assert len(drawn) == 3
    page.reload()
    assert page.evaluate(STORED, "01-basics")["draw"] == drawn
    answer_visible_right(page)
    assert page.locator(".cq-score").inner_text().startswith("Your score: 3 of 3 (100%). Passed")
    page.goto(base + "/en/progress/")
    assert page.locator(".cq-status").inner_text() == "Passed (100%)"
    page.goto(base + QUIZ)
    draws = set()
    for _ in range(4):
        page.click(".cq-retry-all")
        assert page.locator(".cq-question:visible").count() == 3
        draws.add(tuple(page.evaluate(STORED, "01-basics")["draw"]))
        answer_visible_right(page)
    assert len(draws) > 1, "each attempt draws anew"
    assert page.errors == []


RIGHT = {"single-1": ["c"], "multi-1": ["a", "b"], "tf-1": ["false"]}


def answer_visible_right(page: Any, check: bool = True, skip: tuple[str, ...] = ()) -> None:
    """Answer the visible questions of the mini quiz rightly (checking each one in practice mode)."""
    for question in page.locator(".cq-question:visible").all():
        qid = question.get_attribute("data-cq-question")
        if qid in skip:
            continue
        for choice in RIGHT.get(qid, []):
            question.locator(f"[data-cq-choice='{choice}'] input").check()
        for item in question.locator(".cq-item").all():
            item.locator("select").select_option(item.get_attribute("data-cq-item"))
        if check:
            question.locator(".cq-check").click()


def test_exam_mode_gives_no_feedback_before_submit_and_a_full_sheet_after(page: Any, course: Path,
                                                                          serve: Any) -> None:
    edit_quiz(course, "mode: exam")
    build(course, course / "site", BuildOptions(langs=("en",)))
    page.goto(serve(course / "site") + QUIZ)
    assert page.locator(".cq-check:visible").count() == 0
    answer_visible_right(page, check=False, skip=("tf-1",))
    page.locator("#cq-01-basics-single-1 [data-cq-choice='a'] input").check()  # a wrong answer
    assert page.locator(".cq-choice-feedback:visible, .cq-answer:visible").count() == 0
    assert "".join(page.locator(".cq-result").all_inner_texts()) == ""
    assert page.locator(".cq-right, .cq-wrong, .cq-is-right, .cq-is-wrong").count() == 0
    assert page.locator(".cq-score").inner_text() == "4 of 5 questions answered."
    page.reload()  # answers are kept, still without feedback
    assert page.locator("#cq-01-basics-single-1 [data-cq-choice='a'] input").is_checked()
    assert page.locator(".cq-answer:visible").count() == 0
    page.keyboard.press("Tab")
    page.click(".cq-submit")
    confirm = page.locator(".cq-confirm")
    assert confirm.locator(".cq-confirm-text").inner_text() == "1 question is not answered yet. Submit anyway?"
    assert confirm.locator(".cq-unanswered li").all_inner_texts() == ["Question 3 of 5"]
    assert page.evaluate("document.activeElement.className") == "cq-confirm-text"
    page.mouse.move(0, 0)  # Material's hover colours are the brand's business (tests/test_brand.py)
    assert axe_violations(page) == []
    page.click(".cq-keep")
    assert not confirm.is_visible()
    assert page.evaluate("document.activeElement.id") == "cq-01-basics-tf-1-true"
    page.click(".cq-submit")
    page.locator(".cq-submit-now").focus()
    page.keyboard.press("Enter")  # keyboard only
    assert page.locator(".cq-score").inner_text().startswith("Your score: 3 of 5 (60%). Not passed yet")
    assert page.locator(".cq-answer[open]").count() == 5, "every question shows its answer and explanation"
    assert page.locator("#cq-01-basics-tf-1 .cq-result").inner_text() == "Not answered."
    assert page.locator("#cq-01-basics-single-1 .cq-result").inner_text() == "Not quite."
    assert "Review the lesson" in page.locator("#cq-01-basics-single-1 .cq-answer").inner_text()
    assert page.locator(".cq-meter").is_visible()
    # Selects stay open to read (issue 22) but keep the submitted answer.
    assert page.locator(".cq-quiz input:enabled, .cq-quiz select:enabled:not([data-cq-locked])").count() == 0
    assert axe_violations(page) == []
    page.reload()
    assert page.locator(".cq-score").inner_text().startswith("Your score: 3 of 5 (60%)")
    page.click(".cq-retry-all")
    assert page.locator(".cq-answer:visible").count() == 0 and page.locator(".cq-submit").is_visible()
    assert page.errors == []


def test_an_exam_with_a_time_limit_submits_when_the_time_is_up(page: Any, course: Path, serve: Any) -> None:
    edit_quiz(course, "mode: exam\ntime_limit: 10")
    build(course, course / "site", BuildOptions(langs=("en",)))
    page.clock.install()
    page.goto(serve(course / "site") + QUIZ)
    page.click(".cq-start")  # the clock waits for Start (tests/test_exam.py)
    clock = page.locator(".cq-clock")
    assert clock.get_attribute("role") == "timer" and clock.inner_text() == "10:00"
    page.locator("#cq-01-basics-tf-1-false").check()
    page.clock.run_for(5 * 60 * 1000 + 1000)
    assert page.locator(".cq-timer-say").inner_text() == "5 minutes left. You can ask for more time."
    assert axe_violations(page) == []
    page.reload()  # the clock keeps running across a reload
    assert clock.inner_text().startswith("4:")
    page.clock.run_for(5 * 60 * 1000)
    assert page.locator(".cq-score").inner_text().startswith(
        "Time is up: your answers were submitted. Your score: 1 of 5")
    # The clock is gone; where it was, a line says the time is up and leads to the score (tests/test_exam.py).
    assert not page.locator(".cq-clock").is_visible() and page.locator(".cq-timeup").is_visible()


def test_a_stale_answer_never_counts_after_a_course_update(page: Any, course: Path, serve: Any) -> None:
    build(course, course / "site", BuildOptions(langs=("en",)))
    base = serve(course / "site")
    page.goto(base + QUIZ)
    answer_all_right(page)
    page.goto(base + "/en/progress/")
    assert page.locator(".cq-status").inner_text() == "Passed (100%)"
    # The author renames one question and removes another.
    edit_quiz(course, replace=("  - id: multi-1\n", "  - id: multi-2\n"))
    text = (course / QUIZ_FILE).read_text(encoding="utf-8")
    start = text.index("  - id: tf-1")
    (course / QUIZ_FILE).write_text(text[:start] + text[text.index("  - id: order-1"):], encoding="utf-8")
    build(course, course / "site", BuildOptions(langs=("en",)))
    page.goto(base + "/en/progress/")
    assert page.locator(".cq-status").inner_text() == "In progress: 3 of 4 questions checked"
    page.goto(base + QUIZ)
    assert page.locator(".cq-score").inner_text() == "3 of 4 questions checked."
    stored = page.evaluate(STORED, "01-basics")["answers"]
    assert {"tf-1", "multi-1"} <= set(stored), "answers to removed questions stay in storage"
    page.check("#cq-01-basics-multi-2-a")
    page.check("#cq-01-basics-multi-2-c")
    page.click("#cq-01-basics-multi-2 .cq-check")
    assert page.locator(".cq-score").inner_text().startswith("Your score: 3 of 4 (75%). Passed")
    page.goto(base + "/en/progress/")
    assert page.locator(".cq-status").inner_text() == "Passed (75%)"
    page.goto(base + "/en/certificate/")
    assert page.locator(".cq-cert tbody td").all_inner_texts() == ["Basics", "75%"]
    assert page.errors == []


def test_a_check_question_retried_on_its_own_gets_a_new_order(page: Any, built_mini: Path, serve: Any) -> None:
    page.goto(serve(built_mini) + "/en/01-basics/01-goal-first/")
    question = "#cq-01-basics-checks-why"

    def shown() -> str:
        return question_order(page, question)

    first = shown()
    page.reload()
    assert shown() == first
    orders = set()
    for _ in range(4):
        page.locator(f"{question} .cq-choice input").first.check()
        page.click(f"{question} .cq-check")
        page.click(f"{question} .cq-retry")
        orders.add(shown())
        page.reload()
        assert shown() in orders, "a reload keeps the retry's order"
    assert orders - {first}, "four retries kept the same order"


def question_order(page: Any, selector: str) -> str:
    return "".join(page.locator(f"{selector} .cq-choice").evaluate_all("l => l.map(c => c.dataset.cqChoice)"))


def test_answers_saved_before_attempts_had_seeds_still_read_right(page: Any, built_mini: Path, serve: Any) -> None:
    from bs4 import BeautifulSoup

    html = BeautifulSoup((built_mini / "en" / "01-basics" / "quiz" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    # The old format listed ordering answers in the page's fixed order: a right answer is that order itself.
    fixed = [li["data-cq-item"] for li in html.select("#cq-01-basics-order-1 .cq-item")]
    assert fixed != sorted(fixed)
    old = {"v": 1, "quizzes": {"01-basics": {"answers": {"order-1": {"value": fixed, "correct": True}}}}}
    base = serve(built_mini)
    page.goto(base + "/en/")
    page.evaluate("s => localStorage.setItem('cq:v1', JSON.stringify(s))", old)
    page.goto(base + QUIZ)
    assert "cq-is-right" in page.locator("#cq-01-basics-order-1").get_attribute("class")
    assert page.evaluate(STORED, "01-basics")["answers"]["order-1"]["value"] == sorted(fixed)
