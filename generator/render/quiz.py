"""Quiz HTML: questions rendered with Jinja, every author text escaped before light formatting."""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from generator.course.model import Answer, Choice, Question, Quiz

if TYPE_CHECKING:
    from generator.course.catalogue import Strings


_LANG = r"\{\s*lang=([a-z]{2,3}(?:-[A-Za-z0-9]+)*)\s*\}"


def inline(text: str) -> Markup:
    """Escape an author's text, then allow **bold** and *italics* only: HTML is shown, never run."""
    safe = str(escape(text.strip()))
    safe = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", safe)
    safe = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<em>\1</em>", safe)
    # Words in another language, marked as in a lesson (`*Hug Your Haters*{lang=en}`), carry their language
    # so screen readers switch voice and the proofreader leaves them to their own language (WCAG 3.1.2).
    safe = re.sub(r"<(em|strong)>([^<]*)</\1>" + _LANG, r'<\1 lang="\3">\2</\1>', safe)
    return Markup(safe.replace("\n", " "))


# What ends a sentence in the scripts of the shipped languages besides . ? ! …: the full stops and question and
# exclamation marks of CJK (。？！), Arabic script (؟ ۔), Devanagari (। ॥), Myanmar (။), Armenian (։ ՞ ՜).
TERMINAL = (".", "?", "!", "…", "。", "？", "！", "؟", "۔", "।", "॥", "။", "։", "՞", "՜")


def sentence(text: str) -> Markup:
    """Inline text closed by a full stop, unless it already ends with punctuation (in any shipped script)."""
    html = inline(text)
    end = text.rstrip()
    if end.endswith("»"):  # « vérifié » still needs its full stop; « … j’en ai assez ! » has its own
        end = end[:-1].rstrip(" \u00a0\u202f")
        return html if end.endswith(TERMINAL) else Markup(html + ".")
    return html if end.endswith((*TERMINAL, ":", "：", ")", "）")) else Markup(html + ".")


def closed(text: str) -> Markup:
    """Like `sentence`, but a closing parenthesis still takes a full stop: "4.5 % (from 4.4 to 4.6)."."""
    return Markup(inline(text) + ".") if text.rstrip().endswith(")") else sentence(text)


def inline_text(text: str) -> Markup:
    """Plain text for places that cannot hold markup, such as <option>."""
    text = re.sub(r"(\*{1,2})([^*]+?)\1" + _LANG, r"\2", text)
    return Markup(escape(text.replace("**", "").strip()))


def number(value: float, strings: Strings) -> str:
    """A number as the language writes it (CLDR): 1,234.5 in English, 1 234,5 in French (no trailing zeros)."""
    return strings.number(value)


def with_unit(value: float, q: Question, strings: Strings) -> str:
    """A number and the question's unit; a percent sign where and as the language's CLDR pattern puts it."""
    unit = q.unit.get(strings.lang, "")
    if unit.strip() == "%":
        return strings.percent(value)
    return number(value, strings) + ("\u00a0" + unit if unit else "")


def answer_text(q: Question, answer: Answer, strings: Strings) -> str:
    """A typed answer in words: "4.5 % (counted right from 4.4 % to 4.6 %)", "KPI (also accepted: ICP)"."""
    t, lang = strings.site, strings.lang
    if q.type == "numeric":
        text = with_unit(answer.value or 0.0, q, strings)
        if answer.correct and answer.tolerance:
            span = t["counted_right"].format(low=with_unit(answer.low, q, strings),
                                             high=with_unit(answer.high, q, strings))
            text += f" ({span})"
        return text
    first, *others = answer.texts.get(lang, [""])
    # Accepted texts are alternatives: joined as the language writes "a, b or c" (CLDR), not with ASCII commas.
    if answer.correct and others:
        return f"{first} ({t['also_accepted']}{t['colon']} {strings.join(others, 'or')})"
    return strings.join([first, *others], "or")


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=False,
    )
    env.filters["inline"] = inline
    env.filters["inline_text"] = inline_text
    env.filters["sentence"] = sentence
    env.filters["closed"] = closed
    env.globals["answer_text"] = answer_text
    return env


def display_order(quiz_id: str, q: Question) -> list[int]:
    """A fixed shuffle of item indexes (never the answer order) so builds are reproducible."""
    n = len(q.items)
    seed = hashlib.sha256(f"{quiz_id}/{q.id}".encode()).digest()
    order = sorted(range(n), key=lambda i: hashlib.sha256(seed + bytes([i])).digest())
    if q.type == "ordering" and order == list(range(n)):
        order = order[1:] + order[:1]
    return order


def choices_in_order(quiz: Quiz, q: Question) -> list[Choice]:
    """The options as paper and pages without JS show them: a fixed shuffle seeded by the question's id.

    The author's order can carry a pattern (right answers at a, b, c, a, b, c); a shuffle per question
    hides it, stays the same from build to build (the trainer's key and the workbook agree), and keeps the
    author's order where the question asks for it (`shuffle: false`, "both of the above")."""
    if q.type not in ("single", "multiple") or not quiz.shuffles(q):
        return list(q.choices)
    seed = hashlib.sha256(f"{quiz.id}/{q.id}".encode()).digest()
    return sorted(q.choices, key=lambda c: hashlib.sha256(seed + c.id.encode()).digest())


def render_question(quiz: Quiz, q: Question, strings: Strings, number: int, total: int,
                    lesson_link: dict[str, str] | None) -> str:
    return environment().get_template("question.html.j2").render(
        quiz=quiz, q=q, lang=strings.lang, strings=strings, number=number, total=total, t=strings.site,
        order=display_order(quiz.id, q), lesson_link=lesson_link, choices=choices_in_order(quiz, q),
    )


def exam_minutes(quiz: Quiz, time_factor: float = 1.0) -> int:
    """The minutes an exam allows: its time limit times the brand's factor (WCAG 2.2.1), whole minutes up."""
    return math.ceil(quiz.time_limit * time_factor - 1e-9) if quiz.time_limit else 0


def extension_minutes(minutes: int) -> int:
    """What one "more time" adds: half the time allowed, at least a minute (exam.js's cq.clock.step)."""
    return max(1, math.ceil(minutes / 2))


def render_quiz(quiz: Quiz, questions: list[Question], strings: Strings,
                link_for: Callable[[str], dict[str, str] | None],
                next_link: dict[str, str] | None = None, time_factor: float = 1.0) -> str:
    """HTML of a quiz block holding `questions` (all of the quiz, or one embedded question).

    `next_link` ({href, label}): the button shown once a module quiz is passed; `time_factor`: the
    brand's multiplier of an exam's time limit."""
    total = len(questions)
    blocks = [
        Markup(render_question(quiz, q, strings, i, total, link_for(q.lesson) if q.lesson else None))
        for i, q in enumerate(questions, 1)
    ]
    minutes = exam_minutes(quiz, time_factor) if quiz.mode == "exam" else 0
    html = environment().get_template("quiz.html.j2").render(
        quiz=quiz, questions=blocks, t=strings.site, count=strings.count, percent=strings.percent, next=next_link,
        minutes=minutes,
        extension=extension_minutes(minutes))
    # Python-Markdown passes a raw HTML block through untouched only when it has no blank line.
    return "\n".join(line for line in html.split("\n") if line.strip())
