"""Reading times computed from the text, per language, instead of claimed by the author.

A lesson's minutes are its words at one reading speed, the same for every language, plus a fixed
time for each check question it embeds; a module's are its lessons' plus its quiz's questions. French
runs 10-15 % longer than English, so a single `duration:` in the front matter cannot be right for both:
it is optional now, and one more than DRIFT off the computed value is a warning (`page.duration_off`).
Every page that shows minutes (module overviews, home cards, progress, PDFs) reads these figures.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from generator.course.model import Course, Module, Page
from generator.course.problems import Problems

WORDS_PER_MINUTE = 150  # a learner reading to learn, not skimming (CONTENT-GUIDE: reading speed)
# A check question, its options, one feedback and the explanation average 105 words in the shipped course
# (101 en, 107 fr): 42 s at WORDS_PER_MINUTE, plus the choosing. Module quiz questions are alike.
QUESTION_SECONDS = 45
DRIFT = 0.15  # a stated duration further than this from the computed one is out of date

_EMBED = re.compile(r"^\[\[.*?\]\]$", re.M)  # an embedded question: counted as a check, not as words
_TARGET = re.compile(r"\]\([^)]*\)")  # a link's address is not read
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+(?:[’'.,-]\w+)*")


def words(markdown: str) -> int:
    """The words a learner reads in a lesson's Markdown body (link addresses, tags and embeds left out)."""
    return len(_WORD.findall(_TAG.sub(" ", _TARGET.sub("]", _EMBED.sub("", markdown)))))


def _minutes(seconds: float) -> int:
    return max(1, math.floor(seconds / 60 + 0.5))  # to the nearest minute: 5 min 29 s is 5 min, 5 min 30 s is 6


def checks_per_lesson(course: Course) -> Counter[str]:
    """How many check questions each lesson embeds (by its slug)."""
    return Counter(q.lesson for quiz in course.quizzes.values() if quiz.kind == "check"
                   for q in quiz.questions if q.lesson)


def lesson_minutes(lesson: Page, lang: str, checks: int) -> int:
    return _minutes(words(lesson.sources[lang].body) * 60 / WORDS_PER_MINUTE + checks * QUESTION_SECONDS)


def module_minutes(course: Course, module: Module, lang: str) -> int:
    """Its lessons' minutes plus its module quiz (one attempt: the draw of a pool)."""
    quiz = course.quizzes.get(module.quiz_id)
    lessons = sum(lesson.minutes[lang] for lesson in module.lessons)
    return lessons + (_minutes(quiz.size * QUESTION_SECONDS) if quiz else 0)


def compute(course: Course) -> None:
    """Write every lesson's and module's minutes, per language, into the model."""
    checks = checks_per_lesson(course)
    for module in course.modules:
        for lesson in module.lessons:
            lesson.minutes = {lang: lesson_minutes(lesson, lang, checks[lesson.slug]) for lang in lesson.sources}
        module.overview.minutes = {lang: module_minutes(course, module, lang) for lang in module.overview.sources}


def stale_durations(course: Course, problems: Problems) -> None:
    """Warn where an author's `duration:` is more than DRIFT off the computed minutes of a language."""
    for module in course.modules:
        for page in (module.overview, *module.lessons):
            for lang, minutes in page.minutes.items():
                source = page.sources[lang]
                stated = source.meta.get("duration")
                if isinstance(stated, int) and abs(stated - minutes) > DRIFT * minutes:
                    what = "this lesson" if page.kind == "lesson" else "this module, lessons and quiz,"
                    problems.add(source.path, source.line_of("duration"), "page.duration_off",
                                 f"'duration: {stated}' but {what} takes about {minutes} min in {lang} "
                                 f"({WORDS_PER_MINUTE} words a minute, {QUESTION_SECONDS} s a question): remove "
                                 "'duration', which the build computes, or shorten the text")
