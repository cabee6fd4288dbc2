"""Quiz questions for paper: worksheets for the learner, answer-key entries for the trainer.

A worksheet shows the question with empty boxes to tick or write in and never says which
answer is right; the answer key, printed only in the trainer edition, says it and explains.
Items of ordering and matching questions appear in the same fixed shuffle as on the web.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

from markupsafe import Markup

from generator.course.catalogue import Strings
from generator.course.model import Question, Quiz
from generator.render.quiz import choices_in_order, display_order, environment

LETTERS = string.ascii_uppercase


@dataclass(frozen=True)
class Asked:
    """A question printed as a worksheet: where it is, and the label it was printed with."""

    quiz: Quiz
    question: Question
    anchor: str
    label: str


def anchor_of(quiz: Quiz, q: Question) -> str:
    return f"ws-{quiz.id}-{q.id}"


def worksheet(asked: Asked, strings: Strings) -> Markup:
    """HTML of one question as a worksheet: prompt, instruction and empty boxes."""
    q = asked.question
    return Markup(environment().get_template("worksheet.html.j2").render(
        q=q, lang=strings.lang, t=strings.print, anchor=asked.anchor, label=asked.label,
        order=display_order(asked.quiz.id, q), letters=LETTERS, choices=choices_in_order(asked.quiz, q),
    ))


def answer_key(asked: Asked, strings: Strings, lesson: dict[str, str] | None) -> Markup:
    """HTML of one answer-key entry: the right answer, the explanation and the lesson to review."""
    q = asked.question
    order = display_order(asked.quiz.id, q)
    return Markup(environment().get_template("answer_key.html.j2").render(
        q=q, lang=strings.lang, strings=strings, t=strings.print, colon=strings.site["colon"], anchor=asked.anchor,
        label=asked.label, letters=LETTERS, position=[order.index(i) for i in range(len(q.items))],
        choices=choices_in_order(asked.quiz, q),
        lesson=lesson, review=strings.site["review"],
    ))
