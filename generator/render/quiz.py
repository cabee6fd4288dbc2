"""Quiz HTML: questions rendered with Jinja, every author text escaped before light formatting."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from generator.course.model import Question, Quiz
from generator.render.strings import STRINGS


def inline(text: str) -> Markup:
    """Escape an author's text, then allow **bold** and *italics* only: HTML is shown, never run."""
    safe = str(escape(text.strip()))
    safe = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", safe)
    safe = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<em>\1</em>", safe)
    return Markup(safe.replace("\n", " "))


def sentence(text: str) -> Markup:
    """Inline text closed by a full stop, unless it already ends with punctuation."""
    html = inline(text)
    return html if text.rstrip().endswith((".", "?", "!", "…", "»", ":", ")")) else Markup(html + ".")


def inline_text(text: str) -> Markup:
    """Plain text for places that cannot hold markup, such as <option>."""
    return Markup(escape(text.replace("**", "").strip()))


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
    return env


def display_order(quiz_id: str, q: Question) -> list[int]:
    """A fixed shuffle of item indexes (never the answer order) so builds are reproducible."""
    n = len(q.items)
    seed = hashlib.sha256(f"{quiz_id}/{q.id}".encode()).digest()
    order = sorted(range(n), key=lambda i: hashlib.sha256(seed + bytes([i])).digest())
    if q.type == "ordering" and order == list(range(n)):
        order = order[1:] + order[:1]
    return order


def render_question(quiz: Quiz, q: Question, lang: str, number: int, total: int,
                    lesson_link: dict[str, str] | None) -> str:
    return environment().get_template("question.html.j2").render(
        quiz=quiz, q=q, lang=lang, number=number, total=total, t=STRINGS[lang],
        order=display_order(quiz.id, q), lesson_link=lesson_link,
    )


def render_quiz(quiz: Quiz, questions: list[Question], lang: str,
                link_for: Callable[[str], dict[str, str] | None]) -> str:
    """HTML of a quiz block holding `questions` (all of the quiz, or one embedded question)."""
    total = len(questions)
    blocks = [
        Markup(render_question(quiz, q, lang, i, total, link_for(q.lesson) if q.lesson else None))
        for i, q in enumerate(questions, 1)
    ]
    html = environment().get_template("quiz.html.j2").render(
        quiz=quiz, questions=blocks, t=STRINGS[lang])
    # Python-Markdown passes a raw HTML block through untouched only when it has no blank line.
    return "\n".join(line for line in html.split("\n") if line.strip())
