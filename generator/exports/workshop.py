"""The workshop pack of one module: what a trainer prints for a session, in one folder.

Always: the module's worksheets, its card sets when its trainer notes have any (one set per group
of four), the one-page quiz key and a print list (which pages of the learner workbook, how many
copies for the participants). When the brand opts in (`funded_training: true`),
the paperwork of a funded session too: a sign-in sheet with a morning and an afternoon signature
per participant, a satisfaction form and an attendance certificate per participant. Everything is
written into a staging folder and put in place only when every file is done (output.publish_dir).
"""

from __future__ import annotations

import datetime as dt
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.course import run_sheet
from generator.course.brand import Brand
from generator.course.model import Course, Module
from generator.engine.config import markdown_extensions, print_settings
from generator.errors import UsageError
from generator.exports.pdf import anchor_pages, content_date, pdf_name, write_html_pdf
from generator.output import build_epoch, publish_dir, staging_dir
from generator.render.card_sets import CardSet
from generator.render.handouts import (
    Session,
    cards_document,
    key_document,
    module_card_sets,
    paperwork_document,
    sheets_document,
)
from generator.render.print_html import render_print_html
from generator.render.print_list import page_span, print_items
from generator.render.sheets import module_sheets
from generator.render.trainer_part import key_anchor

Progress = Callable[[str], None]
PAPERWORK = ("sign_in", "satisfaction", "certificate")


@dataclass(frozen=True)
class PackResult:
    """What was written: the folder, its files in print-list order, for how many participants."""

    path: Path
    files: tuple[str, ...]
    participants: int
    seconds: float


def session_minutes(module: Module, lang: str) -> int:
    """The session's length stated on the paperwork: the run sheet's (`workshop_minutes` of the trainer notes),
    else, for a module without one, its computed reading minutes (course/reading_time)."""
    # A 90-minute workshop whose lessons read in 36 minutes lasts 90: the certificates must say so.
    sources = module.trainer.sources if module.trainer else {}
    for source in (sources.get(lang), *sources.values()):  # the run sheet is one plan in every language
        sheet = run_sheet.parse(source) if source else None
        if sheet and sheet.length:
            return sheet.length
    return module.overview.minutes[lang]


def pack_file(module: Module, lang: str, kind: str) -> str:
    return f"{module.slug}-{lang}-{kind.replace('_', '-')}.pdf"


def workbook_pages(course: Course, lang: str, site_url: str | None, epoch: int) -> dict[str, int]:
    """The page of every anchor of the learner workbook, laid out as `coursegen pdf` lays it out."""
    organisation, copyright = print_settings(course.root)
    html = render_print_html(course, lang, "learner", content_date(epoch), organisation, copyright, site_url,
                             markdown_extensions(course.root))
    return anchor_pages(html, course.root)


def _print_rows(session: Session, names: int, pages: dict[str, int], cards: list[CardSet],
                card_pages: dict[str, int], paperwork: bool) -> list[dict[str, str]]:
    strings = session.strings
    w = strings.table("workshop")
    module, lang = session.module, session.lang
    quiz = session.course.quizzes[module.quiz_id]
    workbook = pdf_name(lang, "learner")
    sheets = module_sheets(module, lang, strings)
    rows = []
    sheet_file = pack_file(module, lang, "worksheets")
    for item in print_items(sheets, quiz.title[lang], f"quiz-{module.slug}", "", key_anchor(module), cards)[:-1]:
        if item.start in card_pages:  # a card set: printed from the pack's cards PDF, one set per group
            rows.append({"what": item.title, "file": pack_file(module, lang, "cards"),
                         "pages": page_span(card_pages[item.start], card_pages[item.end]), "workbook": "",
                         "copies": str(item.copies(names))})
            continue
        span = page_span(pages[item.start], pages[item.end])
        # A worksheet is printed from the pack's own PDF (its n-th page); the quiz from the workbook.
        index = next((n for n, sheet in enumerate(sheets, 1) if sheet.anchor == item.start), 0)
        rows.append({"what": item.title, "file": sheet_file if index else workbook, "pages": str(index or span),
                     "workbook": span, "copies": str(item.copies(names))})
    rows.append({"what": w["quick_key"].format(quiz=quiz.title[lang]), "file": pack_file(module, lang, "key"),
                 "pages": "1", "workbook": "", "copies": "1"})
    if paperwork:
        rows.append({"what": w["sign_in"], "file": pack_file(module, lang, "sign_in"), "pages": "1",
                     "workbook": "", "copies": "1"})
        rows.append({"what": w["satisfaction"], "file": pack_file(module, lang, "satisfaction"), "pages": "1",
                     "workbook": "", "copies": str(names)})
        rows.append({"what": w["certificate"], "file": pack_file(module, lang, "certificate"),
                     "pages": page_span(1, names), "workbook": "", "copies": "1"})
    return rows


def write_pack(course: Course, module_slug: str, lang: str, names: list[str], target: Path,
               brand: Brand | None = None, epoch: int | None = None, day: dt.date | None = None, place: str = "",
               site_url: str | None = None, pages: dict[str, int] | None = None, minutes: int | None = None,
               progress: Progress = lambda _: None) -> PackResult:
    """Write the pack of `module_slug` in `lang` for `names` into the folder `target` (replaced when done).

    `pages`: the learner workbook's anchor pages (workbook_pages), when the caller already laid it out.
    `minutes`: the session's length on the paperwork (default: session_minutes, the run sheet's length).
    """
    started = time.perf_counter()
    module = next(m for m in course.modules if m.slug == module_slug)
    epoch = build_epoch(course.root) if epoch is None else epoch
    site_url = site_url or (brand.site_url if brand else None)
    organisation = (brand.name.get(lang) if brand else "") or print_settings(course.root)[0]
    session = Session(course, module, lang, organisation, brand.primary if brand else "#303fa1",
                      minutes or session_minutes(module, lang), content_date(epoch), day, place, site_url,
                      brand.logo.resolve().as_uri() if brand and brand.logo else None)
    paperwork = bool(brand and brand.funded_training)
    if pages is None:
        progress(f"workshop {module.slug}: laying out the {lang} workbook for its page numbers")
        pages = workbook_pages(course, lang, site_url, epoch)
    cards = module_card_sets(session, markdown_extensions(course.root))
    cards_html = cards_document(session, cards) if cards else ""
    # Where each set starts and ends in the pack's cards PDF (a set of ten cards takes several pages).
    card_pages = anchor_pages(cards_html, course.root) if cards else {}
    rows = _print_rows(session, len(names), pages, cards, card_pages, paperwork)
    documents = [("print_list", paperwork_document(session, "print_list", names, rows=rows)),
                 ("worksheets", sheets_document(session))]
    documents += [("cards", cards_html)] if cards else []
    documents.append(("key", key_document(session)))
    if paperwork:
        documents += [(doc, paperwork_document(session, doc, names)) for doc in PAPERWORK]
    else:
        progress(f"workshop {module.slug}: no sign-in sheet, form or certificates: the brand does not set "
                 "funded_training: true")
    target = target.resolve()
    # The pack replaces the folder as a whole: never a folder that holds anything but an earlier pack's PDFs
    # (`-o .` in the course folder would otherwise swap the course away).
    if target.exists() and (not target.is_dir() or any(p.suffix != ".pdf" for p in target.iterdir())):
        raise UsageError(f"-o {target}: this folder holds more than a workshop pack; give a new or empty folder, "
                         "or an earlier pack's")
    staging = staging_dir(target)
    written = []
    try:
        for kind, html in documents:
            name = pack_file(module, lang, kind)
            count = write_html_pdf(html, course.root, staging / name)
            progress(f"workshop {module.slug}: {name}, {count} page(s)")
            written.append(name)
        publish_dir(staging, target)
    finally:
        if staging.exists():  # a failure half-way leaves the previous pack as it was, and no debris
            shutil.rmtree(staging)
    return PackResult(target, tuple(written), len(names), time.perf_counter() - started)
