"""The printed handouts of a workshop pack, each a standalone HTML document for WeasyPrint.

A module's worksheets (sheets.py, with the way home), its one-page quiz key (quick_key.py) and the
paperwork of a funded session (sign-in sheet, satisfaction form, certificates, print list), in the
brand's colour and the course's language. The same sheets and key as in the workbook and the
trainer edition: one source, no second copy to keep in step.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources
from typing import Any

from markupsafe import Markup

from generator.course.catalogue import Strings
from generator.course.model import Course, Module
from generator.render.card_sets import CardSet, mark_card_sets
from generator.render.print_html import PrintDocument, long_date
from generator.render.quick_key import quick_key
from generator.render.quiz import environment
from generator.render.sheets import module_sheets, sheet_html
from generator.render.trainer_part import key_anchor
from generator.render.way_home import way_home


@dataclass(frozen=True)
class Session:
    """One workshop on one module: what every handout of its pack shows."""

    course: Course
    module: Module
    lang: str
    organisation: str
    color: str  # the brand's primary colour, #rrggbb
    minutes: int
    content_date: dt.date  # the build date, for the PDF's metadata
    day: dt.date | None = None  # the session's day, when the trainer gave it
    place: str = ""
    site_url: str | None = None
    logo: str | None = None  # a file: URI of the brand's logo

    @property
    def strings(self) -> Strings:
        return self.course.strings[self.lang]

    @property
    def number(self) -> int:
        return self.course.modules.index(self.module) + 1

    @property
    def title(self) -> str:
        return self.module.overview.title(self.lang)


def document(session: Session, title: str, parts: list[Markup]) -> str:
    """A standalone handout: the print stylesheet, the brand's colour, `parts` one after the other."""
    css = resources.files("generator").joinpath("templates/print.css").read_text(encoding="utf-8")
    return environment().get_template("handout.html.j2").render(
        lang=session.lang, dir=session.course.direction(session.lang), title=title, css=Markup(css),
        organisation=session.organisation, course_title=session.course.title(session.lang), color=session.color,
        date_iso=session.content_date.isoformat(), parts=parts)


def sheets_document(session: Session) -> str:
    """The module's worksheets, one A4 page each, with the course's address and QR code."""
    strings = session.strings
    home = way_home(session.site_url, strings)
    parts = [sheet_html(sheet, strings, home) for sheet in module_sheets(session.module, session.lang, strings)]
    return document(session, f"{session.title}{strings.site['colon']} {strings.print['worksheet']}", parts)


def module_card_sets(session: Session, extensions: list[Any]) -> list[CardSet]:
    """The card sets of the module's trainer notes, as the trainer edition prints them (same ids)."""
    trainer = session.module.trainer
    if trainer is None:
        return []
    printer = PrintDocument(session.course, session.lang, "trainer", session.content_date, session.organisation,
                            site_url=session.site_url, extensions=extensions)
    return mark_card_sets(printer.page_html(trainer, shift=1), session.module.slug)[1]


def cards_document(session: Session, cards: list[CardSet]) -> str:
    """The module's card sets, each from a new page (print.css), to cut along the dashed lines."""
    title = session.strings.join(list(dict.fromkeys(c.title for c in cards)))
    return document(session, f"{session.title}{session.strings.site['colon']} {title}",
                    [Markup(c.html) for c in cards])


def key_document(session: Session) -> str:
    """The one-page key of the module quiz, for the trainer."""
    strings, quiz = session.strings, session.course.quizzes[session.module.quiz_id]
    w = strings.table("workshop")
    title = w["quick_key"].format(quiz=quiz.title[session.lang])
    part = environment().get_template("quick_key.html.j2").render(
        key_anchor=key_anchor(session.module), key_title=title, key=quick_key(quiz, strings), t=strings.print, w=w)
    return document(session, title, [Markup(part)])


def paperwork_document(session: Session, doc: str, names: list[str], **extra: Any) -> str:
    """One kind of paperwork (`sign_in`, `satisfaction`, `certificate`, `print_list`) for `names`."""
    strings = session.strings
    t = strings.table("workshop")
    day = long_date(session.day, strings.cldr_locale) if session.day else ""
    duration = strings.count("workshop.session_duration", session.minutes)
    part = environment().get_template("paperwork.html.j2").render(
        doc=doc, t=t, p=strings.print, colon=strings.site["colon"], names=names,
        course_title=session.course.title(session.lang), number=session.number, module_title=session.title,
        date_text=day, place=session.place, duration=duration, organisation=session.organisation,
        objectives=session.module.objectives(session.lang), logo=session.logo, **extra)
    return document(session, f"{t[doc]}{strings.site['colon']} {session.title}", [Markup(part)])
