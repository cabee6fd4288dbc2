"""The language chooser at the top of a portal: sends each visitor to the language of their browser."""

from __future__ import annotations

from pathlib import Path

from generator.course.model import Course
from generator.render.quiz import environment


def write_chooser(course: Course, out: Path, index: str = "") -> None:
    """The language chooser at the top; `index="index.html"` for copies read over file://."""
    html = environment().get_template("chooser.html.j2").render(
        languages=list(course.languages), index=index,
        names={lang: course.name(lang) for lang in course.languages},
        dirs={lang: course.direction(lang) for lang in course.languages},
        titles={lang: course.title(lang) or course.strings[lang].site["course_title"] for lang in course.languages},
        choose={lang: course.strings[lang].site["choose_language"] for lang in course.languages},
        colons={lang: course.strings[lang].site["colon"] for lang in course.languages},
    )
    (out / "index.html").write_text(html, encoding="utf-8")
