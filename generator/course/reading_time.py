"""Reading times computed from the text, per language, instead of claimed by the author.

A lesson's minutes are its words at one reading speed, the same for every language, plus a fixed
time for each check question it embeds; a module's are its lessons' added up. French
runs 10-15 % longer than English, so a single `duration:` in the front matter cannot be right for both:
it is optional now, and one more than DRIFT off the computed value is a warning (`page.duration_off`).
Every page that shows minutes (module overviews, home cards, progress, PDFs) reads these figures.
"""

from __future__ import annotations

import math
import re

from generator.course.markdown_scan import directives
from generator.course.model import Course, Module, Page
from generator.course.problems import Problems

WORDS_PER_MINUTE = 150  # a learner reading to learn, not skimming (CONTENT-GUIDE: reading speed)
# A check question, its options, one feedback and the explanation average 105 words in the shipped course
# (101 en, 107 fr): 42 s at WORDS_PER_MINUTE, plus the choosing.
QUESTION_SECONDS = 45
DRIFT = 0.15  # a stated duration further than this from the computed one is out of date

_EMBED = re.compile(r"^\[\[.*?\]\]$", re.M)  # an embedded question: counted as a check, not as words
_TARGET = re.compile(r"\]\([^)]*\)")  # a link's address is not read
_TAG = re.compile(r"<[^>]+>")
_ATTRS = re.compile(r"\{\s*(?:lang=|[:.#])[^{}\n]*\}")  # `*Hug Your Haters*{lang=en}`: the mark is not read
_WORD = re.compile(r"\w+(?:[’'.,-]\w+)*")


def words(markdown: str) -> int:
    """The words a learner reads in a lesson's Markdown body (link addresses, tags and embeds left out)."""
    return len(_WORD.findall(_ATTRS.sub(" ", _TAG.sub(" ", _TARGET.sub("]", _EMBED.sub("", markdown))))))


def _minutes(seconds: float) -> int:
    return max(1, math.floor(seconds / 60 + 0.5))  # to the nearest minute: 5 min 29 s is 5 min, 5 min 30 s is 6


def embedded_questions(course: Course, body: str) -> int:
    """How many questions a lesson body embeds (`[[question:…]]` one, `[[quiz:…]]` all of that quiz's).

    A recap question that only links back to a lesson (`lesson:`) is answered elsewhere: it is not counted."""
    count = 0
    for _, kind, quiz_id, _question in directives(body):
        quiz = course.quizzes.get(quiz_id)
        count += 1 if kind == "question" else len(quiz.questions) if kind == "quiz" and quiz else 0
    return count


def lesson_minutes(course: Course, lesson: Page, lang: str) -> int:
    body = lesson.sources[lang].body
    return _minutes(words(body) * 60 / WORDS_PER_MINUTE + embedded_questions(course, body) * QUESTION_SECONDS)


def module_minutes(module: Module, lang: str) -> int:
    """Its lessons' minutes added up: the figure every page gives (cards, overview, PDFs, "min left")."""
    return sum(lesson.minutes[lang] for lesson in module.lessons)


def compute(course: Course) -> None:
    """Write every lesson's and module's minutes, per language, into the model."""
    for module in course.modules:
        for lesson in module.lessons:
            lesson.minutes = {lang: lesson_minutes(course, lesson, lang) for lang in lesson.sources}
        module.overview.minutes = {lang: module_minutes(module, lang) for lang in module.overview.sources}


def stale_durations(course: Course, problems: Problems) -> None:
    """Warn where an author's `duration:` is more than DRIFT off the computed minutes of a language."""
    for module in course.modules:
        for page in (module.overview, *module.lessons):
            for lang, minutes in page.minutes.items():
                source = page.sources[lang]
                stated = source.meta.get("duration")
                if isinstance(stated, int) and abs(stated - minutes) > DRIFT * minutes:
                    what = "this lesson" if page.kind == "lesson" else "this module's lessons"
                    problems.add(source.path, source.line_of("duration"), "page.duration_off",
                                 f"'duration: {stated}' but {what} takes about {minutes} min in {lang} "
                                 f"({WORDS_PER_MINUTE} words a minute, {QUESTION_SECONDS} s a question): remove "
                                 "'duration', which the build computes, or shorten the text")
