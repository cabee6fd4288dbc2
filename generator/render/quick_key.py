"""The one-page key of a module quiz: each question's answer by its printed letter and its text.

Letters follow the paper's order (quiz.choices_in_order for options, quiz.display_order for the
items of ordering and matching questions), the order the workbook prints, so "B" on the key is the
second box on the learner's sheet. Phones shuffle per attempt: the key says it is for paper.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from generator.course.catalogue import Strings
from generator.course.model import Question, Quiz
from generator.render.quiz import answer_text, choices_in_order, display_order
from generator.render.quiz import inline as _inline
from generator.render.worksheet import LETTERS


@dataclass(frozen=True)
class KeyLine:
    """One question of the key: its number on paper, the letters to accept, the answer in words."""

    number: int
    letters: str
    text: Markup


def key_line(number: int, quiz: Quiz, q: Question, strings: Strings) -> KeyLine:
    """The key of question `number` of `quiz` as the workbook prints it."""
    lang, t = strings.lang, strings.print
    if q.type in ("single", "multiple", "true_false"):
        choices = choices_in_order(quiz, q)
        right = [(LETTERS[i], c) for i, c in enumerate(choices) if c.correct]
        texts = [escape(t[c.id]) if q.type == "true_false" else _inline(c.text[lang]) for _, c in right]
        return KeyLine(number, ", ".join(letter for letter, _ in right), Markup(" · ").join(texts))
    order = display_order(quiz.id, q)
    if q.type == "ordering":
        # Items are printed in `order`, lettered A, B...: the right sequence is the letter of each item in turn.
        letters = [LETTERS[order.index(i)] for i in range(len(q.items))]
        return KeyLine(number, ", ".join(letters), Markup(" → ").join(_inline(item.text[lang]) for item in q.items))
    if q.type == "matching":
        letters = [LETTERS[order.index(i)] for i in range(len(q.items))]
        pairs = [Markup("{}\u00a0→ {}").format(_inline(item.text[lang]), _inline((item.right or {}).get(lang, "")))
                 for item in q.items]
        return KeyLine(number, ", ".join(letters), Markup(" · ").join(pairs))
    return KeyLine(number, "", escape(answer_text(q, q.answers[0], strings)))


def quick_key(quiz: Quiz, strings: Strings) -> list[KeyLine]:
    """Every question of `quiz`, in the order the workbook prints them."""
    return [key_line(n, quiz, q, strings) for n, q in enumerate(quiz.questions, 1)]
