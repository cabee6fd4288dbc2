"""Quiz questions for paper: worksheets for the learner, answer-key entries for the trainer.

A worksheet shows the question with empty boxes to tick or write in and never says which
answer is right; the answer key, printed only in the trainer edition, says it and explains.
Items of ordering and matching questions appear in the same fixed shuffle as on the web.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

from markupsafe import Markup

from generator.course.model import Question, Quiz
from generator.render.print_strings import PRINT_STRINGS
from generator.render.quiz import display_order, environment
from generator.render.strings import STRINGS

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


def worksheet(asked: Asked, lang: str) -> Markup:
    """HTML of one question as a worksheet: prompt, instruction and empty boxes."""
    q = asked.question
    return Markup(environment().get_template("worksheet.html.j2").render(
        q=q, lang=lang, t=PRINT_STRINGS[lang], anchor=asked.anchor, label=asked.label,
        order=display_order(asked.quiz.id, q), letters=LETTERS,
    ))


def answer_key(asked: Asked, lang: str, lesson: dict[str, str] | None) -> Markup:
    """HTML of one answer-key entry: the right answer, the explanation and the lesson to review."""
    q = asked.question
    order = display_order(asked.quiz.id, q)
    return Markup(environment().get_template("answer_key.html.j2").render(
        q=q, lang=lang, t=PRINT_STRINGS[lang], colon=STRINGS[lang]["colon"], anchor=asked.anchor,
        label=asked.label, letters=LETTERS, position=[order.index(i) for i in range(len(q.items))],
        lesson=lesson, review=STRINGS[lang]["review"],
    ))
