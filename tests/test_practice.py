"""Spaced practice in Chromium on a moved clock: what comes back when, a session kept through a reload,
practice carried by the progress file, a question a course update removed, a damaged state, cost and axe.

The clock is Playwright's (page.clock), which moves Date, the one clock practice reads (cq.now)."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests.conftest import soup
from tests.test_a11y import axe_violations
from tests.test_browser import unreadable_without_javascript

pytestmark = pytest.mark.browser

DAY0 = dt.datetime(2026, 3, 2, 18, 0)  # a Monday evening, the browser's local time (UTC here)
SINGLE = "#cq-01-basics-single-1"  # the mini module quiz's single-choice question: c is right, a and b wrong
ITEM = '[data-cq-practice="01-basics/single-1"]'


def at(page: Any, base: str, day: int, path: str = "en/practice/") -> None:
    """Open `path` on day `day` after DAY0 (the clock fixed there) and wait until practice has filled it."""
    page.clock.set_fixed_time(DAY0 + dt.timedelta(days=day))
    page.goto(f"{base}/{path}")
    if "practice" in path:
        page.wait_for_function("document.querySelector('.cq-practice-status').textContent !== ''")


def shown(page: Any) -> list[str]:
    return [str(x) for x in page.eval_on_selector_all(".cq-practice-item.cq-on",
                                                      "els => els.map(e => e.dataset.cqPractice)")]


def answer_single(page: Any, right: bool) -> None:
    page.check(f"{SINGLE}-{'c' if right else 'b'}")
    page.click(f"{SINGLE} .cq-check")


def status(page: Any) -> str:
    return str(page.locator(".cq-practice-status").inner_text())


def test_missed_comes_back_tomorrow_and_right_answers_later_each_time(page: Any, built_mini: Path,
                                                                     serve: Any) -> None:
    base = serve(built_mini)
    at(page, base, 0, "en/01-basics/quiz/")
    answer_single(page, right=False)
    at(page, base, 0)
    assert shown(page) == ["01-basics/single-1"], "missed in the quiz: practised the same day"
    assert page.locator(ITEM).is_visible() and not page.locator('[data-cq-practice="01-basics/tf-1"]').is_visible()
    assert status(page) == "Questions to practise today: 1."
    answer_single(page, right=False)
    assert "Right" not in page.locator(f"{SINGLE} .cq-result").inner_text()
    assert page.locator(f"{SINGLE} .cq-answer").is_visible(), "the quiz's own feedback"
    assert page.locator(f"{SINGLE} .cq-review-lesson a").evaluate("a => a.href").endswith("/en/01-basics/02-smart/")
    assert status(page).startswith("Session done: 0 of 1 right. Next practice: tomorrow.")
    # Another miss in the quiz after the session is over: a new session brings it the same day.
    at(page, base, 0, "en/01-basics/quiz/")
    page.check("#cq-01-basics-tf-1-true")
    page.click("#cq-01-basics-tf-1 .cq-check")
    score_before = page.locator(".cq-score").inner_text()
    at(page, base, 0)
    assert shown(page) == ["01-basics/tf-1"]
    page.check("#cq-01-basics-tf-1-false")
    page.click("#cq-01-basics-tf-1 .cq-check")
    at(page, base, 1)
    assert shown(page) == ["01-basics/single-1"], "missed today: back tomorrow"
    answer_single(page, right=True)
    due_days = []
    for day in (2, 3, 4, 10, 11, 24, 25):  # the days around each date, not all 30
        at(page, base, day)
        if "01-basics/single-1" in shown(page):
            due_days.append(day)
            answer_single(page, right=True)
        elif shown(page):
            page.check("#cq-01-basics-tf-1-false")  # tf-1, answered right the day before, on its own dates
            page.click("#cq-01-basics-tf-1 .cq-check")
        else:
            assert status(page).startswith("Nothing is due today. Next practice:")
    assert due_days == [4, 11, 25], "right answers come back 3, then 7, then 14 days later"
    # Practice never touched the quiz: its score and its stored answer are as the learner left them.
    at(page, base, 29, "en/01-basics/quiz/")
    assert page.locator(".cq-score").inner_text() == score_before
    assert page.is_checked(f"{SINGLE}-b")
    assert page.errors == []


def test_typed_questions_missed_then_retried_right_are_practised_with_their_feedback(page: Any, built_typed: Path,
                                                                                  serve: Any) -> None:
    """A number and a short answer, checked in the SMART lesson: wrong first (the number then retried right)."""
    base = serve(built_typed)
    budget, acronym = "#cq-01-basics-checks-budget", "#cq-01-basics-checks-acronym"
    at(page, base, 0, "en/01-basics/02-smart/")
    page.fill(f"{budget}-answer", "20")
    page.click(f"{budget} .cq-check")
    page.click(f"{budget} .cq-retry")
    page.fill(f"{budget}-answer", "25")
    page.click(f"{budget} .cq-check")
    assert page.locator(f"{budget} .cq-result").inner_text().startswith("Right.")
    page.fill(f"{acronym}-answer", "KPI")
    page.click(f"{acronym} .cq-check")
    at(page, base, 0)
    assert sorted(shown(page)) == ["01-basics-checks/acronym", "01-basics-checks/budget"], "missed first time: both"
    page.fill(f"{budget}-answer", "25 %")
    page.press(f"{budget}-answer", "Enter")
    assert page.locator(f"{budget} .cq-result").inner_text() == "Right. Yes: (1,500 − 1,200) / 1,200 = 25 %."
    page.fill(f"{acronym}-answer", "smart")
    page.click(f"{acronym} .cq-check")
    assert page.locator(f"{acronym} .cq-result").inner_text().startswith("Right.")
    assert status(page).startswith("Session done: 2 of 2 right. Next practice:")
    with page.expect_download() as download:
        page.click(".cq-practice-ics")
    assert download.value.suggested_filename == "practice-days.ics"
    calendar = Path(download.value.path()).read_bytes().decode("utf-8")  # bytes: its CRLF line ends kept
    assert "DTSTART;VALUE=DATE:20260305\r\nDTEND;VALUE=DATE:20260306\r\n" in calendar
    assert calendar.count("BEGIN:VEVENT") == 1, "both come back on the same day, 3 days on"
    assert page.errors == []


def test_a_reload_keeps_the_session_and_the_home_page_counts_what_is_due(page: Any, built_mini: Path,
                                                                       serve: Any) -> None:
    base = serve(built_mini)
    at(page, base, 0, "en/01-basics/quiz/")
    for qid, choice in (("single-1", "b"), ("multi-1", "c"), ("tf-1", "true")):
        page.check(f"#cq-01-basics-{qid}-{choice}")
        page.click(f"#cq-01-basics-{qid} .cq-check")
    at(page, base, 0, "en/")
    line = page.locator(".cq-resume-practice a")
    line.wait_for()
    assert line.inner_text() == "Questions to practise today: 3"
    line.click()
    page.wait_for_function("document.querySelector('.cq-practice-status').textContent !== ''")
    first = shown(page)
    assert sorted(first) == ["01-basics/multi-1", "01-basics/single-1", "01-basics/tf-1"]
    assert page.locator(".cq-practice-item.cq-on .cq-number").all_inner_texts() == [
        "Question 1 of 3", "Question 2 of 3", "Question 3 of 3"]
    answer_single(page, right=True)
    page.reload()
    page.wait_for_function("document.querySelector('.cq-practice-status').textContent !== ''")
    assert shown(page) == [q for q in first if q != "01-basics/single-1"], "the same session, less what is done"
    assert status(page) == "Questions to practise today: 2. Answered in this session: 1 of 3."
    at(page, base, 0, "en/")
    assert page.locator(".cq-resume-practice a").inner_text() == "Questions to practise today: 2"


def test_the_progress_file_carries_practice_to_a_fresh_browser(page: Any, browser: Any, built_mini: Path,
                                                             serve: Any, tmp_path: Path) -> None:
    base = serve(built_mini)
    at(page, base, 0, "en/01-basics/quiz/")
    answer_single(page, right=False)
    at(page, base, 0)
    answer_single(page, right=True)  # practised: next due in 3 days
    at(page, base, 0, "en/progress/")
    with page.expect_download() as download:
        page.click(".cq-download")
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["practice"]["items"]["01-basics/single-1"]["n"] == 2
    # An older file, without practice, still loads.
    older = tmp_path / "older.json"
    older.write_text(json.dumps({k: v for k, v in data.items() if k != "practice"}), encoding="utf-8")

    fresh = browser.new_context(service_workers="block").new_page()
    fresh.on("dialog", lambda d: d.accept())
    at(fresh, base, 0, "en/progress/")
    fresh.set_input_files(".cq-load", str(older))
    fresh.wait_for_function("document.querySelector('.cq-message').textContent !== ''")
    assert fresh.locator(".cq-message").inner_text() == "Progress loaded from the file."
    at(fresh, base, 1)
    assert shown(fresh) == ["01-basics/single-1"], "without practice in the file: the quiz's miss is due"
    at(fresh, base, 1, "en/progress/")
    fresh.set_input_files(".cq-load", str(saved))
    fresh.wait_for_function("document.querySelector('.cq-message').textContent !== ''")
    at(fresh, base, 1)
    assert shown(fresh) == [], "practised right on day 0 (from the file): not due until day 3"
    at(fresh, base, 3)
    assert shown(fresh) == ["01-basics/single-1"]
    fresh.context.close()


def test_a_question_a_course_update_removed_and_a_damaged_state_are_dropped(page: Any, built_mini: Path,
                                                                          serve: Any) -> None:
    """The state names a question the built course no longer has (as after an update that removed it), and
    items a hand edit broke: each goes on its own, with one console warning, and the rest is kept."""
    base = serve(built_mini)
    warnings: list[str] = []
    page.on("console", lambda m: warnings.append(m.text) if m.type == "warning" else None)
    at(page, base, 0, "en/")
    day0 = page.evaluate("cq.practice ? cq.practice.day(Date.now()) : Math.floor(Date.now() / 864e5)")
    good = {"b": 1, "d": day0, "l": int(DAY0.replace(tzinfo=dt.UTC).timestamp() * 1000) - 3600_000, "n": 1, "m": 1}
    progress = {"v": 1, "quizzes": {"01-basics": {"answers": {"tf-1": {"value": ["true"], "correct": False}}}}}
    state = {"v": 1, "items": {"01-basics/single-1": good, "01-basics/removed-q": good,
                               "01-basics/multi-1": {**good, "b": "one"}, "01-basics/tf-1": {**good, "l": 9e15}},
             "session": {"day": day0, "ids": ["01-basics/removed-q", "01-basics/single-1"], "done": {}}}
    page.evaluate("([p, s]) => { localStorage.setItem('cq:v1', p); localStorage.setItem('cq:practice', s); }",
                  [json.dumps(progress), json.dumps(state)])
    at(page, base, 0)
    assert shown(page) == ["01-basics/single-1"]
    assert status(page) == "Questions to practise today: 1."
    assert len([w for w in warnings if "practice" in w]) == 1
    answer_single(page, right=True)
    kept = json.loads(page.evaluate("localStorage.getItem('cq:practice')"))
    assert sorted(kept["items"]) == ["01-basics/single-1"]
    assert json.loads(page.evaluate("localStorage.getItem('cq:v1')"))["quizzes"] == progress["quizzes"]
    assert page.errors == []


def test_practice_page_passes_axe_in_both_languages_and_costs_under_12_kb(page: Any, built_mini: Path,
                                                                         serve: Any) -> None:
    base = serve(built_mini)
    for lang in ("en", "fr"):
        at(page, base, 0, f"{lang}/01-basics/quiz/")
        page.evaluate("localStorage.clear()")  # both languages share one store: each starts afresh
        page.reload()
        answer_single(page, right=False)
        at(page, base, 0, f"{lang}/practice/")
        assert axe_violations(page) == [], lang
        answer_single(page, right=True)
        assert axe_violations(page) == [], lang
        # The practice page's own files, fetched only there: the scheduler, its script and its look.
        folder = built_mini / lang / "assets" / "cq"
        own = {n: len(gzip.compress((folder / n).read_bytes(), 9))
               for n in ("schedule.js", "practice.js", "practice.css")}
        assert sum(own.values()) <= 12 * 1024, own
    # Without JavaScript every question shows, to read with its answer, as a lesson's do.
    assert unreadable_without_javascript(page.context.browser, built_mini, base, ["en/practice"]) == []
    nav = soup(built_mini / "fr" / "index.html").select_one(".md-nav a[href='practice/']")
    assert nav is not None and nav.get_text(strip=True) == "Revoir ce qui vous a échappé"
    lesson = BeautifulSoup((built_mini / "en" / "01-basics" / "quiz" / "index.html").read_text(encoding="utf-8"),
                           "html.parser")
    assert not [s for s in lesson.select("script[src], link[rel=stylesheet]")
                if "practice" in str(s.get("src") or s.get("href")) or "schedule" in str(s.get("src"))]


def test_practice_page_passes_axe_right_to_left(page: Any, built_arabic: Path, serve: Any) -> None:
    """Arabic (tests/data/arabic): its module quiz is an exam; a miss stored as the quiz stores it is practised."""
    base = serve(built_arabic)
    at(page, base, 0, "ar/")
    page.evaluate("localStorage.setItem('cq:v1', JSON.stringify({v: 1, quizzes: {'01-basics': {answers: "
                  "{'single-1': {value: ['a'], correct: false}, 'tf-1': {value: ['true'], correct: false}}}}}))")
    at(page, base, 0, "ar/practice/")
    assert page.get_attribute("body", "dir") == "rtl"
    assert status(page) == "أسئلة للتمرين اليوم: 2."
    assert axe_violations(page) == []
    answer_single(page, right=False)
    assert axe_violations(page) == []
    assert page.errors == []


def test_the_practice_page_holds_every_question_once_and_no_pdf_holds_it(course: Path) -> None:
    import datetime

    from generator.course.load import load_valid_course
    from generator.render.docs import render_docs
    from generator.render.print_html import render_print_html

    loaded = load_valid_course(course)
    tree = render_docs(loaded, "fr")
    after_progress = [next(iter(item.values())) for item in tree.nav][-3:-1]
    assert after_progress == ["progress.md", "practice.md"], "in the menu, after My progress"
    page = BeautifulSoup(tree.files["practice.md"].split("---", 2)[2], "html.parser")
    ids = [b["data-cq-practice"] for b in page.select(".cq-practice-item")]
    module = [f"01-basics/{q.id}" for q in loaded.quizzes["01-basics"].questions]
    checks = [f"01-basics-checks/{q.id}" for q in loaded.quizzes["01-basics-checks"].questions]
    assert sorted(ids) == sorted(module + checks) and len(set(ids)) == len(ids)
    assert all(b["data-cq-kind"] == "practice" for b in page.select(".cq-practice-item"))
    for edition in ("learner", "trainer"):
        printed = render_print_html(loaded, "fr", edition, datetime.date(2026, 3, 2))
        assert "cq-practice" not in printed and "Revoir ce qui vous a échappé" not in printed
