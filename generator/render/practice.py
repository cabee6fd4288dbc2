"""The practice page: every question a learner can meet, each in a block that quiz.js mounts but never scores.

practice.js (in the browser) picks up to ten of them from what the learner has met and missed, and
shows only those (without JS, all of them show, to read). The questions are rendered by the quiz templates themselves,
so every type, its feedback and its link back to the lesson are the quiz page's.
"""

from __future__ import annotations

from collections.abc import Callable

import yaml
from markupsafe import escape

from generator.course.markdown_scan import directives
from generator.course.model import Course, Question, Quiz
from generator.render.quiz import render_question

# lesson slug -> {href, title} of the lesson, or None (render/docs.py's Renderer.link_for)
LinkFor = Callable[[str], dict[str, str] | None]


def practised_questions(course: Course) -> list[tuple[Quiz, Question, str | None]]:
    """(quiz, question, lesson to review) of every module quiz question and every question placed in a lesson.

    A check question leads back to the lesson it sits in; a module quiz question to the lesson its
    author named (`lesson:`), as on the quiz page. Each question once, in course order."""
    found: list[tuple[Quiz, Question, str | None]] = []
    seen: set[tuple[str, str]] = set()

    def collect(quiz: Quiz, q: Question, lesson: str | None) -> None:
        if (quiz.id, q.id) not in seen:
            seen.add((quiz.id, q.id))
            found.append((quiz, q, lesson))

    first = course.languages[0]
    for module in course.modules:
        for lesson in module.lessons:
            for _, kind, quiz_id, qid in directives(lesson.sources[first].body):
                quiz = course.quizzes.get(quiz_id)
                for q in quiz.questions if quiz else []:
                    if kind == "quiz" or q.id == qid:
                        collect(quiz, q, lesson.slug)  # type: ignore[arg-type]
        quiz = course.quizzes[module.quiz_id]
        for q in quiz.questions:
            collect(quiz, q, q.lesson)
    return found


def practice_html(course: Course, lang: str, link_for: LinkFor) -> str:
    """The practice area: a status line, the questions (shown by practice.js: quiz.css), the tools."""
    strings = course.strings[lang]
    t = strings.site
    blocks = []
    for quiz, q, lesson in practised_questions(course):
        question = render_question(quiz, q, strings, 1, 1, link_for(lesson) if lesson else None)
        # kind "practice": quiz.js judges and shows feedback but stores nothing in the quiz's results.
        blocks.append(f'<div class="cq-quiz cq-practice-item" data-cq-quiz="{escape(quiz.id)}" data-cq-kind="practice"'
                      f' data-cq-practice="{escape(quiz.id)}/{escape(q.id)}">{question}</div>')
    # The dates of the next sessions are written by the browser in the language's CLDR locale (en-GB).
    html = (f'<div class="cq-practice" data-cq-practice data-cq-locale="{escape(strings.cldr_locale)}">'
            '<p class="cq-practice-status" role="status" aria-live="polite"></p>'
            + "".join(blocks)
            + '<p class="cq-practice-tools" hidden>'
            f'<button type="button" class="md-button cq-practice-more" hidden>{escape(t["practice_more"])}</button> '
            f'<button type="button" class="md-button cq-practice-ics" hidden>{escape(t["practice_ics"])}</button></p>'
            f'<noscript><p>{escape(t["practice_nojs"])}</p></noscript></div>')
    # Python-Markdown passes a raw HTML block through untouched only when it has no blank line.
    return "\n".join(line for line in html.split("\n") if line.strip())


def practice_page(course: Course, lang: str, block: Callable[[str], str], link_for: LinkFor) -> str:
    """The page's Markdown: front matter, title, what practice is, then the practice area.

    `block` places raw HTML (Renderer.quiz_block: a slot filled after MkDocs, kept out of the search index)."""
    t = course.strings[lang].site
    meta = {"title": t["practice"], "description": t["practice_intro"]}
    return ("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=1000) + "---\n\n"
            + f"# {t['practice']}\n\n{t['practice_intro']}\n\n{block(practice_html(course, lang, link_for))}\n")
