"""The language chooser at the top of a portal: sends each visitor to the language of their browser."""

from __future__ import annotations

from pathlib import Path

from generator.course.catalogue import activate
from generator.course.model import Course
from generator.render.quiz import environment
from generator.render.strings import STRINGS


def write_chooser(course: Course, out: Path, index: str = "") -> None:
    """The language chooser at the top; `index="index.html"` for copies read over file://."""
    activate(course)
    html = environment().get_template("chooser.html.j2").render(
        languages=list(course.languages), index=index,
        names={lang: course.name(lang) for lang in course.languages},
        dirs={lang: course.direction(lang) for lang in course.languages},
        titles={lang: course.title(lang) or STRINGS[lang]["course_title"] for lang in course.languages},
        choose={lang: STRINGS[lang]["choose_language"] for lang in course.languages},
        colons={lang: STRINGS[lang]["colon"] for lang in course.languages},
    )
    (out / "index.html").write_text(html, encoding="utf-8")
