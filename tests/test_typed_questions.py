"""Numeric and short-answer questions in Chromium, answered as a learner types them (Playwright, Debian's chromium).

The course is the mini course with one question of each typed kind in its module quiz and two check questions
in the SMART lesson (tests/data/typed, built once by the `built_typed` fixture).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.course.load import load_valid_course
from generator.course.model import normalise_answer
from generator.render.quiz import number
from tests.test_a11y import axe_violations
from tests.test_browser import answer_all_right

LESSON = "/{lang}/01-basics/02-smart/"
BUDGET = "#cq-01-basics-checks-budget"  # numeric: 25 %, tolerance 2 % of the answer (24.5 to 25.5)
ACRONYM = "#cq-01-basics-checks-acronym"  # short answer: SMART
RATE = "#cq-01-basics-rate-1"  # numeric: 4.5 %, tolerance 0.1; typical wrong answer 2.25 (rate on followers)
TERM = "#cq-01-basics-term-1"  # short answer: KPI / key performance indicator; typical wrong answer ROI

NOT_A_NUMBER = {"en": "Please type a number, such as 4.5 or 1,200.",
                "fr": "Saisissez un nombre, par exemple 4,5 ou 1\u202f200."}
RIGHT_BUDGET = {"en": "Right. Yes: (1,500 − 1,200) / 1,200 = 25 %.",
                "fr": "Exact. Oui\u00a0: (1\u00a0500 − 1\u00a0200) / 1\u00a0200 = 25\u00a0%."}
UNEXPECTED = {"en": "Not quite. The answer and explanation are below.",
              "fr": "Pas tout à fait. La réponse et l’explication suivent."}


def answer(page: Any, question: str, text: str, enter: bool = False) -> str:
    """Type `text` in the question's field (after a retry when it was checked), check it, return the status line."""
    if page.locator(f"{question} .cq-retry").is_visible():
        page.click(f"{question} .cq-retry")
    page.fill(f"{question} .cq-input", text)
    if enter:
        page.press(f"{question} .cq-input", "Enter")
    else:
        page.click(f"{question} .cq-check")
    return str(page.locator(f"{question} .cq-result").inner_text())


def stored(page: Any, quiz: str) -> dict[str, Any]:
    state = json.loads(page.evaluate("localStorage.getItem('cq:v1')") or "{}")
    answers: dict[str, Any] = state.get("quizzes", {}).get(quiz, {}).get("answers", {})
    return answers


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_numeric_answer_right_wrong_with_a_comma_a_unit_and_not_a_number(page: Any, built_typed: Path,
                                                                         serve: Any, lang: str) -> None:
    page.goto(serve(built_typed) + LESSON.format(lang=lang))
    assert page.locator(f"{BUDGET} .cq-unit").inner_text() == "%"
    # Not a number: a polite message, no mark, nothing recorded, the field stays editable.
    for text in ("twenty-five", "25 pour cent", "1 2", "2,5,0", "12 34,5"):
        assert answer(page, BUDGET, text) == NOT_A_NUMBER[lang], text
        assert page.locator(BUDGET).get_attribute("class") == "cq-question"
        assert page.locator(f"{BUDGET} .cq-input").is_enabled()
        assert "budget" not in stored(page, "01-basics-checks")
    assert answer(page, BUDGET, "26") == UNEXPECTED[lang]
    assert "cq-is-wrong" in (page.locator(BUDGET).get_attribute("class") or "")
    assert page.locator(f"{BUDGET} .cq-answer").is_visible()
    # Wrong at the first try in this sitting: marked missed, for the practice page (tests/test_practice.py).
    assert stored(page, "01-basics-checks")["budget"] == {"value": ["26"], "correct": False, "miss": 1}
    # Right, written every way a learner may write it: comma, dot, unit, sign, grouping, within the tolerance.
    for text in ("25", "25,4", "24.5", "25 %", "25%", "+25,0 %", "\u00a025\u00a0%\u00a0", "25.000"):
        assert answer(page, BUDGET, text, enter=True) == RIGHT_BUDGET[lang], text
        assert "cq-is-right" in (page.locator(BUDGET).get_attribute("class") or "")
    assert answer(page, BUDGET, "24,4 %") == UNEXPECTED[lang]
    assert answer(page, BUDGET, "-25") == UNEXPECTED[lang]
    assert page.errors == []


@pytest.mark.browser
def test_the_page_language_decides_what_one_comma_and_three_digits_mean(page: Any, built_typed: Path,
                                                                          serve: Any) -> None:
    base = serve(built_typed)
    # 25,000 is 25000 to an English reader and 25 to a French one; 25.000 and 25 000 read the same in both.
    page.goto(base + LESSON.format(lang="en"))
    assert answer(page, BUDGET, "25,000") == UNEXPECTED["en"]
    assert stored(page, "01-basics-checks")["budget"]["value"] == ["25000"]
    assert answer(page, BUDGET, "25 000") == UNEXPECTED["en"]
    assert answer(page, BUDGET, "1,025.0") == UNEXPECTED["en"]
    assert stored(page, "01-basics-checks")["budget"]["value"] == ["1025"]
    page.goto(base + LESSON.format(lang="fr"))
    assert answer(page, BUDGET, "25,000") == RIGHT_BUDGET["fr"]
    assert answer(page, BUDGET, "1.025,0") == UNEXPECTED["fr"]
    assert stored(page, "01-basics-checks")["budget"]["value"] == ["1025"]


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_short_answer_ignores_case_accents_spaces_and_punctuation(page: Any, built_typed: Path, serve: Any,
                                                                  lang: str) -> None:
    page.goto(serve(built_typed) + LESSON.format(lang=lang))
    right = {"en": "Right. Yes: Specific, Measurable, Achievable, Relevant, Time-bound.",
             "fr": "Exact. Oui\u00a0: spécifique, mesurable, atteignable, réaliste, temporellement défini."}[lang]
    for text in ("SMART", "  smart ", "S.M.A.R.T.", "Smart !", "smárt"):
        assert answer(page, ACRONYM, text) == right, text
    assert answer(page, ACRONYM, "smarter") == UNEXPECTED[lang]
    assert answer(page, ACRONYM, "   ") == {"en": "Type your answer first.",
                                           "fr": "Saisissez d’abord votre réponse."}[lang]
    assert page.errors == []


@pytest.mark.browser
def test_module_quiz_typical_wrong_answers_get_their_own_feedback_and_count_in_the_score(
        page: Any, built_typed: Path, serve: Any) -> None:
    base = serve(built_typed)
    page.goto(base + "/en/01-basics/quiz/")
    assert answer(page, RATE, "2,25 %") == (
        "Not quite. That is the rate on the 4,000 followers: divide by the reach.")
    assert answer(page, TERM, "roi") == "Not quite. ROI is one indicator among others, for sales goals."
    answer_all_right(page)
    assert page.locator(".cq-score").inner_text().startswith("Your score: 5 of 7 (71%). Not passed yet")
    page.click(".cq-retry-all")
    answer_all_right(page)
    assert answer(page, RATE, "4,5") == "Right. Yes: 90 / 2,000 = 4.5 %."
    assert answer(page, TERM, "Key performance indicator.") == "Right. Yes: a key performance indicator."
    assert page.locator(".cq-score").inner_text() == "Your score: 7 of 7 (100%). Passed: you reached the pass mark."
    page.reload()
    assert page.locator(f"{RATE} .cq-input").input_value() == "4.5"
    assert page.locator(f"{RATE} .cq-result").inner_text() == "Right. Yes: 90 / 2,000 = 4.5 %."
    assert page.locator(f"{TERM} .cq-input").input_value() == "Key performance indicator."
    assert page.locator(".cq-score").inner_text().startswith("Your score: 7 of 7")
    # The same answers, read on the French page: the number is shown the French way.
    page.goto(base + "/fr/01-basics/quiz/")
    assert page.locator(f"{RATE} .cq-input").input_value() == "4,5"
    assert page.locator(f"{RATE} .cq-input").is_disabled()
    assert page.errors == []


@pytest.mark.browser
def test_french_accepted_answers_differ_from_english_ones(page: Any, built_typed: Path, serve: Any) -> None:
    base = serve(built_typed)
    page.goto(base + "/fr/01-basics/quiz/")
    assert answer(page, TERM, "indicateur cle de performance") == (
        "Exact. Oui\u00a0: un indicateur clé de performance.")
    assert answer(page, RATE, "2,25") == (
        "Pas tout à fait. C’est le taux sur les 4\u00a0000 abonnés\u00a0: divisez par la portée.")
    page.goto(base + "/en/01-basics/quiz/")
    page.click(".cq-retry-all")
    assert answer(page, TERM, "indicateur clé de performance") == UNEXPECTED["en"]


@pytest.mark.browser
def test_typed_questions_work_by_keyboard_and_pass_axe(page: Any, built_typed: Path, serve: Any) -> None:
    page.goto(serve(built_typed) + LESSON.format(lang="en"))
    label = page.locator(f"label[for='{page.locator(f'{BUDGET} .cq-input').get_attribute('id')}']")
    assert label.inner_text() == "Your answer"
    # The format hint (shown before the field), the unit and the status line where an error appears.
    field = page.locator(f"{BUDGET} .cq-input")
    assert field.get_attribute("aria-describedby") == (
        "cq-01-basics-checks-budget-hint cq-01-basics-checks-budget-unit cq-01-basics-checks-budget-result")
    assert field.get_attribute("inputmode") == "decimal"
    assert page.locator(f"{BUDGET} .cq-hint").inner_text() == "(a number, such as 4.5)"
    assert page.locator(f"{BUDGET} .cq-result").get_attribute("aria-live") == "polite"
    assert axe_violations(page) == []
    page.focus(f"{ACRONYM} .cq-input")
    page.keyboard.type("smart")
    page.keyboard.press("Enter")
    assert page.locator(f"{ACRONYM} .cq-result").inner_text().startswith("Right.")
    # The field is now read-only: the focus moves on to the retry button rather than being lost.
    assert page.evaluate("document.activeElement.classList.contains('cq-retry')")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.classList.contains('cq-input')")
    page.fill(f"{BUDGET} .cq-input", "abc")
    page.press(f"{BUDGET} .cq-input", "Enter")
    answer(page, BUDGET, "26")
    assert axe_violations(page) == []
    assert page.errors == []


@pytest.mark.browser
def test_without_javascript_the_answers_are_listed(browser: Any, built_typed: Path, serve: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(serve(built_typed) + "/fr/01-basics/quiz/")
    assert not page.locator(f"{RATE} .cq-check").is_visible()
    page.locator(f"{RATE} summary").click()
    items = page.locator(f"{RATE} .cq-answer li").all_inner_texts()
    assert items == [
        "Bonne réponse\u00a0: 4,5\u00a0% (comptée juste de 4,4\u00a0% à 4,6\u00a0%). "
        "Oui\u00a0: 90 / 2\u00a0000 = 4,5\u00a0%.",
        "Mauvaise réponse\u00a0: 2,25\u00a0%. C’est le taux sur les 4\u00a0000 abonnés\u00a0: divisez par la portée.",
    ]
    page.locator(f"{TERM} summary").click()
    assert page.locator(f"{TERM} .cq-answer li").first.inner_text().startswith(
        "Bonne réponse\u00a0: KPI (autres réponses acceptées\u00a0: indicateur clé de performance ou ICP).")
    context.close()


def test_numbers_are_written_the_way_each_language_writes_them(course: Path) -> None:
    strings = load_valid_course(course, use_cache=False).strings
    assert [number(v, strings["en"]) for v in (4.5, 1234.5, 25.0, 0.04, -20.0)] == ["4.5", "1,234.5", "25", "0.04",
                                                                                  "-20"]
    assert [number(v, strings["fr"]) for v in (4.5, 1234.5, 25.0)] == ["4,5", "1\u202f234,5", "25"]  # CLDR fr


def test_short_answers_are_compared_without_case_accents_punctuation_or_extra_spaces() -> None:
    assert normalise_answer("  Taux d’engagement ! ") == normalise_answer("taux d'engagement") == "taux dengagement"
    assert normalise_answer("K.P.I.") == normalise_answer("kpi") == "kpi"
    assert normalise_answer("Indicateur  clé\u00a0de performance") == "indicateur cle de performance"
    assert normalise_answer("e-réputation") == "ereputation" != normalise_answer("e réputation")
    # Arabic short vowels and Hebrew points are optional; a Hindi or Thai vowel sign is the word itself.
    assert normalise_answer("مُتَابِع") == normalise_answer("متابع") and normalise_answer("שָׁלוֹם") == "שלום"
    assert normalise_answer("काम") != normalise_answer("कम") and normalise_answer("สวัสดี") == "สวัสดี"
