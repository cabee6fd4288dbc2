"""Exam mode on a phone (390×844, touch), as a learner in a ten-minute sitting meets it (issue 22, item 1):
no answer lost, a clock that waits for Start and can be extended, an invalid number said at once.

The course: the mini course with typed questions (tests/data/typed) whose module quiz is a timed exam,
built once for this file in English and French.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from generator.build import BuildOptions, build
from tests.conftest import catalogue, count, make_exam, make_typed_course
from tests.test_a11y import axe_violations

pytestmark = pytest.mark.browser

QUIZ = "/{lang}/01-basics/quiz/"
RATE = "#cq-01-basics-rate-1"  # numeric, 4.5 %


@pytest.fixture(scope="module")
def exam_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_exam(make_typed_course(tmp_path_factory.mktemp("exam") / "course"), time_limit=10)
    build(root, root / "site", BuildOptions(langs=("en", "fr")))
    return root / "site"



START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)  # the fake clock's start: any fixed time


def still_clock(page: Any, url: str) -> None:
    """Open `url` on a fake clock that moves only when the test says (page.clock.run_for): a loaded
    machine that takes a second between two steps must not make 10:00 read 9:59."""
    page.clock.install(time=START)
    page.goto(url)
    page.clock.pause_at(START + dt.timedelta(minutes=1))


def stored(page: Any) -> dict[str, Any]:
    state = json.loads(page.evaluate("localStorage.getItem('cq:v1')") or "{}")
    entry: dict[str, Any] = state.get("quizzes", {}).get("01-basics", {})
    return entry


def test_a_typed_answer_left_in_its_field_is_graded_when_time_runs_out(phone: Any, exam_site: Path,
                                                                       serve: Any) -> None:
    still_clock(phone, serve(exam_site) + QUIZ.format(lang="en"))
    phone.click(".cq-start")
    field = phone.locator(f"{RATE} .cq-input")
    field.tap()
    field.press_sequentially("87.5")  # and the learner stays in the field, thinking
    assert stored(phone)["answers"]["rate-1"]["value"] == ["87.5"], "saved as it is typed"
    phone.clock.run_for(10 * 60 * 1000 + 1000)
    assert phone.locator(".cq-score").inner_text().startswith("Time is up: your answers were submitted.")
    assert phone.locator(f"{RATE} .cq-result").inner_text() != "Not answered."
    assert stored(phone)["answers"]["rate-1"]["value"] == ["87.5"]
    assert phone.errors == []


def test_a_word_for_a_number_is_refused_at_once_and_tied_to_its_field(phone: Any, exam_site: Path,
                                                                      serve: Any) -> None:
    phone.goto(serve(exam_site) + QUIZ.format(lang="en"))
    phone.click(".cq-start")
    field = phone.locator(f"{RATE} .cq-input")
    field.tap()
    field.press_sequentially("eighty-seven")
    field.press("Tab")
    error = phone.locator(f"{RATE} .cq-result")
    assert error.inner_text() == "Please type a number, such as 4.5 or 1,200."
    assert field.get_attribute("aria-invalid") == "true"
    described = (field.get_attribute("aria-describedby") or "").split()
    assert error.get_attribute("id") in described
    assert "rate-1" not in stored(phone)["answers"], "nothing that is not a number is kept"
    field.fill("4,5")
    field.press("Tab")
    assert field.get_attribute("aria-invalid") is None and error.inner_text() == ""
    assert stored(phone)["answers"]["rate-1"]["value"] == ["4.5"]


def test_the_clock_waits_for_start_can_be_extended_and_never_moves_the_focus(phone: Any, exam_site: Path,
                                                                            serve: Any) -> None:
    phone.clock.install()
    phone.goto(serve(exam_site) + QUIZ.format(lang="fr"))
    assert "10\u00a0min" in phone.locator("article").inner_text()
    assert phone.locator(".cq-about").inner_text() == "7 questions · seuil de réussite 75\u00a0%"
    assert not phone.locator(".cq-question").first.is_visible(), "the questions wait for Start"
    phone.clock.run_for(3 * 60 * 1000)  # reading the instructions costs no exam time
    assert stored(phone).get("started") is None
    phone.click(".cq-start")
    clock = phone.locator(".cq-clock")
    assert clock.inner_text() == "10:00"
    # Material's back-to-top pill, which appears as the learner scrolls up, would cover the running clock.
    assert phone.evaluate("getComputedStyle(document.querySelector('.md-top')).display") == "none"
    assert phone.get_by_role("timer", name="Temps restant :").count() == 1
    assert phone.evaluate("document.activeElement.id") == "cq-01-basics-single-1"
    phone.click(".cq-more")  # half the time again, as often as the learner asks
    assert phone.locator(".cq-timer-say").inner_text() == "5\u00a0minutes de plus accordées."
    assert phone.locator(".cq-timer-say").is_visible(), "a sighted learner sees the extension too"
    assert clock.inner_text() == "15:00"
    phone.mouse.move(0, 0)  # Material's hover and focus colours are the brand's business (tests/test_brand.py)
    phone.evaluate("document.activeElement.blur()")
    assert axe_violations(phone) == []
    phone.locator("#cq-01-basics-tf-1-false").check()
    phone.locator("#cq-01-basics-tf-1-false").focus()
    phone.clock.run_for(10 * 60 * 1000)
    assert phone.locator(".cq-timer-say").inner_text() == (
        "Encore 5\u00a0minutes. Vous pouvez demander plus de temps.")
    phone.reload()  # the clock and the extension survive a reload
    # 5:00 left (neither the 10 nor the 15 minutes of a reset clock): 4:5x when the reload took a second or more.
    assert clock.inner_text() == "5:00" or clock.inner_text().startswith("4:5")
    phone.locator("#cq-01-basics-tf-1-false").focus()
    phone.clock.run_for(61 * 1000)  # what the line said holds a minute: no "5 minutes" beside a clock at 3:59
    assert clock.inner_text().startswith("3:5") and phone.locator(".cq-timer-say").inner_text() == ""
    phone.clock.run_for(5 * 60 * 1000)
    assert phone.locator(".cq-score").inner_text().startswith("Le temps est écoulé")
    assert phone.evaluate("document.activeElement.id") == "cq-01-basics-tf-1", "at 0:00 the focus stays put"
    # The answer sheet is read by browsing: one live line (the score) speaks, the questions' lines do not.
    live = phone.locator(".cq-quiz [aria-live]:not(:empty)")
    assert live.count() == 1 and live.first.get_attribute("class") == "cq-score"
    assert phone.errors == []


# The same exam on the old laptop and right to left: the English and French course (exam_site) and the Arabic
# one (built_arabic, conftest), each with the number a learner types in their language's way.
SITES = {"en": "exam_site", "fr": "exam_site", "ar": "built_arabic"}
TYPED = {"en": "87.5", "fr": "87,5", "ar": "87,5"}


def on_top(page: Any, selector: str) -> bool:
    """Whether the element is inside the viewport and drawn above everything at its middle (no fixed bar over it)."""
    return bool(page.evaluate("""s => { const el = document.querySelector(s), r = el.getBoundingClientRect();
        const x = r.left + r.width / 2, y = r.top + r.height / 2;
        return r.top >= 0 && r.bottom <= innerHeight && x >= 0 && x <= innerWidth
               && el.contains(document.elementFromPoint(x, y)); }""", selector))


@pytest.mark.parametrize(("device", "lang"), [("laptop", "en"), ("laptop", "fr"), ("laptop", "ar"), ("phone", "ar")],
                         indirect=["device"])
def test_start_extension_and_a_typed_answer_kept_on_a_laptop_and_right_to_left(device: Any, lang: str, serve: Any,
                                                                               request: pytest.FixtureRequest) -> None:
    t = catalogue(lang)["exam_js"]
    still_clock(device, serve(request.getfixturevalue(SITES[lang])) + QUIZ.format(lang=lang))
    assert device.evaluate("getComputedStyle(document.body).direction") == ("rtl" if lang == "ar" else "ltr")
    device.locator(".cq-start").wait_for()  # exam.js loads after the page: on a busy machine, a moment later
    assert not device.locator(".cq-question").first.is_visible(), "the questions wait for Start"
    device.clock.run_for(3 * 60 * 1000)  # reading the instructions costs no exam time
    assert stored(device).get("started") is None
    press = "tap" if device.profile == "phone" else "click"
    getattr(device.locator(".cq-start"), press)()
    clock = device.locator(".cq-clock")
    assert clock.inner_text() == "10:00"
    getattr(device.locator(".cq-more"), press)()
    assert device.locator(".cq-timer-say").inner_text() == count(t["extended"], lang, 5)
    assert clock.inner_text() == "15:00"
    field = device.locator(f"{RATE} .cq-input")
    getattr(field, press)()
    field.press_sequentially(TYPED[lang])  # and the learner stays in the field
    assert stored(device)["answers"]["rate-1"]["value"] == ["87.5"], "saved as it is typed"
    assert on_top(device, ".cq-clock"), "the clock stays in view, under no bar, at the last question"
    device.clock.run_for(15 * 60 * 1000 + 1000)
    assert device.locator(".cq-score").inner_text().startswith(t["timeUp"])
    assert device.locator(f"{RATE} .cq-result").inner_text() not in ("", t["notAnswered"])
    assert stored(device)["answers"]["rate-1"]["value"] == ["87.5"]
    assert device.evaluate("document.activeElement.closest('.cq-question').id") == "cq-01-basics-rate-1", \
        "at 0:00 the focus stays in the field"
    # The screen shows that question's explanations: a line where the clock was says why, and leads to the score.
    note = device.locator(".cq-timeup a")
    assert note.inner_text() == t["timeUp"] and on_top(device, ".cq-timeup a")
    note.click()
    # The score wraps over two lines: its first line is where the eye goes, under no bar.
    assert device.evaluate("""() => { const r = document.querySelector('.cq-score').getClientRects()[0];
        const top = document.elementFromPoint(r.left + 2, r.top + r.height / 2);
        return r.top >= 0 && r.bottom <= innerHeight && !!top && !!top.closest('.cq-score'); }""")
    assert device.errors == []


def test_a_brand_factor_gives_whole_minutes_and_an_extension_is_half_the_time() -> None:
    from generator.render.quiz import exam_minutes, extension_minutes

    class Timed:
        time_limit = 10
    assert exam_minutes(Timed(), 1.5) == 15 and exam_minutes(Timed(), 1.0) == 10  # type: ignore[arg-type]
    assert exam_minutes(Timed(), 1.25) == 13 and extension_minutes(15) == 8  # type: ignore[arg-type]
