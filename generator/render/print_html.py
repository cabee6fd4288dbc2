"""One language and one edition of the course as a single print HTML document.

Rendered from the validated Course model through Jinja (print.html.j2 and the print
stylesheet), never from the built site. Links between pages become in-document references
that print their page number; links to pages left out of the printed course become plain
text, or their web address when the portal's address is known. Quiz directives become
worksheets, and each module ends with its sheets to write on (sheets.py).

One numbering for both editions: the trainer edition is the workbook, page for page (same cover
size, same contents, same pages), followed by a trainer part (trainer_part.py: each module's notes,
print list and one-page quiz key, then the full answer key). So "p. 74" in the trainer's notes is
p. 74 of the participants' workbook too, and a page reference in either edition resolves in both.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from markupsafe import Markup

from generator.course import cldr
from generator.course.markdown_scan import directives
from generator.course.model import Course, Module, Page
from generator.render import projector
from generator.render.docs import docs_path, page_url
from generator.render.editions import EDITIONS
from generator.render.print_markdown import LinkResolver, site_extensions, to_html
from generator.render.quiz import environment
from generator.render.sheets import Sheet, module_sheets, sheet_html
from generator.render.trainer_part import TrainerModule, trainer_module
from generator.render.way_home import way_home
from generator.render.worksheet import Asked, anchor_of, answer_key, worksheet

SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
# Course pages printed after the modules, in this order (prefixes of page slugs).
APPENDIX_PAGES = ("tools/index", "tools/", "glossary", "about")


@dataclass
class TocEntry:
    anchor: str
    title: str
    children: list[TocEntry] = field(default_factory=list)


@dataclass
class Part:
    """A printed page of the course (lesson, trainer notes, appendix) or the module quiz."""

    anchor: str
    title: str
    html: Markup
    duration: int = 0


@dataclass
class PrintModule:
    anchor: str
    number: int
    title: str
    intro: Markup
    objectives: list[str]
    duration: int
    lessons: list[Part]
    quiz: Part
    pass_mark: int
    questions: list[Markup]
    sheets: list[Sheet]
    sheet_html: list[Markup]

    def toc(self) -> list[TocEntry]:
        entries = [TocEntry(p.anchor, p.title) for p in (*self.lessons, self.quiz)]
        return entries + [TocEntry(s.anchor, s.title) for s in self.sheets]


@dataclass
class KeyGroup:
    """The answer-key entries of one module (or of the appendices)."""

    anchor: str
    title: str
    entries: list[Markup]


def page_anchor(slug: str) -> str:
    return "p-" + slug.replace("/", "-")


def long_date(day: dt.date, code: str) -> str:
    """`day` written out by the language's CLDR long date pattern: November 30, 2026; 30 novembre 2026."""
    return cldr.long_date(day, code)


def appendix_pages(course: Course) -> list[Page]:
    """The course pages printed after the modules: tools, glossary, about (not home or authoring)."""
    chosen: list[Page] = []
    for prefix in APPENDIX_PAGES:
        for page in course.pages:
            if page not in chosen and (page.slug == prefix or (prefix.endswith("/") and page.slug.startswith(prefix))):
                chosen.append(page)
    return chosen


class PrintDocument:
    """Builds the print HTML of `course` in `lang` for one edition ("learner" or "trainer")."""

    def __init__(self, course: Course, lang: str, edition: str, date: dt.date, organisation: str = "",
                 copyright: str = "", site_url: str | None = None, extensions: list[Any] | None = None,
                 copyright_lang: str = "") -> None:
        if edition not in EDITIONS:
            raise ValueError(f"edition must be one of {', '.join(EDITIONS)}, not {edition!r}")
        self.course, self.lang, self.edition, self.date = course, lang, edition, date
        self.organisation, self.copyright = organisation, copyright
        # The language the licence line is written in, when it is not this edition's (mkdocs.yml's line).
        self.copyright_lang = copyright_lang
        self.site_url = site_url.rstrip("/") + "/" if site_url else None
        self.strings = course.strings[lang]
        self.t = self.strings.print
        self.extensions = site_extensions(course.root, extensions or [])
        self.trainer = edition == "trainer"
        self.pages = course.page_by_slug()
        self.appendices = appendix_pages(course)
        if self.trainer:
            self.pages.update({m.trainer.slug: m.trainer for m in course.modules if m.trainer})
        included = [p for m in course.modules for p in (m.overview, *m.lessons)] + self.appendices
        if self.trainer:
            included += [m.trainer for m in course.modules if m.trainer]
        self.included = {p.slug for p in included}
        self.by_source = {src.path.resolve(): page.slug for page in self.pages.values()
                          for src in page.sources.values()}
        self.asked: dict[str, list[Asked]] = {}
        self.anchors: set[str] = set()
        self.current = ""

    # -- links ---------------------------------------------------------------------------------

    def resolver(self, src_path: Path) -> LinkResolver:
        def resolve(href: str) -> tuple[str | None, str]:
            if SCHEME.match(href):
                return href, "ext"
            path, _, fragment = href.partition("#")
            if not path.endswith(".md"):
                return None, ""
            target = Path(posixpath.normpath((src_path.parent / path).as_posix())).resolve()
            slug = self.by_source.get(target)
            if slug is None:
                return None, ""
            if slug in self.included:
                anchor = page_anchor(slug)
                return f"#{anchor}--{fragment}" if fragment else f"#{anchor}", "xref"
            if self.site_url and slug in self.pages:
                url = f"{self.site_url}{self.lang}/{page_url(docs_path(slug))}"
                return url + (f"#{fragment}" if fragment else ""), "ext"
            return None, ""
        return resolve

    # -- pages ---------------------------------------------------------------------------------

    def ask(self, asked: Asked) -> Markup:
        self.asked.setdefault(self.current, []).append(asked)
        return worksheet(asked, self.strings)

    def unique(self, anchor: str) -> str:
        candidate, n = anchor, 1
        while candidate in self.anchors:
            n += 1
            candidate = f"{anchor}-{n}"
        self.anchors.add(candidate)
        return candidate

    def page_html(self, page: Page, shift: int) -> Markup:
        """A page's body as HTML, its quiz directives turned into worksheets."""
        src = page.sources[self.lang]
        lines = src.body.split("\n")
        slots: dict[str, Markup] = {}
        for index, kind, quiz_id, qid in directives(src.body):
            quiz = self.course.quizzes[quiz_id]
            questions = quiz.questions if kind == "quiz" else [q for q in quiz.questions if q.id == qid]
            sheets = []
            for n, q in enumerate(questions, 1):
                label = self.t["check_question"] + (f" {n}" if len(questions) > 1 else "")
                sheets.append(self.ask(Asked(quiz, q, self.unique(anchor_of(quiz, q)), label)))
            # A placeholder paragraph, swapped for the worksheets after conversion, so that
            # Markdown never reads (or mangles) the worksheet HTML.
            slot = f"CQPRINTSLOT{len(slots)}X"
            slots[slot] = Markup('<div class="ws-group">' + "".join(sheets) + "</div>")
            indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
            lines[index] = f"\n{indent}{slot}\n"
        text = "\n".join(lines) + "\n\n" + self.course.abbreviations.get(self.lang, "")
        body = to_html(text, self.extensions, page_anchor(page.slug), self.resolver(src.path), src.path.parent, shift)
        for slot, block in slots.items():
            body = body.replace(f"<p>{slot}</p>", block).replace(slot, block)
        return Markup(body)

    def module(self, number: int, module: Module) -> tuple[PrintModule, TrainerModule | None]:
        self.current = module.slug
        quiz = self.course.quizzes[module.quiz_id]
        overview = module.overview
        # In reading order, so that the answer key lists questions as the workbook asks them.
        intro = self.page_html(overview, shift=0)
        lessons = [Part(page_anchor(p.slug), p.title(self.lang), self.page_html(p, shift=1), p.minutes[self.lang])
                   for p in module.lessons]
        questions = [self.ask(Asked(quiz, q, self.unique(anchor_of(quiz, q)), f"{self.t['question']} {n}"))
                     for n, q in enumerate(quiz.questions, 1)]
        sheets = module_sheets(module, self.lang, self.strings)
        home = way_home(self.site_url, self.strings)
        printed = PrintModule(
            anchor=page_anchor(overview.slug), number=number, title=overview.title(self.lang),
            intro=intro, objectives=module.objectives(self.lang), duration=overview.minutes[self.lang],
            lessons=lessons, quiz=Part(f"quiz-{module.slug}", quiz.title[self.lang], Markup("")),
            pass_mark=quiz.pass_mark, questions=questions, sheets=sheets,
            sheet_html=[sheet_html(sheet, self.strings, home) for sheet in sheets],
        )
        if not self.trainer:
            return printed, None
        notes = None
        if module.trainer:
            # Where the module's projector view is, above the notes that run the session with it.
            where = projector.print_note(module, self.lang, self.strings.table("projector"), self.site_url)
            notes = (page_anchor(module.trainer.slug), Markup(where) + self.page_html(module.trainer, shift=1))
        return printed, trainer_module(number, module, printed.title, notes, sheets, quiz, printed.quiz.anchor,
                                       self.strings)

    def key(self) -> list[KeyGroup]:
        """The answer key: for each module, every question printed in it, first printing only."""
        titles = {m.slug: m.overview.title(self.lang) for m in self.course.modules}
        groups = []
        for group, asked in self.asked.items():
            seen: set[tuple[str, str]] = set()
            entries = []
            for item in asked:
                ident = (item.quiz.id, item.question.id)
                if ident in seen:
                    continue
                seen.add(ident)
                lesson = item.question.lesson
                link = ({"anchor": page_anchor(lesson), "title": self.pages[lesson].title(self.lang)}
                        if lesson and lesson in self.included else None)
                entries.append(answer_key(item, self.strings, link))
            groups.append(KeyGroup(f"key-{group or 'appendix'}", titles.get(group, self.t["appendices"]), entries))
        return groups

    # -- the whole document --------------------------------------------------------------------

    def render(self) -> str:
        """The complete print HTML, stylesheet inlined."""
        printed = [self.module(n, m) for n, m in enumerate(self.course.modules, 1)]
        modules = [m for m, _ in printed]
        trainer_modules = [tm for _, tm in printed if tm is not None]
        self.current = ""
        appendices = [Part(page_anchor(p.slug), p.title(self.lang), self.page_html(p, 0)) for p in self.appendices]
        key = self.key() if self.trainer else []
        # The same contents in both editions, so that the trainer edition keeps the workbook's page numbers;
        # the trainer part has its own contents, and the cover says on which page it starts.
        toc = [TocEntry(m.anchor, f"{self.t['module']} {m.number}. {m.title}", m.toc()) for m in modules]
        if appendices:
            toc.append(TocEntry("", self.t["appendices"],
                                [TocEntry(a.anchor, a.title) for a in appendices]))
        title = self.course.title(self.lang) or self.strings.site["course_title"]
        css = resources.files("generator").joinpath("templates/print.css").read_text(encoding="utf-8")
        return environment().get_template("print.html.j2").render(
            lang=self.lang, dir=self.course.direction(self.lang), language_name=self.course.name(self.lang),
            t=self.t, colon=self.strings.site["colon"], percent=self.strings.percent, title=title, edition=self.edition,
            edition_name=self.t[f"edition_{self.edition}"], organisation=self.organisation,
            copyright=self.copyright, copyright_lang=self.copyright_lang,
            copyright_dir=self.course.direction(self.copyright_lang) if self.copyright_lang else "",
            date_text=long_date(self.date, self.strings.cldr_locale),
            date_iso=self.date.isoformat(),
            description=self._description(), css=Markup(css), toc=toc, modules=modules, appendices=appendices,
            key=key, trainer_modules=trainer_modules, w=self.strings.table("workshop"),
            way_home=way_home(self.site_url, self.strings),
        )

    def _description(self) -> str:
        home = next((p for p in self.course.pages if p.slug == "index"), None)
        return home.description(self.lang) if home else ""


def render_print_html(course: Course, lang: str, edition: str, date: dt.date, organisation: str = "",
                      copyright: str = "", site_url: str | None = None,
                      extensions: list[Any] | None = None, copyright_lang: str = "") -> str:
    """The print HTML of one language and edition of a validated course.

    `extensions` is mkdocs.yml's `markdown_extensions` list, so that print and site read lessons alike;
    `copyright_lang` the language of the licence line when it is not `lang` (it is then marked so).
    """
    return PrintDocument(course, lang, edition, date, organisation, copyright, site_url, extensions or [],
                         copyright_lang).render()
