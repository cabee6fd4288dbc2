"""The shipped course: complete in both languages and held to the quiz rules a program can check."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from generator.course.load import load_valid_course
from generator.course.markdown_scan import directives
from generator.course.model import Course, Question
from generator.course.reading_time import words

REPO = Path(__file__).resolve().parent.parent
BANNED = re.compile(r"\b(all|none) of the above\b|toutes les réponses|aucune des réponses|"
                    r"\b(tout|aucun)e? de(s)? (ce|ces) (qui précède|réponses)\b", re.I)


@pytest.fixture(scope="module")
def course() -> Course:
    return load_valid_course(REPO)  # raises, listing every problem, if anything is missing or broken


def test_seven_modules_of_four_to_six_lessons(course: Course) -> None:
    assert [m.slug for m in course.modules] == [
        "01-goals", "02-organising", "03-replies", "04-moderation", "05-measuring", "06-staff",
        "07-secure-local-new"]
    for module in course.modules:
        assert 4 <= len(module.lessons) <= 6, module.slug
        assert module.trainer is not None, f"{module.slug} has no trainer notes"
        for lesson in module.lessons:
            # The content guide: 5-8 minutes a lesson in every language, as the build computes them.
            assert all(5 <= minutes <= 8 for minutes in lesson.minutes.values()), (lesson.slug, lesson.minutes)


def test_every_page_exists_in_both_languages_with_the_same_embeds(course: Course) -> None:
    for page in course.page_by_slug().values():
        assert set(page.sources) == {"en", "fr"}, page.slug
        embeds = {lang: [d[1:] for d in directives(src.body)] for lang, src in page.sources.items()}
        assert embeds["en"] == embeds["fr"], page.slug
        headings = {lang: len(re.findall(r"^## ", src.body, re.M)) for lang, src in page.sources.items()}
        assert headings["en"] == headings["fr"], f"{page.slug}: {headings}"


def test_every_lesson_has_a_check_question(course: Course) -> None:
    for module in course.modules:
        for lesson in module.lessons:
            kinds = [d[1] for d in directives(lesson.sources["en"].body)]
            assert "question" in kinds or "quiz" in kinds, lesson.slug


OBJECTIVE_LINE = {"en": "After this lesson you can ", "fr": "À l’issue de cette leçon, vous saurez "}


def test_every_lesson_opens_with_its_objective_line(course: Course) -> None:
    for module in course.modules:
        for lesson in module.lessons:
            for lang, start in OBJECTIVE_LINE.items():
                first = lesson.sources[lang].body.strip().split("\n\n")[0]
                assert first.startswith(start) and first.endswith("."), f"{lesson.slug} ({lang}): {first[:80]}"
                assert "\n" not in first and len(first) > len(start) + 20, f"{lesson.slug} ({lang})"


def test_french_runs_as_long_as_english_give_or_take(course: Course) -> None:
    """A French twin much shorter than its English lesson has lost text; much longer, it has gained some."""
    for module in course.modules:
        for lesson in module.lessons:
            en, fr = (words(lesson.sources[lang].body) for lang in ("en", "fr"))
            assert 0.9 * en <= fr <= 1.2 * en, f"{lesson.slug}: {en} words in English, {fr} in French"


def texts(q: Question) -> list[dict[str, str]]:
    found = [q.prompt, q.explanation]
    for c in q.choices:
        found += [c.feedback] + ([c.text] if c.text else [])
    for item in q.items:
        found += [item.text, item.feedback] + ([item.right] if item.right else [])
    found += [a.feedback for a in q.answers]
    return found


def test_module_quizzes_follow_the_quiz_rules(course: Course) -> None:
    for module in course.modules:
        quiz = course.quizzes[module.quiz_id]
        assert quiz.kind == "module" and quiz.pass_mark == 80, quiz.id
        assert len(quiz.questions) >= 8, quiz.id
        types = Counter(q.type for q in quiz.questions)
        assert len(types) >= 3, f"{quiz.id}: {types}"
        positions = {[c.correct for c in q.choices].index(True) for q in quiz.questions if q.type == "single"}
        assert len(positions) > 1, f"{quiz.id}: the right answer always sits at the same place"
        for q in quiz.questions:
            assert q.lesson, f"{quiz.id}/{q.id} has no link back to its lesson"


def test_every_question_gives_feedback_on_every_option(course: Course) -> None:
    for quiz in course.quizzes.values():
        for q in quiz.questions:
            if q.type in ("single", "multiple"):
                assert len(q.choices) >= 3, f"{quiz.id}/{q.id}"
            for text in texts(q):
                for lang in ("en", "fr"):
                    assert len(text.get(lang, "").strip()) > 1, f"{quiz.id}/{q.id}: empty {lang} text"
                    assert not BANNED.search(text[lang]), f"{quiz.id}/{q.id}: {text[lang]}"
            for c in q.choices:
                assert c.feedback["en"].strip().lower() not in ("incorrect.", "wrong.", "correct."), q.id


def test_no_quiz_gives_its_single_choice_answers_away(course: Course) -> None:
    """Issue 14: the key of single-choice questions sits in the same place (author order) in at most 40 % of
    them, and is the longest option (ties count) in at most half of them, in every language."""
    for quiz in course.quizzes.values():
        singles = [q for q in quiz.questions if q.type == "single"]
        if not singles:
            continue
        keys = [[c.correct for c in q.choices].index(True) for q in singles]
        top = Counter(keys).most_common(1)[0][1]
        assert top <= 0.4 * len(singles), f"{quiz.id}: key in the same place in {top}/{len(singles)}"
        for lang in course.languages:
            longest = [q.id for q, k in zip(singles, keys, strict=True)
                       if len(q.choices[k].text[lang]) >= max(len(c.text[lang]) for c in q.choices)]
            assert len(longest) <= len(singles) / 2, f"{quiz.id} ({lang}): key is the longest in {longest}"


def test_glossary_tools_and_home_pages_exist(course: Course) -> None:
    slugs = {p.slug for p in course.pages}
    assert {"index", "about", "glossary", "authoring", "tools/index", "tools/smart-goal-worksheet",
            "tools/editorial-calendar", "tools/reply-templates", "tools/reply-bank", "tools/community-rules",
            "tools/monthly-report", "tools/staff-charter", "tools/account-security-checklist"} <= slugs
    for module in course.modules:
        assert f"tools/summaries/{module.slug}" in slugs, f"{module.slug} has no one-page summary"
    for lang in ("en", "fr"):
        assert "*[ROI]:" in course.abbreviations[lang]
