"""Authoring warnings for guessable quizzes: the right answer always in one place, or always the longest.

Learners learn a quiz's habits faster than its content: when the right single-choice answer sits
at the same position in most questions, or is the longest option, they can score without reading.
The browser shuffles options per attempt, but the no-JS answer list, the PDFs and the question
banks keep the author's order, so the author's order is what is checked. These are warnings (a
listed advice, not a failed build) unless `coursegen check --strict`.
"""

from __future__ import annotations

import math
from collections import Counter

from generator.course.hash_lines import hash_lines
from generator.course.item_writing import item_writing
from generator.course.model import Course, Question, Quiz
from generator.course.problems import Problems
from generator.course.reading_time import stale_durations
from generator.course.translations import stale_translations
from generator.course.untranslated import untranslated

POSITION_SHARE = 0.40  # more than this share of right answers at one position is a pattern
LONGEST_SHARE = 0.50  # more than half the right answers being the longest option is a pattern
MIN_QUESTIONS = 3  # with fewer single-choice questions any arrangement looks like a pattern


def right_position(q: Question) -> int:
    return next(i for i, c in enumerate(q.choices) if c.correct)


def right_is_longest(q: Question, lang: str) -> bool:
    """True when the right option is strictly longer than every other option in `lang`."""
    right = next(c for c in q.choices if c.correct)
    return all(len(right.text[lang]) > len(c.text[lang]) for c in q.choices if c is not right)


def _share(count: int, total: int) -> str:
    return f"{count} of {total} single-choice questions"


def check_quiz(quiz: Quiz, languages: tuple[str, ...], problems: Problems) -> None:
    singles = [q for q in quiz.questions if q.type == "single" and sum(c.correct for c in q.choices) == 1]
    if len(singles) < MIN_QUESTIONS:
        return
    line = singles[0].line
    positions = Counter(right_position(q) for q in singles)
    # Seven three-option questions cannot spread below 3 of 7 (43 %): only an avoidable pile-up counts.
    even = math.ceil(len(singles) / max(len(q.choices) for q in singles))
    for position, count in sorted(positions.items()):
        if count > POSITION_SHARE * len(singles) and count > even:
            ids = [q.id for q in singles if right_position(q) == position]
            problems.add(quiz.path, line, "quiz.answer_position",
                         f"the right answer is option {position + 1} (in the author's order) in "
                         f"{_share(count, len(singles))} (more than {POSITION_SHARE:.0%}): {', '.join(ids)}; "
                         "move some right answers to other positions, as the PDFs and banks keep this order")
    for lang in languages:
        longest = [q.id for q in singles if right_is_longest(q, lang)]
        if len(longest) > LONGEST_SHARE * len(singles):
            problems.add(quiz.path, line, "quiz.answer_longest",
                         f"the right answer is the longest option ({lang}) in {_share(len(longest), len(singles))} "
                         f"(more than half): {', '.join(longest)}; shorten it or give a wrong option the detail "
                         "a right one would have, rather than padding")


def guessable(course: Course) -> list[str]:
    """Every warning of `check`, sorted, as `path:line: message [code]`: guessable quizzes, stale durations,
    translations still to do (copied catalogues, scaffold pages, sources changed since translated) and lines
    that start with a `#word` the site would make a heading."""
    problems = Problems(course.root)
    for quiz in course.quizzes.values():
        check_quiz(quiz, course.languages, problems)
    item_writing(course, problems)
    stale_durations(course, problems)
    untranslated(course, problems)
    stale_translations(course, problems)
    hash_lines(course, problems)
    return [str(p) for p in problems.sorted()]
